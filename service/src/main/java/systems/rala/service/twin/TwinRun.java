package systems.rala.service.twin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.agents.OnnxAgent;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;

/**
 * One controller through one episode of an rl-env environment, collecting what the environment itself
 * reports: the return, the KPI calculator's running KPIs of the final step (info {@code kpi.*}, the names of
 * REFERENCES.md) and the reward's terms summed over the steps. This is what `rala eval --episodes 1` does
 * for one controller, with the same episode seed.
 */
final class TwinRun {

    /** Reward terms the greenhouse environments put in their info each step, € m⁻² per step. */
    static final List<String> REWARD_TERMS =
            List.of("revenue", "heat_cost", "elec_cost", "co2_cost", "penalty_temp", "penalty_rh", "penalty_co2");

    private TwinRun() {}

    /** What drives the plant: a baseline of the environment by name, or an exported policy file. */
    record Controller(String baseline, Path policyFile, String label) {
        static Controller baseline(String name) {
            return new Controller(name, null, name);
        }

        static Controller policy(Path file, String label) {
            return new Controller(null, file, label);
        }

        Agent agent(Env env) throws IOException {
            if (policyFile != null) {
                try {
                    return new OnnxAgent(policyFile, env, label);
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                }
            }
            if (env instanceof HasBaselines hb) {
                return hb.baseline(baseline);
            }
            throw new IllegalArgumentException(env.id() + " offers no baseline controllers");
        }
    }

    /**
     * One episode's outcome.
     *
     * @param controller the controller's label
     * @param episodeReturn the sum of the rewards, € m⁻² (profit less climate penalties)
     * @param steps steps simulated
     * @param kpis the environment's KPIs at the last step (info {@code kpi.*} without the prefix)
     * @param rewardTerms each reward term summed over the steps, € m⁻²
     */
    record Result(
            String controller,
            double episodeReturn,
            int steps,
            Map<String, Double> kpis,
            Map<String, Double> rewardTerms) {}

    /** Told the steps done after each step; returns false to stop the run. */
    interface Progress {
        boolean update(int done, int total);
    }

    /** The run was stopped by its {@link Progress}. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /** The episode seed of an evaluation seed, as `rala eval --seed` draws its first episode's. */
    static long episodeSeed(long seed) {
        return new SplittableRandom(seed).nextLong();
    }

    /**
     * Runs {@code controller} on {@code envId} with {@code options} from {@code reset(episodeSeed)} for at
     * most {@code steps(env)} steps, or until the episode ends.
     *
     * @throws Stopped when {@code progress} returns false
     */
    static Result run(
            String envId,
            Map<String, String> options,
            Controller controller,
            long episodeSeed,
            java.util.function.ToIntFunction<Env> steps,
            Progress progress)
            throws IOException {
        try (Env env = EnvRegistry.make(envId, options)) {
            Agent agent = controller.agent(env);
            try {
                int total = steps.applyAsInt(env);
                double[] action = new double[env.actionSpace().size()];
                double[] terms = new double[REWARD_TERMS.size()];
                boolean[] seen = new boolean[REWARD_TERMS.size()];
                Step s = env.reset(episodeSeed);
                agent.reset();
                double ret = 0;
                int done = 0;
                while (!s.done() && done < total) {
                    agent.act(s, action);
                    s = env.step(action);
                    ret += s.reward;
                    for (int i = 0; i < terms.length; i++) {
                        if (s.info.has(REWARD_TERMS.get(i))) {
                            terms[i] += s.info.get(REWARD_TERMS.get(i));
                            seen[i] = true;
                        }
                    }
                    done++;
                    if (!progress.update(done, total)) {
                        throw new Stopped();
                    }
                }
                Map<String, Double> kpis = new LinkedHashMap<>();
                s.info.toMap().forEach((k, v) -> {
                    if (k.startsWith("kpi.")) {
                        kpis.put(k.substring(4), v);
                    }
                });
                Map<String, Double> rewardTerms = new LinkedHashMap<>();
                for (int i = 0; i < terms.length; i++) {
                    if (seen[i]) {
                        rewardTerms.put(REWARD_TERMS.get(i), terms[i]);
                    }
                }
                return new Result(agent.name(), ret, done, kpis, rewardTerms);
            } finally {
                if (agent instanceof OnnxAgent p) {
                    p.close();
                }
            }
        }
    }
}
