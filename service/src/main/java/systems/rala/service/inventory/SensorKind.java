package systems.rala.service.inventory;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import systems.rala.runtime.observation.Units;

/**
 * What a sensor measures, named as the wire contract names the reading (the point names of the site's point
 * list that the controllers and environments consume, e.g. {@code RuleBasedClimateController}'s observations),
 * with the canonical unit the service stores it in. Units are compared after {@link Units#normalise}, so
 * {@code C}, {@code degC} and {@code °C} are one unit.
 */
public enum SensorKind {
    AIR_TEMPERATURE("air_temperature", "°C", "greenhouse air temperature"),
    AIR_RELATIVE_HUMIDITY("air_relative_humidity", "%", "greenhouse air relative humidity"),
    AIR_CO2("air_co2", "ppm", "greenhouse air CO2 concentration"),
    AIR_VPD("air_vpd", "kPa", "vapour pressure deficit of the greenhouse air"),
    CANOPY_TEMPERATURE("canopy_temperature", "°C", "canopy (leaf) temperature"),
    CANOPY_PAR("canopy_par", "umol/m2/s", "photosynthetically active photon flux density at the canopy"),
    PIPE_TEMPERATURE("pipe_temperature", "°C", "pipe-rail heating water temperature"),
    OUTDOOR_TEMPERATURE("outdoor_temperature", "°C", "outdoor air temperature"),
    OUTDOOR_RELATIVE_HUMIDITY("outdoor_relative_humidity", "%", "outdoor air relative humidity"),
    OUTDOOR_GLOBAL_RADIATION("outdoor_global_radiation", "W/m2", "outdoor global horizontal radiation"),
    OUTDOOR_WIND_SPEED("outdoor_wind_speed", "m/s", "outdoor wind speed"),
    OUTDOOR_CO2("outdoor_co2", "ppm", "outdoor CO2 concentration");

    private final String wireName;
    private final String unit;
    private final String description;

    SensorKind(String wireName, String unit, String description) {
        this.wireName = wireName;
        this.unit = unit;
        this.description = description;
    }

    /** The reading name on the wire, e.g. {@code air_temperature}; also the API's spelling of the kind. */
    public String wireName() {
        return wireName;
    }

    /** The canonical unit, as {@link Units#normalise} spells it. */
    public String unit() {
        return unit;
    }

    public String description() {
        return description;
    }

    /** Whether {@code unit} is this kind's canonical unit in any of the spellings {@link Units} accepts. */
    public boolean accepts(String unit) {
        return Units.normalise(unit).equals(this.unit);
    }

    public static Optional<SensorKind> fromWire(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }

    /** The allowed wire names, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(SensorKind::wireName).collect(Collectors.joining(", "));
    }
}
