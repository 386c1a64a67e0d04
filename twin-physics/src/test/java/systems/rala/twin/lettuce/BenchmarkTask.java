package systems.rala.twin.lettuce;

/**
 * The lettuce benchmark's task around the model, rebuilt from its description (notes {@code benchmark.md}
 * sections 2 to 4; RL-SMPC {@code configs/envs/LettuceGreenhouse.yml} and {@code common/utils.py}): delta
 * actions with rate limits, the economic reward and the hinge penalties on the observation. Test code only, to
 * check the model against the benchmark's published numbers; the environment module owns the real task.
 */
final class BenchmarkTask {

    /** Actuator bounds u_max [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²]; u_min is 0. */
    static final double[] U_MAX = {1.2, 7.5, 150.0};

    /** Rate limits per step: u_max / 10. */
    static final double[] DU_MAX = {0.12, 0.75, 15.0};

    /** The "previous control" at the first step. */
    static final double[] U0 = {0.0, 0.0, 50.0};

    /** Price of dry matter c_p3 [€ kg⁻¹]. */
    static final double LETTUCE_PRICE = 22.285125;

    /** Price of heat [€ kWh⁻¹]. */
    static final double HEAT_PRICE = 0.1281;

    /** Price of CO2 [€ kg⁻¹]. */
    static final double CO2_PRICE = 0.1906;

    private BenchmarkTask() {}

    /**
     * The control applied when a controller asks for {@code target} after {@code previous}: the action a =
     * clip((u* − u_prev)/δu_max, −1, 1), then u = clip(u_prev + a δu_max, 0, u_max). Written into {@code u}.
     */
    static void applyTarget(double[] previous, double[] target, double[] u) {
        for (int i = 0; i < 3; i++) {
            double a = Math.min(Math.max((target[i] - previous[i]) / DU_MAX[i], -1.0), 1.0);
            u[i] = Math.min(Math.max(previous[i] + a * DU_MAX[i], 0.0), U_MAX[i]);
        }
    }

    /**
     * The reward of one step of {@code dt} [s] from {@code x} to {@code next} under {@code u}: revenue of the
     * dry-weight gain minus heating and CO2 costs minus the hinge penalties on the observation of {@code next}
     * (CO2 500–1600 ppm at 5e-5 € per ppm, temperature 10–20 °C at 3e-3 below and 5e-3 above per °C, RH up to
     * 80 % at 7e-4 per %; RH capped at 100).
     */
    static double reward(VanHentenLettuce model, double[] x, double[] next, double[] u, double dt) {
        double revenue = LETTUCE_PRICE * (next[0] - x[0]);
        double heat = HEAT_PRICE * u[2] * dt / 3600.0 / 1000.0;
        double co2 = CO2_PRICE * u[0] * 1e-6 * dt;
        return revenue - heat - co2 - penalty(model, next);
    }

    /** The benchmark's penalty on the observation of state {@code x} [€ m⁻²]. */
    static double penalty(VanHentenLettuce model, double[] x) {
        double ppm = model.indoorCo2Ppm(x);
        double temp = x[2];
        double rh = model.measuredRelativeHumidity(x);
        return 5e-5 * (Math.max(0, 500 - ppm) + Math.max(0, ppm - 1600))
                + 3e-3 * Math.max(0, 10 - temp)
                + 5e-3 * Math.max(0, temp - 20)
                + 7e-4 * Math.max(0, rh - 80);
    }

    /**
     * The target of gsoykan's GrowerHeuristic (notes {@code benchmark.md} section 6), written into {@code
     * target}: heat towards 14 °C by day (outdoor radiation above 50 W m⁻²) and 10 °C at night at 30 W m⁻² per
     * °C; vent 2 mm s⁻¹ per °C more than 2 °C above the set point and 0.5 mm s⁻¹ per % RH above 80; by day,
     * with the vents at most 2 mm s⁻¹ open, dose 0.006 mg m⁻² s⁻¹ per ppm below 750. It reads the observation,
     * which the benchmark hands out in single precision: the observed values are rounded to float first.
     */
    static void growerTarget(VanHentenLettuce model, double[] x, double radiation, double[] target) {
        double co2 = (float) model.indoorCo2Ppm(x);
        double temp = (float) x[2];
        double rh = (float) model.measuredRelativeHumidity(x);
        boolean day = radiation > 50.0;
        double setpoint = day ? 14.0 : 10.0;
        double heat = clip(30.0 * (setpoint - temp), U_MAX[2]);
        double vent = clip(2.0 * Math.max(0.0, temp - setpoint - 2.0) + 0.5 * Math.max(0.0, rh - 80.0), U_MAX[1]);
        double dose = day && vent <= 2.0 ? clip(0.006 * (750.0 - co2), U_MAX[0]) : 0.0;
        target[0] = dose;
        target[1] = vent;
        target[2] = heat;
    }

    private static double clip(double v, double max) {
        return Math.min(Math.max(v, 0.0), max);
    }
}
