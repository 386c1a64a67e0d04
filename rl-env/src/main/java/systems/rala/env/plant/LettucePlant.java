package systems.rala.env.plant;

import java.util.List;
import java.util.Map;
import systems.rala.runtime.control.Point;
import systems.rala.twin.lettuce.VanHentenLettuce;
import systems.rala.twin.weather.WeatherVariable;

/** The Van Henten lettuce twin seen as a site: readings by point name; commands are U_c, U_v, U_q. */
public final class LettucePlant {

    private LettucePlant() {}

    /** Readings the lettuce twin provides. */
    public static final List<Point> READINGS = List.of(
            new Point("air_temperature", "C", "indoor air temperature", -50, 80),
            new Point("air_relative_humidity", "%", "indoor relative humidity (capped at 100)", 0, 100),
            new Point("air_co2", "ppm", "indoor CO2", 0, 10000),
            new Point("crop_dry_weight", "kg/m2", "crop dry weight", 0, 1),
            new Point("outdoor_temperature", "C", "outdoor air temperature", -70, 70),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global radiation", 0, 1400),
            new Point("outdoor_relative_humidity", "%", "outdoor relative humidity", 0, 100),
            new Point("outdoor_co2", "ppm", "outdoor CO2", 0, 2000));

    /** The reading named {@code name} for {@code model}; an error listing the readings if there is none. */
    public static Reading reading(VanHentenLettuce model, String name) {
        Map<String, Reading> sources = Map.of(
                "air_temperature", (x, d) -> x[VanHentenLettuce.TEMPERATURE],
                "air_relative_humidity", (x, d) -> model.measuredRelativeHumidity(x),
                "air_co2", (x, d) -> model.indoorCo2Ppm(x),
                "crop_dry_weight", (x, d) -> x[VanHentenLettuce.DRY_WEIGHT],
                "outdoor_temperature", (x, d) -> d[WeatherVariable.AIR_TEMPERATURE.ordinal()],
                "outdoor_global_radiation", (x, d) -> d[WeatherVariable.GLOBAL_RADIATION.ordinal()],
                "outdoor_relative_humidity", (x, d) -> d[WeatherVariable.RELATIVE_HUMIDITY.ordinal()],
                "outdoor_co2", (x, d) -> d[WeatherVariable.CO2.ordinal()]);
        Reading r = sources.get(name);
        if (r == null) {
            throw new IllegalArgumentException("the lettuce twin has no reading '" + name + "'; it has "
                    + READINGS.stream().map(Point::name).toList());
        }
        return r;
    }
}
