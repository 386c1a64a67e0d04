package systems.rala.train.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.ppo.ActorCritic;
import systems.rala.train.ppo.PpoConfig;
import systems.rala.train.ppo.PpoPolicy;
import systems.rala.train.ppo.PpoTrainer;

/**
 * A policy trained by PPO, exported to ONNX and run in ONNX Runtime gives the actions that DJL computes from
 * the trained network: 10,000 random observations, some far enough out to hit the observation and action clips.
 */
class PpoExportParityTest {

    @TempDir
    Path tmp;

    private PpoPolicy train(String env, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("env", env);
        m.put("total_timesteps", "512");
        m.put("n_envs", "2");
        m.put("n_steps", "128");
        m.put("batch_size", "64");
        m.put("n_epochs", "4");
        m.put("learning_rate", "3e-3");
        m.put("net_arch", "64,64");
        m.putAll(extra);
        try (PpoTrainer t = PpoTrainer.start(PpoConfig.of(m, "test"), 9, tmp.resolve(env))) {
            t.train(Long.MAX_VALUE, null);
            return t.policy();
        }
    }

    /**
     * Max differences {physical units, action units in [−1, 1]} between ONNX Runtime and DJL, for the trained
     * policy and for the same policy with its output layer scaled up so that many actions hit their clips.
     */
    private double[] compare(PpoPolicy p, Path onnx) throws Exception {
        double[] trained = compareOnce(p, onnx, false);
        ActorCritic net = p.network();
        ActorCritic.Tensor out = net.tensors().get(2 * net.layers() - 2);
        for (int i = 0; i < out.size(); i++) {
            net.params()[out.offset() + i] *= 30;
        }
        double[] clipped = compareOnce(p, onnx.resolveSibling("clipped-" + onnx.getFileName()), true);
        return new double[] {Math.max(trained[0], clipped[0]), Math.max(trained[1], clipped[1])};
    }

    private double[] compareOnce(PpoPolicy p, Path onnx, boolean expectClips) throws Exception {
        PolicyManifest written = PolicyExport.exportOnnx(p, onnx, "parity", 9, System.err, true);
        int n = 10_000;
        int o = p.network().obsSize();
        int a = p.network().actSize();
        java.util.SplittableRandom r = new java.util.SplittableRandom(17);
        float[] obs = new float[n * o];
        double[] mean = p.obsMean();
        double[] var = p.obsVar();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < o; j++) {
                // mostly within 3 standard deviations of the training data, one in ten far outside (clipped)
                double spread = r.nextInt(10) == 0 ? 30 : 3;
                obs[i * o + j] = (float) (mean[j] + spread * Math.sqrt(var[j]) * (2 * r.nextDouble() - 1));
            }
        }
        float[] djl = p.actionsByDjl(obs, n);
        double[] low = p.actionLow();
        double[] high = p.actionHigh();
        double worst = 0;
        double worstUnit = 0;
        int clippedActions = 0;
        try (OnnxPolicy policy = OnnxPolicy.load(onnx)) {
            assertEquals(written.contentHash(), policy.manifest().contentHash());
            assertEquals(p.envId(), policy.manifest().envId());
            float[] x = new float[o];
            double[] action = new double[a];
            for (int i = 0; i < n; i++) {
                System.arraycopy(obs, i * o, x, 0, o);
                policy.act(x, action);
                for (int j = 0; j < a; j++) {
                    double d = Math.abs(action[j] - djl[i * a + j]);
                    worst = Math.max(worst, d);
                    worstUnit = Math.max(worstUnit, d / ((high[j] - low[j]) / 2));
                    if (djl[i * a + j] == (float) low[j] || djl[i * a + j] == (float) high[j]) {
                        clippedActions++;
                    }
                }
            }
        }
        if (expectClips) {
            assertTrue(clippedActions > n / 10, "actions at their bounds: " + clippedActions);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "%s%s: max |ONNX − DJL| %.3g (physical), %.3g (action units), %d of %d actions at a bound%n",
                p.envId(),
                expectClips ? " (output ×30)" : "",
                worst,
                worstUnit,
                clippedActions,
                n * a);
        return new double[] {worst, worstUnit};
    }

    @Test
    void pendulumPolicyInOnnxRuntimeMatchesDjlWithin1e5() throws Exception {
        PpoPolicy p = train("Pendulum-v1", Map.of("log_std_init", "0"));
        double[] worst = compare(p, tmp.resolve("pendulum.onnx"));
        // torque in N m, range ±2
        assertTrue(worst[0] <= 1e-5, "max |ONNX − DJL| = " + worst[0] + " N m");
    }

    @Test
    void tomatoPolicyInOnnxRuntimeMatchesDjlWithin1e5OfTheActionRange() throws Exception {
        PpoPolicy p = train("GreenhouseTomato-v0", Map.of("env.episode_days", "1"));
        double[] worst = compare(p, tmp.resolve("tomato.onnx"));
        // set-points span up to 1,200 ppm, where adjacent float32 values are 6e-5 apart: 1e-5 is asked of the
        // network's output in [−1, 1], and the physical difference is bounded by it times the half-range
        assertTrue(worst[1] <= 1e-5, "max |ONNX − DJL| = " + worst[1] + " in action units (physical " + worst[0] + ")");
    }
}
