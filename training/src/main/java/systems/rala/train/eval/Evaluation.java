package systems.rala.train.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * Runs agents on the same episodes and collects their results: episode e of every agent is reset with the
 * same seed (drawn from the evaluation seed), so all agents face the same weather, start day and noise.
 */
public final class Evaluation {

    private Evaluation() {}

    /** One episode's result: its seed, return, length and KPIs (from the final info's "kpi." entries). */
    public record EpisodeResult(long seed, double episodeReturn, int steps, Map<String, Double> kpis) {}

    /** One agent's results. */
    public record AgentResult(String agent, List<EpisodeResult> episodes) {

        /** Mean and (sample) standard deviation of the return and each KPI over the episodes. */
        public Map<String, double[]> summary() {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (EpisodeResult e : episodes) {
                values.computeIfAbsent("return", k -> new ArrayList<>()).add(e.episodeReturn());
                values.computeIfAbsent("steps", k -> new ArrayList<>()).add((double) e.steps());
                e.kpis()
                        .forEach((k, v) -> values.computeIfAbsent(k, kk -> new ArrayList<>())
                                .add(v));
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                double mean =
                        v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double var = v.size() > 1
                        ? v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (v.size() - 1)
                        : 0.0;
                out.put(k, new double[] {mean, Math.sqrt(var)});
            });
            return out;
        }
    }

    /** The baseline {@code name} of the environment inside any wrappers; an error if it offers none. */
    public static Agent baseline(Env env, String name) {
        Env inner = env instanceof Wrapper w ? w.unwrapped() : env;
        if (inner instanceof HasBaselines hb) {
            return hb.baseline(name);
        }
        throw new IllegalArgumentException("environment " + env.id() + " offers no baseline controllers");
    }

    /**
     * Runs {@code episodes} episodes of {@code agent} on a fresh environment from {@code envFactory};
     * episode seeds come from {@code seed}.
     */
    public static AgentResult run(
            Supplier<Env> envFactory,
            java.util.function.Function<Env, Agent> agentFactory,
            int episodes,
            long seed,
            java.util.function.IntConsumer progress) {
        List<EpisodeResult> results = new ArrayList<>();
        SplittableRandom seeds = new SplittableRandom(seed);
        try (Env env = envFactory.get()) {
            Agent agent = agentFactory.apply(env);
            double[] action = new double[env.actionSpace().size()];
            for (int e = 0; e < episodes; e++) {
                long episodeSeed = seeds.nextLong();
                Step s = env.reset(episodeSeed);
                agent.reset();
                double ret = 0;
                int steps = 0;
                while (!s.done()) {
                    agent.act(s, action);
                    s = env.step(action);
                    ret += s.reward;
                    steps++;
                }
                Map<String, Double> kpis = new LinkedHashMap<>();
                s.info.toMap().forEach((k, v) -> {
                    if (k.startsWith("kpi.")) {
                        kpis.put(k.substring(4), v);
                    }
                });
                results.add(new EpisodeResult(episodeSeed, ret, steps, kpis));
                if (progress != null) {
                    progress.accept(e + 1);
                }
            }
            if (agent instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot close " + agent.name(), e);
                }
            }
            return new AgentResult(agent.name(), results);
        }
    }
}
