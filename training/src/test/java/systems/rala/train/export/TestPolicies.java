package systems.rala.train.export;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.PolicyManifest;

/**
 * Random policies shaped like a tomato-greenhouse set-point policy: 16 observations of GreenhouseTomato-v0
 * (names, units and ranges from its observation space) and its 4 set-point actions with their physical
 * bounds, for export tests and benchmarks.
 */
final class TestPolicies {

    /** Observations: name, unit, low, high (GreenhouseTomato-v0's observation space). */
    static final List<Point> OBSERVATIONS = List.of(
            point("air_temperature", "C", -10, 50),
            point("air_relative_humidity", "%", 0, 100),
            point("air_co2", "ppm", 0, 3000),
            point("air_vpd", "kPa", -1, 8),
            point("canopy_temperature", "C", -10, 50),
            point("pipe_temperature", "C", -10, 150),
            point("lai", "m2 m-2", 0, 5),
            point("fruit_dry_weight", "g m-2", 0, 600),
            point("outdoor_global_radiation", "W/m2", 0, 1400),
            point("outdoor_temperature", "C", -50, 50),
            point("outdoor_relative_humidity", "%", 0, 100),
            point("outdoor_wind_speed", "m/s", 0, 60),
            point("hour_sin", "-", -1, 1),
            point("hour_cos", "-", -1, 1),
            point("year_sin", "-", -1, 1),
            point("year_cos", "-", -1, 1));

    /** Actions: GreenhouseTomato-v0's set-point mode. */
    static final List<Point> ACTIONS = List.of(
            point("heating_setpoint", "C", 10, 25),
            point("ventilation_setpoint", "C", 15, 35),
            point("co2_setpoint", "ppm", 400, 1600),
            point("lamps", "-", 0, 1));

    private TestPolicies() {}

    private static Point point(String name, String unit, double low, double high) {
        return new Point(name, unit, name, low, high);
    }

    /**
     * A policy with the given hidden widths and random weights: N(0, 1/in) for hidden layers, N(0, 2/in) for
     * the output so that some action means fall outside [-1, 1] and are clipped; biases N(0, 0.1²). The
     * normalisation statistics put each observation's mean near the middle of its range with a standard
     * deviation of about a sixth of the range.
     */
    static MlpPolicy random(long seed, int... hiddenWidths) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int obs = OBSERVATIONS.size();
        double[] mean = new double[obs];
        double[] var = new double[obs];
        for (int i = 0; i < obs; i++) {
            Point p = OBSERVATIONS.get(i);
            double range = p.max() - p.min();
            mean[i] = p.min() + range * (0.4 + 0.2 * rnd.nextDouble());
            double sd = range / 6 * (0.5 + rnd.nextDouble());
            var[i] = sd * sd;
        }
        List<MlpPolicy.Dense> hidden = new ArrayList<>();
        int in = obs;
        for (int w : hiddenWidths) {
            hidden.add(dense(rnd, w, in, 1.0));
            in = w;
        }
        MlpPolicy.Dense head = dense(rnd, ACTIONS.size(), in, 2.0);
        double[] low = ACTIONS.stream().mapToDouble(Point::min).toArray();
        double[] high = ACTIONS.stream().mapToDouble(Point::max).toArray();
        return new MlpPolicy(
                new MlpPolicy.Normalization(mean, var, MlpPolicy.DEFAULT_EPSILON, 10.0), hidden, head, low, high);
    }

    private static MlpPolicy.Dense dense(SplittableRandom rnd, int out, int in, double gain) {
        float[][] w = new float[out][in];
        float[] b = new float[out];
        double sd = Math.sqrt(gain / in);
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[o][i] = (float) (gaussian(rnd) * sd);
            }
            b[o] = (float) (gaussian(rnd) * 0.1);
        }
        return new MlpPolicy.Dense(w, b);
    }

    /**
     * A random observation: usually within three standard deviations of the mean, one time in ten up to
     * fifteen away so that the normalisation's clip at ±10 is exercised.
     */
    static void observation(SplittableRandom rnd, MlpPolicy p, double[] out) {
        double[] mean = p.normalization().mean();
        double[] var = p.normalization().variance();
        double spread = rnd.nextInt(10) == 0 ? 15 : 3;
        for (int i = 0; i < out.length; i++) {
            out[i] = mean[i] + Math.sqrt(var[i]) * spread * (2 * rnd.nextDouble() - 1);
        }
    }

    /** The manifest of a policy trained on GreenhouseTomato-v0 (run and commit made up for tests). */
    static PolicyManifest manifest() {
        return new PolicyManifest(
                PolicyManifest.VERSION,
                "GreenhouseTomato-v0",
                "action_mode=setpoint;split=train",
                OBSERVATIONS,
                ACTIONS,
                "running mean/variance, (x - mean) / sqrt(var + 1e-8), clip 10",
                "ppo-test-0001",
                42L,
                "0123456789abcdef0123456789abcdef01234567",
                "");
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller; SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
