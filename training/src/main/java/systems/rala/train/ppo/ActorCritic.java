package systems.rala.train.ppo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PPO's networks: a Gaussian actor (an MLP from the normalised observation to the action mean, with a
 * state-independent log standard deviation) and a separate critic MLP to the state value, tanh hidden
 * layers — Stable-Baselines3's {@code MlpPolicy} for continuous actions with {@code ortho_init}.
 *
 * <p>All parameters live in one flat float array, tensor after tensor (the layout is {@link #tensors()}):
 * the optimiser works on the flat array, the learner copies it into DJL tensors, the checkpoint saves it and
 * the exporter writes it into the ONNX graph. Linear weights are stored (out, in), row-major — PyTorch's and
 * DJL's layout, ONNX {@code Gemm} with {@code transB = 1}.
 *
 * <p>The forward passes here (used for rollouts and evaluation, in double precision over the float
 * parameters) allocate nothing; one instance must not be used by two threads at once.
 */
public final class ActorCritic {

    /** One tensor of the flat parameter array. */
    public record Tensor(String name, int offset, int[] shape) {
        /** Number of values. */
        public int size() {
            int s = 1;
            for (int d : shape) {
                s *= d;
            }
            return s;
        }
    }

    private final int obsSize;
    private final int actSize;
    private final int[] hidden;
    private final float[] params;
    private final List<Tensor> tensors;
    /** Offsets of the actor's and critic's weights and biases, layer by layer. */
    private final int[] actorW;

    private final int[] actorB;
    private final int[] criticW;
    private final int[] criticB;
    /** Layer widths: obs, hidden..., out. */
    private final int[] actorWidths;

    private final int[] criticWidths;
    private final int logStdOffset;
    private final double[] bufA;
    private final double[] bufB;

    /** Networks for observations of {@code obsSize} and actions of {@code actSize}, parameters zero. */
    public ActorCritic(int obsSize, int actSize, int[] hidden) {
        if (obsSize < 1 || actSize < 1) {
            throw new IllegalArgumentException(
                    "observation and action sizes must be positive: " + obsSize + ", " + actSize);
        }
        this.obsSize = obsSize;
        this.actSize = actSize;
        this.hidden = hidden.clone();
        List<Tensor> ts = new ArrayList<>();
        int layers = hidden.length + 1;
        actorWidths = widths(obsSize, hidden, actSize);
        criticWidths = widths(obsSize, hidden, 1);
        actorW = new int[layers];
        actorB = new int[layers];
        criticW = new int[layers];
        criticB = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            actorW[l] = off;
            ts.add(new Tensor("actor." + l + ".weight", off, new int[] {actorWidths[l + 1], actorWidths[l]}));
            off += actorWidths[l + 1] * actorWidths[l];
            actorB[l] = off;
            ts.add(new Tensor("actor." + l + ".bias", off, new int[] {actorWidths[l + 1]}));
            off += actorWidths[l + 1];
        }
        for (int l = 0; l < layers; l++) {
            criticW[l] = off;
            ts.add(new Tensor("critic." + l + ".weight", off, new int[] {criticWidths[l + 1], criticWidths[l]}));
            off += criticWidths[l + 1] * criticWidths[l];
            criticB[l] = off;
            ts.add(new Tensor("critic." + l + ".bias", off, new int[] {criticWidths[l + 1]}));
            off += criticWidths[l + 1];
        }
        logStdOffset = off;
        ts.add(new Tensor("log_std", off, new int[] {actSize}));
        off += actSize;
        this.params = new float[off];
        this.tensors = Collections.unmodifiableList(ts);
        int widest = obsSize;
        for (int h : hidden) {
            widest = Math.max(widest, h);
        }
        bufA = new double[Math.max(widest, actSize)];
        bufB = new double[Math.max(widest, actSize)];
    }

    private static int[] widths(int in, int[] hidden, int out) {
        int[] w = new int[hidden.length + 2];
        w[0] = in;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = out;
        return w;
    }

    /**
     * Orthogonal initialisation as Stable-Baselines3's {@code ortho_init} (Huang et al. 2022, detail 2): hidden
     * layers with gain √2, the policy output with 0.01, the value output with 1; biases 0; log-std {@code
     * logStdInit}.
     */
    public void initialise(Rng rng, double logStdInit) {
        int layers = hidden.length + 1;
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            Orthogonal.fill(params, actorW[l], actorWidths[l + 1], actorWidths[l], last ? 0.01 : Math.sqrt(2), rng);
            fill(actorB[l], actorWidths[l + 1], 0f);
        }
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            Orthogonal.fill(params, criticW[l], criticWidths[l + 1], criticWidths[l], last ? 1.0 : Math.sqrt(2), rng);
            fill(criticB[l], criticWidths[l + 1], 0f);
        }
        fill(logStdOffset, actSize, (float) logStdInit);
    }

    private void fill(int off, int n, float v) {
        for (int i = 0; i < n; i++) {
            params[off + i] = v;
        }
    }

    /** The action mean for the normalised observation at {@code obs[obsOff..]}, into {@code mean[meanOff..]}. */
    public void actionMean(double[] obs, int obsOff, double[] mean, int meanOff) {
        double[] out = mlp(obs, obsOff, actorW, actorB, actorWidths);
        System.arraycopy(out, 0, mean, meanOff, actSize);
    }

    /** The state value for the normalised observation at {@code obs[obsOff..]}. */
    public double value(double[] obs, int obsOff) {
        return mlp(obs, obsOff, criticW, criticB, criticWidths)[0];
    }

    private double[] mlp(double[] x, int xOff, int[] w, int[] b, int[] widths) {
        double[] in = bufA;
        double[] out = bufB;
        System.arraycopy(x, xOff, in, 0, obsSize);
        int layers = widths.length - 1;
        float[] p = params;
        for (int l = 0; l < layers; l++) {
            int nIn = widths[l];
            int nOut = widths[l + 1];
            int wo = w[l];
            int bo = b[l];
            boolean last = l == layers - 1;
            for (int o = 0; o < nOut; o++) {
                double s = p[bo + o];
                int row = wo + o * nIn;
                for (int i = 0; i < nIn; i++) {
                    s += p[row + i] * in[i];
                }
                out[o] = last ? s : Math.tanh(s);
            }
            double[] t = in;
            in = out;
            out = t;
        }
        return in;
    }

    /** Log standard deviation of action component {@code i}. */
    public double logStd(int i) {
        return params[logStdOffset + i];
    }

    /** The flat parameters (live: changes show in the forward passes). */
    public float[] params() {
        return params;
    }

    /** The tensors of the flat array, actor first, then critic, then the log-std. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** Number of actor layers' weights and biases: tensors 0..2·layers−1 are the actor's. */
    public int layers() {
        return hidden.length + 1;
    }

    public int obsSize() {
        return obsSize;
    }

    public int actSize() {
        return actSize;
    }

    public int[] hidden() {
        return hidden.clone();
    }
}
