package systems.rala.train.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * PPO's loss and its gradient on Deep Java Library (PyTorch engine): for one minibatch, the parameters of
 * {@link ActorCritic} are copied into DJL tensors, the loss is built and differentiated by PyTorch's autograd,
 * and the gradient is copied back into a flat array for the optimiser.
 *
 * <p>The loss is Stable-Baselines3's (Schulman et al. 2017, eq. 7 and 9; Raffin et al. 2021): the clipped
 * surrogate {@code −mean(min(r·A, clip(r, 1−ε, 1+ε)·A))}, the value loss {@code mean((R − V)²)} with V
 * optionally clipped around the rollout's value ({@code V_old + clip(V − V_old, ±ε_vf)}), and the entropy
 * bonus: {@code loss = L_clip − c_ent·H + c_vf·L_V}.
 *
 * <p>Native memory: every tensor of a minibatch lives in a sub-manager closed at its end, so a run of any
 * length holds only the root manager's (empty) arrays between minibatches.
 */
final class DjlLearner implements AutoCloseable {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    /** Results of one minibatch. */
    static final class Stats {
        double policyLoss;
        double valueLoss;
        double entropy;
        double approxKl;
        double clipFraction;
        boolean skipped;
    }

    private final ActorCritic net;
    private final NDManager root;
    private final float[] grad;
    private final Stats stats = new Stats();

    static {
        // tiny networks: one intra-op thread is fastest and leaves the other cores to the environments
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    DjlLearner(ActorCritic net) {
        this.net = net;
        this.root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
        this.grad = new float[net.params().length];
    }

    /** The gradient of the last {@link #step}, flat like the parameters. */
    float[] gradient() {
        return grad;
    }

    /**
     * Builds the loss for a minibatch of {@code b} samples and computes its gradient into {@link #gradient()},
     * unless the approximate KL divergence already exceeds {@code klStop} (then {@link Stats#skipped} is set
     * and the gradient is not computed: SB3's target-KL early stop, checked before the update).
     *
     * @param obs normalised observations, b × obs size
     * @param actions unclipped actions sampled in the rollout, b × action size
     * @param oldLogp their log-probabilities under the rollout policy
     * @param advantages advantages (already normalised if asked)
     * @param returns value targets
     * @param oldValues values predicted in the rollout (for value clipping)
     */
    Stats step(
            float[] obs,
            float[] actions,
            float[] oldLogp,
            float[] advantages,
            float[] returns,
            float[] oldValues,
            int b,
            double clipRange,
            double clipRangeVf,
            double entCoef,
            double vfCoef,
            double klStop) {
        int o = net.obsSize();
        int a = net.actSize();
        boolean clipV = clipRangeVf > 0;
        // one input tensor per minibatch, columns [obs | action | old log-prob + ½·A·ln 2π | advantage | return | old
        // value]
        int width = o + a + 3 + (clipV ? 1 : 0);
        float[] in = ensureInput(b * width);
        float logpConst = (float) (0.5 * a * LOG_2PI);
        for (int i = 0; i < b; i++) {
            int r = i * width;
            System.arraycopy(obs, i * o, in, r, o);
            System.arraycopy(actions, i * a, in, r + o, a);
            in[r + o + a] = oldLogp[i] + logpConst;
            in[r + o + a + 1] = advantages[i];
            in[r + o + a + 2] = returns[i];
            if (clipV) {
                in[r + o + a + 3] = oldValues[i];
            }
        }
        float[] p = net.params();
        try (NDManager m = root.newSubManager();
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            // all parameters in one leaf tensor, viewed as the layers' weights and biases: one copy in, one gradient
            // out
            NDArray flat = m.create(FloatBuffer.wrap(p), new Shape(p.length), DataType.FLOAT32);
            flat.setRequiresGradient(true);
            NDArray[] w = views(flat);
            NDList cols = m.create(FloatBuffer.wrap(in, 0, b * width), new Shape(b, width), DataType.FLOAT32)
                    .split(
                            clipV
                                    ? new long[] {o, o + a, o + a + 1, o + a + 2, o + a + 3}
                                    : new long[] {o, o + a, o + a + 1, o + a + 2},
                            1);
            NDArray x = cols.get(0);
            NDArray act = cols.get(1);
            NDArray k = cols.get(2);
            NDArray adv = cols.get(3);
            NDArray ret = cols.get(4);

            int layers = net.layers();
            NDArray mean = mlp(x, w, 0, layers);
            NDArray value = mlp(x, w, 2 * layers, layers); // (b, 1)
            NDArray logStd = w[w.length - 1];
            NDArray logStdSum = logStd.sum();
            // log π(a|s) − log π_old(a|s) = −½Σ((a − μ)/σ)² − Σ log σ − ½·A·ln 2π − log π_old
            NDArray z = act.sub(mean).mul(logStd.neg().exp());
            NDArray logRatio = z.square()
                    .sum(new int[] {1}, true)
                    .mul(-0.5f)
                    .sub(logStdSum)
                    .sub(k);
            float[] lr = logRatio.toFloatArray();
            double kl = 0;
            double pg = 0;
            int clipped = 0;
            double lo = 1 - clipRange;
            double hi = 1 + clipRange;
            for (int i = 0; i < b; i++) {
                double r = Math.exp(lr[i]);
                kl += (r - 1) - lr[i];
                if (Math.abs(r - 1) > clipRange) {
                    clipped++;
                }
                double A = advantages[i];
                pg -= Math.min(r * A, Math.max(lo, Math.min(hi, r)) * A);
            }
            stats.approxKl = kl / b;
            stats.clipFraction = clipped / (double) b;
            double sumLogStd = 0;
            for (int j = 0; j < a; j++) {
                sumLogStd += net.logStd(j);
            }
            stats.entropy = sumLogStd + 0.5 * a * (1 + LOG_2PI);
            if (klStop > 0 && stats.approxKl > klStop) {
                stats.skipped = true;
                return stats;
            }
            stats.skipped = false;
            stats.policyLoss = pg / b;
            NDArray ratio = logRatio.exp();
            NDArray policyLoss = ratio.mul(adv)
                    .minimum(ratio.clip((float) lo, (float) hi).mul(adv))
                    .mean()
                    .neg();
            NDArray predicted = value;
            if (clipV) {
                NDArray oldV = cols.get(5);
                predicted = oldV.add(value.sub(oldV).clip((float) -clipRangeVf, (float) clipRangeVf));
            }
            NDArray valueLoss = predicted.sub(ret).square().mean();
            NDArray loss = policyLoss.add(valueLoss.mul((float) vfCoef));
            if (entCoef > 0) {
                loss = loss.sub(logStdSum.mul((float) entCoef)); // the entropy's constant part has no gradient
            }
            collector.backward(loss);
            float[] g = flat.getGradient().toFloatArray();
            System.arraycopy(g, 0, grad, 0, grad.length);
            float[] v = predicted.toFloatArray();
            double vl = 0;
            for (int i = 0; i < b; i++) {
                double d = v[i] - returns[i];
                vl += d * d;
            }
            stats.valueLoss = vl / b;
            return stats;
        }
    }

    private float[] input = new float[0];

    private float[] ensureInput(int n) {
        if (input.length < n) {
            input = new float[n];
        }
        return input;
    }

    /** The layers' weights and biases as views of the flat parameter tensor. */
    private NDArray[] views(NDArray flat) {
        List<ActorCritic.Tensor> tensors = net.tensors();
        long[] cuts = new long[tensors.size() - 1];
        for (int i = 1; i < tensors.size(); i++) {
            cuts[i - 1] = tensors.get(i).offset();
        }
        NDList parts = flat.split(cuts);
        NDArray[] w = new NDArray[tensors.size()];
        for (int i = 0; i < w.length; i++) {
            int[] sh = tensors.get(i).shape();
            w[i] = sh.length == 1 ? parts.get(i) : parts.get(i).reshape(shape(sh));
        }
        return w;
    }

    /** The MLP whose weight and bias tensors start at {@code w[first]}: tanh between layers, linear out. */
    private static NDArray mlp(NDArray x, NDArray[] w, int first, int layers) {
        NDArray h = x;
        for (int l = 0; l < layers; l++) {
            h = Linear.linear(h, w[first + 2 * l], w[first + 2 * l + 1]).singletonOrThrow();
            if (l < layers - 1) {
                h = h.tanh();
            }
        }
        return h;
    }

    /**
     * The action means and values for {@code b} normalised observations through DJL (no gradient): the
     * reference that the Java forward pass of {@link ActorCritic} is checked against.
     */
    float[][] forward(float[] obs, int b) {
        int o = net.obsSize();
        List<ActorCritic.Tensor> tensors = net.tensors();
        float[] p = net.params();
        try (NDManager m = root.newSubManager()) {
            NDArray[] w = new NDArray[tensors.size()];
            for (int i = 0; i < w.length; i++) {
                ActorCritic.Tensor t = tensors.get(i);
                w[i] = m.create(FloatBuffer.wrap(p, t.offset(), t.size()), shape(t.shape()), DataType.FLOAT32);
            }
            NDArray x = m.create(FloatBuffer.wrap(obs, 0, b * o), new Shape(b, o), DataType.FLOAT32);
            int layers = net.layers();
            return new float[][] {
                mlp(x, w, 0, layers).toFloatArray(),
                mlp(x, w, 2 * layers, layers).toFloatArray()
            };
        }
    }

    /**
     * The deterministic actions of a policy for {@code b} raw observations, computed wholly in DJL (float32):
     * normalisation {@code clip((x − mean)/√(var + 1e-8), ±clipObs)} (skipped when {@code mean} is null), the
     * actor, the clip to [−1, 1] and the map to [low, high] — the reference for the exported ONNX graph.
     */
    static float[] policyActions(PpoPolicy p, float[] obs, int b) {
        ActorCritic net = p.network();
        int o = net.obsSize();
        List<ActorCritic.Tensor> tensors = net.tensors();
        float[] params = net.params();
        try (NDManager m = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch")) {
            NDArray[] w = new NDArray[tensors.size()];
            for (int i = 0; i < w.length; i++) {
                ActorCritic.Tensor t = tensors.get(i);
                w[i] = m.create(FloatBuffer.wrap(params, t.offset(), t.size()), shape(t.shape()), DataType.FLOAT32);
            }
            NDArray x = m.create(FloatBuffer.wrap(obs, 0, b * o), new Shape(b, o), DataType.FLOAT32);
            if (p.normObs()) {
                NDArray mean = m.create(toFloat(p.obsMean()), new Shape(o));
                double[] var = p.obsVar();
                float[] sd = new float[o];
                for (int i = 0; i < o; i++) {
                    sd[i] = (float) Math.sqrt(var[i] + 1e-8);
                }
                x = x.sub(mean).div(m.create(sd, new Shape(o))).clip((float) -p.clipObs(), (float) p.clipObs());
            }
            NDArray a = mlp(x, w, 0, net.layers()).clip(-1f, 1f);
            float[] low = toFloat(p.actionLow());
            float[] high = toFloat(p.actionHigh());
            float[] half = new float[low.length];
            for (int j = 0; j < low.length; j++) {
                half[j] = (high[j] - low[j]) / 2;
            }
            NDArray phys =
                    a.add(1f).mul(m.create(half, new Shape(low.length))).add(m.create(low, new Shape(low.length)));
            return phys.toFloatArray();
        }
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static Shape shape(int[] dims) {
        long[] s = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            s[i] = dims[i];
        }
        return new Shape(s);
    }

    /** Native memory held by the root manager (arrays still attached): 0 between minibatches. */
    int liveArrays() {
        return root.getManagedArrays().size();
    }

    @Override
    public void close() {
        root.close();
    }
}
