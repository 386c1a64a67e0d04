package systems.rala.runtime.control.baseline;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;

/**
 * The grower heuristic of the Van Henten lettuce benchmark (lettuce-greenhouse-gym, {@code
 * baselines/heuristic.py}, after the set-points of Van Henten 1994's validation experiments): heat towards
 * 14 °C by day (outdoor radiation above 50 W m⁻²) and 10 °C at night with a proportional gain, ventilate
 * above set-point + 2 °C or above 80 % RH, dose CO2 towards 750 ppm by day while the vents are nearly shut.
 * Memoryless; the benchmark environment adds its own rate limit on top.
 */
public final class LettuceGrowerHeuristic implements Controller {

    /** Day when outdoor radiation exceeds this [W m⁻²]. */
    public static final double DAY_RADIATION = 50;
    /** Heating set-point by day [°C]. */
    public static final double TEMP_DAY = 14;
    /** Heating set-point at night [°C]. */
    public static final double TEMP_NIGHT = 10;
    /** Heating gain [W m⁻² K⁻¹]. */
    public static final double HEAT_GAIN = 30;
    /** Ventilation dead band above the set-point [K]. */
    public static final double VENT_DEADBAND = 2;
    /** Ventilation gain on temperature [mm s⁻¹ K⁻¹]. */
    public static final double VENT_TEMP_GAIN = 2;
    /** Humidity above which to ventilate [%]. */
    public static final double RH_MAX = 80;
    /** Ventilation gain on humidity [mm s⁻¹ %⁻¹]. */
    public static final double VENT_RH_GAIN = 0.5;
    /** CO2 target [ppm]. */
    public static final double CO2_TARGET = 750;
    /** CO2 gain [mg m⁻² s⁻¹ ppm⁻¹]. */
    public static final double CO2_GAIN = 0.006;
    /** Ventilation above which no CO2 is dosed [mm s⁻¹]. */
    public static final double CO2_VENT_CUTOFF = 2;

    private static final List<Point> READINGS = List.of(
            new Point("air_temperature", "C", "indoor air temperature", -50, 80),
            new Point("air_relative_humidity", "%", "indoor relative humidity", 0, 100),
            new Point("air_co2", "ppm", "indoor CO2", 0, 10000),
            new Point("outdoor_global_radiation", "W/m2", "outdoor global radiation", 0, 1400));

    private static final List<Point> COMMANDS = List.of(
            new Point("U_c", "mg m-2 s-1", "CO2 supply", 0, 1.2),
            new Point("U_v", "mm s-1", "ventilation", 0, 7.5),
            new Point("U_q", "W m-2", "heating", 0, 150));

    @Override
    public List<Point> readings() {
        return READINGS;
    }

    @Override
    public List<Point> commands() {
        return COMMANDS;
    }

    @Override
    public void decide(ControlInput in, double[] out) {
        double[] v = in.values();
        double temp = v[0];
        double rh = v[1];
        double co2 = v[2];
        double rad = v[3];
        boolean day = rad > DAY_RADIATION;
        double sp = day ? TEMP_DAY : TEMP_NIGHT;
        double heat = clamp(HEAT_GAIN * (sp - temp), 150);
        double vent = clamp(
                VENT_TEMP_GAIN * Math.max(0, temp - sp - VENT_DEADBAND) + VENT_RH_GAIN * Math.max(0, rh - RH_MAX), 7.5);
        double dose = day && vent <= CO2_VENT_CUTOFF ? clamp(CO2_GAIN * (CO2_TARGET - co2), 1.2) : 0;
        out[0] = dose;
        out[1] = vent;
        out[2] = heat;
    }

    /** Clamps to [0, max]; NaN (a missing reading) gives 0, the actuator's resting state. */
    private static double clamp(double v, double max) {
        return v > 0 ? Math.min(v, max) : 0;
    }
}
