package systems.rala.train.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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
        List<ActorCritic.Tensor> tensors = net.tensors();
        float[] p = net.params();
        try (NDManager m = root.newSubManager();
                GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray[] w = new NDArray[tensors.size()];
            for (int i = 0; i < w.length; i++) {
                ActorCritic.Tensor t = tensors.get(i);
                w[i] = m.create(FloatBuffer.wrap(p, t.offset(), t.size()), shape(t.shape()), DataType.FLOAT32);
                w[i].setRequiresGradient(true);
            }
            NDArray x = m.create(FloatBuffer.wrap(obs, 0, b * o), new Shape(b, o), DataType.FLOAT32);
            NDArray act = m.create(FloatBuffer.wrap(actions, 0, b * a), new Shape(b, a), DataType.FLOAT32);
            NDArray oldLp = m.create(FloatBuffer.wrap(oldLogp, 0, b), new Shape(b), DataType.FLOAT32);
            NDArray adv = m.create(FloatBuffer.wrap(advantages, 0, b), new Shape(b), DataType.FLOAT32);
            NDArray ret = m.create(FloatBuffer.wrap(returns, 0, b), new Shape(b), DataType.FLOAT32);

            int layers = net.layers();
            NDArray mean = mlp(x, w, 0, layers);
            NDArray value = mlp(x, w, 2 * layers, layers).reshape(b);
            NDArray logStd = w[w.length - 1];

            NDArray logStdSum = logStd.sum();
            NDArray z = act.sub(mean).mul(logStd.neg().exp());
            NDArray logp =
                    z.square().sum(new int[] {1}).mul(-0.5f).sub(logStdSum).sub((float) (0.5 * a * LOG_2PI));
            NDArray logRatio = logp.sub(oldLp);
            float[] lr = logRatio.toFloatArray();
            double kl = 0;
            int clipped = 0;
            for (int i = 0; i < b; i++) {
                double r = Math.exp(lr[i]);
                kl += (r - 1) - lr[i];
                if (Math.abs(r - 1) > clipRange) {
                    clipped++;
                }
            }
            stats.approxKl = kl / b;
            stats.clipFraction = clipped / (double) b;
            if (klStop > 0 && stats.approxKl > klStop) {
                stats.skipped = true;
                return stats;
            }
            stats.skipped = false;
            NDArray ratio = logRatio.exp();
            NDArray policyLoss = ratio.mul(adv)
                    .minimum(ratio.clip((float) (1 - clipRange), (float) (1 + clipRange))
                            .mul(adv))
                    .mean()
                    .neg();
            NDArray predicted = value;
            if (clipRangeVf > 0) {
                NDArray oldV = m.create(FloatBuffer.wrap(oldValues, 0, b), new Shape(b), DataType.FLOAT32);
                predicted = oldV.add(value.sub(oldV).clip((float) -clipRangeVf, (float) clipRangeVf));
            }
            NDArray valueLoss = predicted.sub(ret).square().mean();
            NDArray entropy = logStdSum.add((float) (0.5 * a * (1 + LOG_2PI)));
            NDArray loss = policyLoss.sub(entropy.mul((float) entCoef)).add(valueLoss.mul((float) vfCoef));
            collector.backward(loss);
            for (int i = 0; i < w.length; i++) {
                ActorCritic.Tensor t = tensors.get(i);
                float[] g = w[i].getGradient().toFloatArray();
                System.arraycopy(g, 0, grad, t.offset(), t.size());
            }
            stats.policyLoss = policyLoss.getFloat();
            stats.valueLoss = valueLoss.getFloat();
            stats.entropy = entropy.getFloat();
            return stats;
        }
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
