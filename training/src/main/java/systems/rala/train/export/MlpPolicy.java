package systems.rala.train.export;

import java.util.List;
import java.util.Locale;

/**
 * A trained deterministic policy as a plain multilayer perceptron, ready for export: observation
 * normalisation, hidden layers with tanh, a linear output layer giving the action mean in [-1, 1], and the
 * physical bounds the mean is mapped to.
 *
 * <p>The decision, for an observation {@code x} of {@link #observationSize()} components:
 *
 * <ol>
 *   <li>{@code z = clip((x - mean) / sqrt(variance + epsilon), -clip, clip)} per component;
 *   <li>{@code h = tanh(W h + b)} for each hidden layer in turn, starting from {@code h = z};
 *   <li>{@code a = clip(W h + b, -1, 1)} with the output layer;
 *   <li>{@code action = low + (a + 1) / 2 * (high - low)} per component.
 * </ol>
 *
 * <p>Weights are stored as a DJL {@code Linear} layer stores them: {@code [out][in]}, in float32. The
 * normalisation statistics are doubles, as a running mean and variance are kept during training. Instances
 * are immutable: every array is copied in and out.
 */
public final class MlpPolicy {

    /** The epsilon added to the variance before the square root, as in Stable-Baselines3's VecNormalize. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final Normalization normalization;
    private final List<Dense> hidden;
    private final Dense output;
    private final double[] actionLow;
    private final double[] actionHigh;

    /**
     * @param normalization observation mean, variance, epsilon and clip
     * @param hidden the hidden layers, input side first, each followed by tanh (may be empty)
     * @param output the output layer, giving the action mean before the clip to [-1, 1]
     * @param actionLow the physical value of each action at a = -1
     * @param actionHigh the physical value of each action at a = +1
     * @throws IllegalArgumentException if a layer's input size is not the previous layer's output size, or a
     *     bound is not finite or {@code low > high}, naming the layer or action, the value and what was expected
     */
    public MlpPolicy(
            Normalization normalization, List<Dense> hidden, Dense output, double[] actionLow, double[] actionHigh) {
        this.normalization = normalization;
        this.hidden = List.copyOf(hidden);
        this.output = output;
        this.actionLow = actionLow.clone();
        this.actionHigh = actionHigh.clone();
        int in = normalization.size();
        for (int l = 0; l < this.hidden.size(); l++) {
            Dense d = this.hidden.get(l);
            if (d.inputSize() != in) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "hidden layer %d takes %d inputs, expected %d (the size of %s)",
                        l,
                        d.inputSize(),
                        in,
                        l == 0 ? "the observation" : "hidden layer " + (l - 1)));
            }
            in = d.outputSize();
        }
        if (output.inputSize() != in) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "output layer takes %d inputs, expected %d (the size of %s)",
                    output.inputSize(),
                    in,
                    this.hidden.isEmpty() ? "the observation" : "the last hidden layer"));
        }
        int n = output.outputSize();
        if (this.actionLow.length != n || this.actionHigh.length != n) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "action bounds have %d lows and %d highs, expected %d (the output layer's size)",
                    this.actionLow.length,
                    this.actionHigh.length,
                    n));
        }
        for (int i = 0; i < n; i++) {
            double lo = this.actionLow[i];
            double hi = this.actionHigh[i];
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "action %d: bounds [%s, %s], expected finite with low <= high", i, lo, hi));
            }
        }
    }

    /** Number of observation components the policy takes. */
    public int observationSize() {
        return normalization.size();
    }

    /** Number of action components the policy returns. */
    public int actionSize() {
        return output.outputSize();
    }

    /** The observation normalisation. */
    public Normalization normalization() {
        return normalization;
    }

    /** The hidden layers, input side first (unmodifiable). */
    public List<Dense> hidden() {
        return hidden;
    }

    /** The output layer (the action mean in [-1, 1] before clipping). */
    public Dense output() {
        return output;
    }

    /** Physical value of each action at a = -1 (a copy). */
    public double[] actionLow() {
        return actionLow.clone();
    }

    /** Physical value of each action at a = +1 (a copy). */
    public double[] actionHigh() {
        return actionHigh.clone();
    }

    /**
     * The policy's decision, computed in double precision from the stored (float32) weights: the reference
     * the exported graph is tested against. Allocates two scratch arrays per call; thread-safe.
     *
     * @param observation {@link #observationSize()} values in the observations' physical units
     * @param action receives {@link #actionSize()} values in the actions' physical units
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public void act(double[] observation, double[] action) {
        if (observation.length != observationSize()) {
            throw new IllegalArgumentException(
                    "observation has " + observation.length + " values, expected " + observationSize());
        }
        if (action.length != actionSize()) {
            throw new IllegalArgumentException(
                    "action array has " + action.length + " places, expected " + actionSize());
        }
        double[] h = new double[observationSize()];
        double c = normalization.clip;
        for (int i = 0; i < h.length; i++) {
            double z = (observation[i] - normalization.mean[i])
                    / Math.sqrt(normalization.variance[i] + normalization.epsilon);
            h[i] = Math.max(-c, Math.min(c, z));
        }
        for (Dense d : hidden) {
            double[] next = new double[d.outputSize()];
            d.apply(h, next);
            for (int j = 0; j < next.length; j++) {
                next[j] = Math.tanh(next[j]);
            }
            h = next;
        }
        output.apply(h, action);
        for (int j = 0; j < action.length; j++) {
            double a = Math.max(-1.0, Math.min(1.0, action[j]));
            action[j] = actionLow[j] + (a + 1.0) / 2.0 * (actionHigh[j] - actionLow[j]);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MlpPolicy ").append(observationSize());
        for (Dense d : hidden) {
            sb.append('-').append(d.outputSize());
        }
        return sb.append('-').append(actionSize()).toString();
    }

    /**
     * Observation normalisation: {@code clip((x - mean) / sqrt(variance + epsilon), -clip, clip)}.
     * Immutable; the arrays are copied in and out.
     */
    public static final class Normalization {
        private final double[] mean;
        private final double[] variance;
        private final double epsilon;
        private final double clip;

        /**
         * @param mean running mean per observation component
         * @param variance running variance per component, {@code >= 0}
         * @param epsilon added to the variance, {@code > 0} (usually {@link #DEFAULT_EPSILON})
         * @param clip bound of the normalised value, {@code > 0} (10 in Stable-Baselines3)
         * @throws IllegalArgumentException naming the component and value if a number is out of range
         */
        public Normalization(double[] mean, double[] variance, double epsilon, double clip) {
            this.mean = mean.clone();
            this.variance = variance.clone();
            this.epsilon = epsilon;
            this.clip = clip;
            if (this.mean.length == 0 || this.mean.length != this.variance.length) {
                throw new IllegalArgumentException("normalisation has " + this.mean.length + " means and "
                        + this.variance.length + " variances, expected the same number, at least 1");
            }
            for (int i = 0; i < this.mean.length; i++) {
                if (!(Math.abs(this.mean[i]) <= Float.MAX_VALUE)) {
                    throw new IllegalArgumentException("normalisation mean[" + i + "] = " + this.mean[i]
                            + ", expected a number within float32 range (the graph stores it as float32)");
                }
                if (!(this.variance[i] >= 0 && this.variance[i] <= Float.MAX_VALUE)) {
                    throw new IllegalArgumentException("normalisation variance[" + i + "] = " + this.variance[i]
                            + ", expected >= 0 and within float32 range (the graph stores it as float32)");
                }
            }
            if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
                throw new IllegalArgumentException("normalisation epsilon = " + epsilon + ", expected finite and > 0");
            }
            if (!(clip > 0) || !Double.isFinite(clip)) {
                throw new IllegalArgumentException("normalisation clip = " + clip + ", expected finite and > 0");
            }
        }

        /** Number of observation components. */
        public int size() {
            return mean.length;
        }

        /** Running mean per component (a copy). */
        public double[] mean() {
            return mean.clone();
        }

        /** Running variance per component (a copy). */
        public double[] variance() {
            return variance.clone();
        }

        /** Added to the variance before the square root. */
        public double epsilon() {
            return epsilon;
        }

        /** Bound of the normalised value. */
        public double clip() {
            return clip;
        }
    }

    /**
     * A fully connected layer {@code y = W x + b}, its weight stored {@code [out][in]} (a DJL {@code Linear}
     * weight; ONNX {@code Gemm} with {@code transB = 1}). Immutable; the arrays are copied in and out.
     */
    public static final class Dense {
        private final float[][] weight;
        private final float[] bias;

        /**
         * @param weight {@code [out][in]}, every row the same length, every value finite
         * @param bias {@code [out]}
         * @throws IllegalArgumentException naming the row or index if a shape or value is wrong
         */
        public Dense(float[][] weight, float[] bias) {
            if (weight.length == 0 || weight[0].length == 0) {
                throw new IllegalArgumentException("dense layer weight is empty, expected [out][in] with out, in >= 1");
            }
            int in = weight[0].length;
            this.weight = new float[weight.length][];
            for (int o = 0; o < weight.length; o++) {
                if (weight[o].length != in) {
                    throw new IllegalArgumentException("dense layer weight row " + o + " has " + weight[o].length
                            + " values, expected " + in + " (the length of row 0)");
                }
                for (int i = 0; i < in; i++) {
                    if (!Float.isFinite(weight[o][i])) {
                        throw new IllegalArgumentException(
                                "dense layer weight[" + o + "][" + i + "] = " + weight[o][i] + ", expected finite");
                    }
                }
                this.weight[o] = weight[o].clone();
            }
            if (bias.length != weight.length) {
                throw new IllegalArgumentException("dense layer bias has " + bias.length + " values, expected "
                        + weight.length + " (the weight's rows)");
            }
            for (int o = 0; o < bias.length; o++) {
                if (!Float.isFinite(bias[o])) {
                    throw new IllegalArgumentException(
                            "dense layer bias[" + o + "] = " + bias[o] + ", expected finite");
                }
            }
            this.bias = bias.clone();
        }

        /** Number of inputs. */
        public int inputSize() {
            return weight[0].length;
        }

        /** Number of outputs. */
        public int outputSize() {
            return weight.length;
        }

        /** The weight {@code [out][in]} (a deep copy). */
        public float[][] weight() {
            float[][] w = new float[weight.length][];
            for (int o = 0; o < w.length; o++) {
                w[o] = weight[o].clone();
            }
            return w;
        }

        /** The bias {@code [out]} (a copy). */
        public float[] bias() {
            return bias.clone();
        }

        /** The weight row-major {@code [out * in]}, as the ONNX initializer holds it. */
        float[] weightRowMajor() {
            int in = inputSize();
            float[] flat = new float[weight.length * in];
            for (int o = 0; o < weight.length; o++) {
                System.arraycopy(weight[o], 0, flat, o * in, in);
            }
            return flat;
        }

        /** The bias without copying, for the exporter. */
        float[] biasView() {
            return bias;
        }

        /** {@code y = W x + b} in double precision. */
        void apply(double[] x, double[] y) {
            for (int o = 0; o < weight.length; o++) {
                float[] row = weight[o];
                double s = bias[o];
                for (int i = 0; i < row.length; i++) {
                    s += row[i] * x[i];
                }
                y[o] = s;
            }
        }
    }
}
