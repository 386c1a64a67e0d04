package systems.rala.train.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PpoTrainerTest {

    @TempDir
    Path tmp;

    private static PpoConfig config(String env, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("env", env);
        m.put("total_timesteps", "1024");
        m.put("n_envs", "2");
        m.put("threads", "2");
        m.put("n_steps", "128");
        m.put("batch_size", "64");
        m.put("n_epochs", "3");
        m.put("checkpoint_freq", "256");
        m.putAll(extra);
        return PpoConfig.of(m, "test");
    }

    /** progress.csv without the wall-clock columns. */
    private static List<String> progress(Path dir) throws IOException {
        List<String> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("progress.csv"))) {
            String[] f = line.split(",", -1);
            f[2] = ""; // time/fps
            f[3] = ""; // time/elapsed_s
            rows.add(String.join(",", f));
        }
        return rows;
    }

    @Test
    void nPlusNStepsWithAResumeMatch2NStepsInOneGo() throws IOException {
        // Pendulum: 2 envs × 128 steps per rollout, so the checkpoint at 512 steps falls in the middle of
        // episodes (200 steps), which the resume rebuilds by replay; eval on the way exercises the best-model path
        PpoConfig cfg = config("Pendulum-v1", Map.of("eval_freq", "512", "eval_episodes", "2", "anneal_lr", "true"));
        Path straight = tmp.resolve("straight");
        Path split = tmp.resolve("split");
        try (PpoTrainer t = PpoTrainer.start(cfg, 42, straight)) {
            t.train(Long.MAX_VALUE, null);
        }
        try (PpoTrainer t = PpoTrainer.start(cfg, 42, split)) {
            t.train(512, null); // the run stops (as if killed) after its checkpoint at 512 steps
            assertEquals(512, t.timesteps());
        }
        float[] resumedParams;
        try (PpoTrainer t = PpoTrainer.resume(split, Map.of())) {
            assertEquals(512, t.timesteps());
            t.train(Long.MAX_VALUE, null);
            resumedParams = t.network().params().clone();
        }
        PpoPolicy a = PpoPolicy.load(PpoTrainer.latestCheckpoint(straight));
        assertEquals(1024, a.trainedSteps());
        assertArrayEquals(a.network().params(), resumedParams, "parameters after 512 + 512 steps");
        assertArrayEquals(
                a.obsMean(), PpoPolicy.load(PpoTrainer.latestCheckpoint(split)).obsMean());
        assertEquals(progress(straight), progress(split), "every logged metric, row by row");
        assertTrue(Files.exists(split.resolve("best").resolve("policy.bin")));
    }

    @Test
    void aResumeDropsProgressRowsWrittenAfterTheLastCheckpoint() throws IOException {
        PpoConfig cfg = config("Pendulum-v1", Map.of("checkpoint_freq", "512"));
        Path dir = tmp.resolve("run");
        try (PpoTrainer t = PpoTrainer.start(cfg, 1, dir)) {
            t.train(768, null); // checkpoints at 512 (periodic) and 768 (stop)
        }
        Files.delete(PpoTrainer.latestCheckpoint(dir)); // as if killed before the checkpoint at 768
        assertEquals(4, Files.readAllLines(dir.resolve("progress.csv")).size()); // header + 256, 512, 768
        try (PpoTrainer t = PpoTrainer.resume(dir, Map.of())) {
            assertEquals(512, t.timesteps());
        }
        assertEquals(3, Files.readAllLines(dir.resolve("progress.csv")).size());
    }

    @Test
    void theSameSeedReproducesTheRunAndAnotherSeedDoesNot() {
        PpoConfig cfg = config("Pendulum-v1", Map.of("total_timesteps", "512"));
        float[][] p = new float[3][];
        long[] seeds = {7, 7, 8};
        for (int i = 0; i < 3; i++) {
            try (PpoTrainer t = PpoTrainer.start(cfg, seeds[i], tmp.resolve("r" + i))) {
                t.train(Long.MAX_VALUE, null);
                p[i] = t.network().params().clone();
            }
        }
        assertArrayEquals(p[0], p[1]);
        assertFalse(java.util.Arrays.equals(p[0], p[2]));
    }

    /** The critic's value of the (constant) observation after training on reward 1 per step, γ = 0.8. */
    private double learnedValue(String env) {
        ConstantRewardEnv.register();
        PpoConfig cfg = config(
                env,
                Map.of(
                        "total_timesteps", "20480",
                        "gamma", "0.8",
                        "gae_lambda", "1",
                        "norm_obs", "false",
                        "norm_reward", "false",
                        "learning_rate", "3e-3",
                        "checkpoint_freq", "0"));
        try (PpoTrainer t = PpoTrainer.start(cfg, 3, tmp.resolve(env))) {
            t.train(Long.MAX_VALUE, null);
            return t.network().value(new double[] {0.5}, 0);
        }
    }

    @Test
    void truncationIsBootstrappedAndTerminationIsNot() {
        // truncated every 5 steps, the task goes on for ever: V = 1 / (1 − 0.8) = 5 (with the bootstrap; without
        // it the targets would average (1 + 1.8 + 2.44 + 2.952 + 3.3616) / 5 = 2.31)
        assertEquals(5.0, learnedValue(ConstantRewardEnv.TRUNCATING), 0.3);
        // terminated every 5 steps, V is the mean return-to-go over the 5 positions (the observation is constant)
        assertEquals((1 + 1.8 + 2.44 + 2.952 + 3.3616) / 5, learnedValue(ConstantRewardEnv.TERMINATING), 0.2);
    }

    @Test
    void environmentsGetClippedActionsWhileTheBufferKeepsTheSamples() {
        ConstantRewardEnv.register();
        ConstantRewardEnv.maxAbsAction = 0;
        // log-std 1: samples often fall outside [−1, 1]
        PpoConfig cfg = config(
                ConstantRewardEnv.TRUNCATING,
                Map.of("total_timesteps", "256", "log_std_init", "1", "checkpoint_freq", "0"));
        try (PpoTrainer t = PpoTrainer.start(cfg, 5, tmp.resolve("clip"))) {
            t.train(Long.MAX_VALUE, null);
            float worst = 0;
            for (float a : t.rolloutActions()) {
                worst = Math.max(worst, Math.abs(a));
            }
            assertTrue(worst > 1.5, "stored samples are unclipped: max |a| = " + worst);
        }
        // the action space is [10, 30]: the env never saw anything beyond 30
        assertTrue(ConstantRewardEnv.maxAbsAction <= 30.0, "env saw " + ConstantRewardEnv.maxAbsAction);
        assertEquals(30.0, ConstantRewardEnv.maxAbsAction, 1e-12, "samples above 1 were clipped to the upper bound");
    }

    @Test
    void badConfigurationsNameTheKeyTheValueAndTheRange() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> config("Pendulum-v1", Map.of("gamma", "1.5")));
        assertTrue(e.getMessage().contains("gamma = 1.5") && e.getMessage().contains("0.0 to 1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config("Pendulum-v1", Map.of("gama", "0.9")));
        assertTrue(e.getMessage().contains("unknown key 'gama'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> config("Pendulum-v1", Map.of("batch_size", "100")));
        assertTrue(e.getMessage().contains("must divide n_envs × n_steps = 256"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PpoTrainer.resume(tmp, Map.of()));
        assertTrue(e.getMessage().contains("has no checkpoints"), e.getMessage());
    }
}
