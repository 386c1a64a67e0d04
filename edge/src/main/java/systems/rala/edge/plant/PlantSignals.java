package systems.rala.edge.plant;

import java.util.List;
import java.util.Map;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The signals the tomato twin offers a point map: its sensors, computed from the model's state and the weather
 * with the same names and units as rl-env's {@code TomatoPlant} and the wire contract's sensor kinds, its
 * actuator inputs, and the site clock.
 */
final class PlantSignals {

    private PlantSignals() {}

    /** How a sensor is computed from the state {@code x} and the weather {@code d}. */
    @FunctionalInterface
    interface Sensor {
        double value(double[] x, double[] d);
    }

    /**
     * A signal the plant can serve.
     *
     * @param unit the unit the plant computes it in (the point may use another of the same quantity)
     * @param sensor how it is computed, or null for an actuator or the clock
     * @param input the model input an actuator drives, or -1
     */
    record Signal(String unit, Sensor sensor, int input) {}

    /** The site clock: seconds since 1970-01-01T00:00Z, so that a gateway can run on the plant's time. */
    static final String SITE_CLOCK = "site_clock";

    static final Map<String, Signal> SIGNALS = Map.ofEntries(
            sensor("air_temperature", "°C", (x, d) -> x[TomatoModel.T_AIR]),
            sensor("air_relative_humidity", "%", (x, d) -> TomatoModel.relativeHumidity(x)),
            sensor("air_co2", "ppm", (x, d) -> TomatoModel.co2Ppm(x)),
            sensor("air_vpd", "kPa", (x, d) -> TomatoModel.vpdKpa(x)),
            sensor("canopy_temperature", "°C", (x, d) -> x[TomatoModel.T_CAN]),
            sensor("pipe_temperature", "°C", (x, d) -> x[TomatoModel.T_PIPE]),
            sensor("grow_pipe_temperature", "°C", (x, d) -> x[TomatoModel.T_GRO_PIPE]),
            sensor("outdoor_temperature", "°C", (x, d) -> d[WeatherVariable.AIR_TEMPERATURE.ordinal()]),
            sensor("outdoor_relative_humidity", "%", (x, d) -> d[WeatherVariable.RELATIVE_HUMIDITY.ordinal()]),
            sensor("outdoor_global_radiation", "W/m2", (x, d) -> d[WeatherVariable.GLOBAL_RADIATION.ordinal()]),
            sensor("outdoor_daily_radiation_sum", "MJ/m2", (x, d) -> d[WeatherVariable.DAILY_RADIATION_SUM.ordinal()]),
            sensor("outdoor_wind_speed", "m/s", (x, d) -> d[WeatherVariable.WIND_SPEED.ordinal()]),
            sensor("outdoor_co2", "ppm", (x, d) -> d[WeatherVariable.CO2.ordinal()]),
            Map.entry(SITE_CLOCK, new Signal("s", null, -1)),
            actuator("uBoil", TomatoModel.U_BOIL),
            actuator("uBoilGro", TomatoModel.U_BOIL_GRO),
            actuator("uThScr", TomatoModel.U_TH_SCR),
            actuator("uBlScr", TomatoModel.U_BL_SCR),
            actuator("uRoof", TomatoModel.U_ROOF),
            actuator("uSide", TomatoModel.U_SIDE),
            actuator("uLamp", TomatoModel.U_LAMP),
            actuator("uIntLamp", TomatoModel.U_INT_LAMP),
            actuator("uExtCo2", TomatoModel.U_EXT_CO2));

    /** The names, sorted, for error messages. */
    static List<String> names() {
        return SIGNALS.keySet().stream().sorted().toList();
    }

    private static Map.Entry<String, Signal> sensor(String name, String unit, Sensor s) {
        return Map.entry(name, new Signal(unit, s, -1));
    }

    private static Map.Entry<String, Signal> actuator(String name, int input) {
        return Map.entry(name, new Signal("-", null, input));
    }
}
