package systems.rala.train.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.env.tomato.TomatoEnv;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.tick.ControlTick;
import systems.rala.runtime.tick.SafetyStage;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.train.ppo.PpoConfig;
import systems.rala.train.ppo.PpoPolicy;
import systems.rala.train.ppo.PpoTrainer;

/**
 * The runtime decides what training computed: a tomato policy trained by PPO and exported to ONNX, run by
 * the runtime's {@link ControlTick} on the observations recorded from an episode of the environment (each
 * component written to the site's reading store by name, the clock and the previous action supplied by the
 * tick itself), gives the actions DJL computes from the trained network for the same observations.
 */
class RuntimeDecisionParityTest {

    @TempDir
    Path tmp;

    @Test
    void controlTickDecisionsMatchTheTrainingForwardPassWithin1e5() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("env", "GreenhouseTomato-v0");
        m.put("env.episode_days", "1");
        m.put("env.action_mode", "residual");
        m.put("total_timesteps", "512");
        m.put("n_envs", "2");
        m.put("n_steps", "128");
        m.put("batch_size", "64");
        m.put("n_epochs", "2");
        m.put("net_arch", "64,64");
        PpoPolicy policy;
        try (PpoTrainer t = PpoTrainer.start(PpoConfig.of(m, "test"), 5, tmp.resolve("run"))) {
            t.train(Long.MAX_VALUE, null);
            policy = t.policy();
        }
        Path onnx = tmp.resolve("tomato.onnx");
        PolicyExport.exportOnnx(policy, onnx, "parity", 5, System.err, true);

        // one recorded day of the environment under the trained policy
        List<double[]> observations = new ArrayList<>();
        List<double[]> clocks = new ArrayList<>();
        BoxSpace space;
        try (TomatoEnv env = (TomatoEnv) EnvRegistry.make(
                "GreenhouseTomato-v0", Map.of("episode_days", "1", "action_mode", "residual", "split", "test"))) {
            space = env.observationSpace();
            Step s = env.reset(3);
            double[] a = new double[env.actionSpace().size()];
            while (!s.done()) {
                observations.add(s.observation.clone());
                clocks.add(new double[] {
                    env.simulation().secondOfDay(), env.simulation().dayOfYear()
                });
                policy.act(s.observation, a);
                s = env.step(a);
            }
        }
        int n = observations.size();
        int o = space.size();
        float[] batch = new float[n * o];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < o; j++) {
                batch[i * o + j] = (float) observations.get(i)[j];
            }
        }
        float[] djl = policy.actionsByDjl(batch, n);
        double[] low = policy.actionLow();
        double[] high = policy.actionHigh();

        double worst = 0;
        try (OnnxPolicy onnxPolicy = OnnxPolicy.load(onnx)) {
            ReadingStore store = new ReadingStore();
            List<Integer> fed = new ArrayList<>();
            for (int j = 0; j < o; j++) {
                String name = space.components().get(j).name();
                if (!name.startsWith("hour_") && !name.startsWith("year_") && !name.startsWith("last_")) {
                    store.register(name, space.components().get(j).unit());
                    fed.add(j);
                }
            }
            ControlTick tick = ControlTick.builder(store)
                    .policy(onnxPolicy)
                    .safety(SafetyStage.NONE)
                    .build();
            long t0 = 1_800_000_000_000L;
            for (int i = 0; i < n; i++) {
                long now = t0 + i * 900_000L;
                for (int j : fed) {
                    store.put(
                            store.slot(space.components().get(j).name()),
                            observations.get(i)[j],
                            now);
                }
                TickRecord r = tick.tick(now, clocks.get(i)[0], (int) clocks.get(i)[1]);
                assertEquals(ControlMode.POLICY, r.mode(), () -> "tick " + r.problems());
                int k = 0;
                for (Map.Entry<String, Double> e : r.rawAction().entrySet()) {
                    double d = Math.abs(e.getValue() - djl[i * low.length + k]) / ((high[k] - low[k]) / 2);
                    worst = Math.max(worst, d);
                    k++;
                }
            }
        }
        System.out.printf("control tick vs DJL on %d recorded tomato observations: max %.3g action units%n", n, worst);
        assertTrue(worst <= 1e-5, "max |tick − DJL| = " + worst + " action units");
    }
}
