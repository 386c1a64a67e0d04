package systems.rala.env.wrappers;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;

/**
 * Normalises observations by running statistics (Gymnasium's {@code NormalizeObservation}, with the clip of
 * Stable-Baselines3's {@code VecNormalize}). Changes one thing: the observation, which becomes
 *
 * <pre>
 *   z_i = clip((x_i − mean_i) / sqrt(var_i + ε), −clip, clip)
 * </pre>
 *
 * with ε = 1e-8 and clip = 10 unless given. The observation space is the box [−clip, clip] per component,
 * with the inner names and unit "-". Reward, flags and info are the inner ones.
 *
 * <p><b>Statistics.</b> As Gymnasium's {@code RunningMeanStd}: they start at count 1e-4, mean 0, variance 1,
 * and every observation (after a reset and after each step) is merged in before it is normalised, with the
 * parallel merge of Chan, Golub and LeVeque (1979) — for one sample, Welford's update. {@link #merge} merges
 * the statistics of a batch (e.g. from other copies of the environment). They carry over from episode to
 * episode, so the same seed does not give the same observations twice while they are learning: {@link
 * #freeze()} stops the updates (for evaluation, or to share fixed statistics), {@link #unfreeze()} resumes.
 *
 * <p><b>Files.</b> {@link #save(Path)} writes the statistics as a UTF-8 properties file, read back by {@link
 * #load(Path)}:
 *
 * <pre>
 *   format=rala-normalize-observation-1
 *   env=Pendulum-v1                          (information only)
 *   components=cos_theta,sin_theta,theta_dot (must match the observation space when loading)
 *   count=200.0001                           (may be fractional: it starts at 1e-4)
 *   mean=0.1,-0.2,0.3                        (one value per component, exact decimal round trip)
 *   var=0.5,0.4,6.1                          (variances, not standard deviations)
 * </pre>
 */
public final class NormalizeObservation extends ObservationWrapper {

    /** Default ε added to the variance. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** Default bound of normalised values. */
    public static final double DEFAULT_CLIP = 10.0;
    /** The count the statistics start from (Gymnasium's {@code RunningMeanStd(epsilon=1e-4)}). */
    public static final double INITIAL_COUNT = 1e-4;
    /** The {@code format} value of files written by {@link #save(Path)}. */
    public static final String FORMAT = "rala-normalize-observation-1";

    private final BoxSpace innerSpace;
    private final BoxSpace space;
    private final double epsilon;
    private final double clip;
    private final double[] mean;
    private final double[] var;
    private double count = INITIAL_COUNT;
    private boolean frozen;

    /** Wraps {@code env} with ε = 1e-8 and clip = 10. */
    public NormalizeObservation(Env env) {
        this(env, DEFAULT_EPSILON, DEFAULT_CLIP);
    }

    /** Wraps {@code env} with the given ε (finite, above 0) and clip (finite, above 0). */
    public NormalizeObservation(Env env, double epsilon, double clip) {
        super(env, env.observationSpace().size());
        if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "NormalizeObservation: epsilon = " + epsilon + " must be finite and above 0");
        }
        if (!(clip > 0 && clip < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("NormalizeObservation: clip = " + clip + " must be finite and above 0");
        }
        this.innerSpace = env.observationSpace();
        this.epsilon = epsilon;
        this.clip = clip;
        this.space = Boxes.dimensionless(innerSpace, -clip, clip, "normalised ");
        this.mean = new double[innerSpace.size()];
        this.var = new double[innerSpace.size()];
        Arrays.fill(var, 1.0);
    }

    @Override
    public BoxSpace observationSpace() {
        return space;
    }

    /** Stops updating the statistics; observations are normalised by them as they are. */
    public void freeze() {
        frozen = true;
    }

    /** Resumes updating the statistics. */
    public void unfreeze() {
        frozen = false;
    }

    /** Whether the statistics are frozen. */
    public boolean frozen() {
        return frozen;
    }

    /** The number of observations merged so far, plus the initial 1e-4. */
    public double count() {
        return count;
    }

    /** The running mean of component {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** The running (population) variance of component {@code i}. */
    public double variance(int i) {
        return var[i];
    }

    /**
     * Merges the statistics of a batch of {@code batchCount} (above 0) observations with per-component
     * {@code batchMean} and population {@code batchVar} into the running ones (Chan et al.'s parallel merge).
     * Works while frozen too: freezing stops only the automatic updates.
     */
    public void merge(double batchCount, double[] batchMean, double[] batchVar) {
        Boxes.requireLength("NormalizeObservation", "batchMean", batchMean, mean.length);
        Boxes.requireLength("NormalizeObservation", "batchVar", batchVar, mean.length);
        if (!(batchCount > 0 && batchCount < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "NormalizeObservation: batchCount = " + batchCount + " must be finite and above 0");
        }
        double total = count + batchCount;
        for (int i = 0; i < mean.length; i++) {
            double delta = batchMean[i] - mean[i];
            double m2 = var[i] * count + batchVar[i] * batchCount + delta * delta * count * batchCount / total;
            mean[i] = mean[i] + delta * batchCount / total;
            var[i] = m2 / total;
        }
        count = total;
    }

    @Override
    protected void observation(double[] in, double[] out, boolean reset) {
        if (!frozen) {
            double total = count + 1.0; // merge of a batch of one: Welford's update
            for (int i = 0; i < in.length; i++) {
                double delta = in[i] - mean[i];
                double m2 = var[i] * count + delta * delta * count / total;
                mean[i] = mean[i] + delta / total;
                var[i] = m2 / total;
            }
            count = total;
        }
        for (int i = 0; i < in.length; i++) {
            double z = (in[i] - mean[i]) / Math.sqrt(var[i] + epsilon);
            out[i] = z < -clip ? -clip : z > clip ? clip : z;
        }
    }

    /** Writes the statistics to {@code file} in the format of the class comment. */
    public void save(Path file) throws IOException {
        StringBuilder names = new StringBuilder();
        for (BoxSpace.Component c : innerSpace.components()) {
            if (!c.name().matches("[A-Za-z0-9_.\\-]+")) {
                throw new IllegalArgumentException("NormalizeObservation.save: component name '" + c.name()
                        + "' must be letters, digits, '_', '.' or '-' to be stored");
            }
            names.append(names.length() == 0 ? "" : ",").append(c.name());
        }
        String text = "# NormalizeObservation statistics: running mean and population variance per observation\n"
                + "# component, merged as Gymnasium's RunningMeanStd (the count starts at 1e-4).\n"
                + "format=" + FORMAT + "\n"
                + "env=" + id() + "\n"
                + "components=" + names + "\n"
                + "count=" + count + "\n"
                + "mean=" + join(mean) + "\n"
                + "var=" + join(var) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Replaces the statistics by those in {@code file}, written by {@link #save(Path)}; the components must
     * be those of this observation space, in order. Errors name the file, the key and the value. The frozen
     * state is unchanged.
     */
    public void load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String format = required(p, file, "format");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException(file + ": format = '" + format + "', expected '" + FORMAT + "'");
        }
        List<String> names = List.of(required(p, file, "components").split(",", -1));
        List<String> expected =
                innerSpace.components().stream().map(BoxSpace.Component::name).toList();
        if (!names.equals(expected)) {
            throw new IllegalArgumentException(
                    file + ": components = " + names + " do not match the observation space " + expected);
        }
        double c = number(file, "count", required(p, file, "count"));
        if (!(c > 0)) {
            throw new IllegalArgumentException(file + ": count = " + c + " must be above 0");
        }
        double[] m = numbers(p, file, "mean");
        double[] v = numbers(p, file, "var");
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0)) {
                throw new IllegalArgumentException(
                        file + ": var of " + expected.get(i) + " = " + v[i] + " must not be negative");
            }
        }
        System.arraycopy(m, 0, mean, 0, mean.length);
        System.arraycopy(v, 0, var, 0, var.length);
        count = c;
    }

    private double[] numbers(Properties p, Path file, String key) {
        String[] parts = required(p, file, key).split(",", -1);
        if (parts.length != mean.length) {
            throw new IllegalArgumentException(file + ": " + key + " has " + parts.length
                    + " values, the observation space has " + mean.length + " components");
        }
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = number(file, key, parts[i]);
        }
        return out;
    }

    private static String required(Properties p, Path file, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(file + ": no '" + key + "' (not a NormalizeObservation file?)");
        }
        return v.strip();
    }

    private static double number(Path file, String key, String text) {
        double d;
        try {
            d = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ": " + key + " value '" + text + "' is not a number", e);
        }
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(file + ": " + key + " value " + d + " is not finite");
        }
        return d;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }
}
