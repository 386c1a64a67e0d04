package systems.rala.env.plant;

import java.util.List;
import java.util.Map;
import systems.rala.runtime.control.Point;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The tomato twin seen as a site: the readings a controller can ask for, computed from the model's state
 * and the weather, with the same point names a gateway reads from the PLCs. The commands are the model's
 * actuator inputs (uBoil, uRoof, …).
 */
public final class TomatoPlant {

    private TomatoPlant() {}

    /** Readings the tomato twin provides, with units. */
    public static final List<Point> READINGS = List.of(
            new Point("air_temperature", "C", "air temperature below the screens", -50, 80),
            new Point("air_relative_humidity", "%", "relative humidity below the screens", 0, 100),
            new Point("air_co2", "ppm", "CO2 below the screens", 0, 10000),
            new Point("air_vpd", "kPa", "vapour pressure deficit below the screens", -1, 10),
            new Point("canopy_temperature", "C", "canopy temperature", -50, 80),
            new Point("pipe_temperature", "C", "pipe-rail water temperature", -50, 150),
            new Point("outdoor_temperature", "C", "outdoor air temperature", -70, 70),
            new Point("outdoor_relative_humidity", "%", "outdoor relative humidity", 0, 100),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global horizontal radiation", 0, 1400),
            new Point("outdoor_daily_radiation_sum", "MJ/m2", "outdoor radiation sum of the local day", 0, 45),
            new Point("outdoor_wind_speed", "m/s", "outdoor wind speed", 0, 60),
            new Point("outdoor_co2", "ppm", "outdoor CO2", 0, 2000));

    private static final Map<String, Reading> SOURCES = Map.ofEntries(
            Map.entry("air_temperature", (x, d) -> x[TomatoModel.T_AIR]),
            Map.entry("air_relative_humidity", (x, d) -> TomatoModel.relativeHumidity(x)),
            Map.entry("air_co2", (x, d) -> TomatoModel.co2Ppm(x)),
            Map.entry("air_vpd", (x, d) -> TomatoModel.vpdKpa(x)),
            Map.entry("canopy_temperature", (x, d) -> x[TomatoModel.T_CAN]),
            Map.entry("pipe_temperature", (x, d) -> x[TomatoModel.T_PIPE]),
            Map.entry("outdoor_temperature", (x, d) -> d[WeatherVariable.AIR_TEMPERATURE.ordinal()]),
            Map.entry("outdoor_relative_humidity", (x, d) -> d[WeatherVariable.RELATIVE_HUMIDITY.ordinal()]),
            Map.entry("outdoor_global_radiation", (x, d) -> d[WeatherVariable.GLOBAL_RADIATION.ordinal()]),
            Map.entry("outdoor_daily_radiation_sum", (x, d) -> d[WeatherVariable.DAILY_RADIATION_SUM.ordinal()]),
            Map.entry("outdoor_wind_speed", (x, d) -> d[WeatherVariable.WIND_SPEED.ordinal()]),
            Map.entry("outdoor_co2", (x, d) -> d[WeatherVariable.CO2.ordinal()]));

    /** The reading named {@code name}; an error listing the readings if there is none. */
    public static Reading reading(String name) {
        Reading f = SOURCES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("the tomato twin has no reading '" + name + "'; it has "
                    + READINGS.stream().map(Point::name).toList());
        }
        return f;
    }
}
