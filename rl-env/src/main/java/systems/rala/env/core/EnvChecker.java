package systems.rala.env.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Checks an environment against the contract of {@link Env} (after Gymnasium's {@code env_checker}):
 * observations inside the observation space and finite; the same seed and actions give an identical
 * trajectory, in the same instance and in a fresh one; a reset really resets (a second episode with the
 * same seed repeats the first); actions outside the space are refused; stepping an ended episode is refused.
 * Returns the problems found (empty when the environment passes).
 */
public final class EnvChecker {

    private EnvChecker() {}

    /** Checks environments made by {@code factory} over {@code steps} random steps. */
    public static List<String> check(Supplier<Env> factory, int steps) {
        List<String> problems = new ArrayList<>();
        Env env = factory.get();
        Env fresh = factory.get();
        try {
            BoxSpace obs = env.observationSpace();
            Space act = env.actionSpace();
            double[][] first = rollout(env, 7, steps, problems, obs, act);
            double[][] again = rollout(env, 7, steps, problems, obs, act);
            double[][] other = rollout(fresh, 7, steps, problems, obs, act);
            if (!Arrays.deepEquals(first, again)) {
                problems.add(
                        "reset(7) twice in one instance gave different trajectories: reset does not reset everything");
            }
            if (!Arrays.deepEquals(first, other)) {
                problems.add("reset(7) in two instances gave different trajectories: not reproducible from the seed");
            }
            double[][] differentSeed = rollout(env, 8, steps, problems, obs, act);
            if (Arrays.deepEquals(first, differentSeed) && first.length > 1) {
                problems.add("note: seeds 7 and 8 gave identical trajectories (fine for a deterministic task)");
            }
            // actions outside the space
            env.reset(1);
            double[] bad = new double[act.size()];
            Arrays.fill(bad, Double.NaN);
            try {
                env.step(bad);
                problems.add("a NaN action was accepted; actions outside the space must be refused");
            } catch (IllegalArgumentException expected) {
                // the contract
            }
        } finally {
            env.close();
            fresh.close();
        }
        problems.removeIf(p -> p.startsWith("note:"));
        return problems;
    }

    /** Observations and rewards of an episode from {@code seed} with seeded random actions; records problems. */
    private static double[][] rollout(Env env, long seed, int steps, List<String> problems, BoxSpace obs, Space act) {
        List<double[]> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed * 31 + 1);
        Step s = env.reset(seed);
        inspect(s, obs, "reset", problems);
        rows.add(s.observation.clone());
        double[] a = new double[act.size()];
        for (int k = 0; k < steps; k++) {
            act.sample(rng, a);
            s = env.step(a);
            inspect(s, obs, "step " + k, problems);
            double[] row = Arrays.copyOf(s.observation, s.observation.length + 1);
            row[row.length - 1] = s.reward;
            rows.add(row);
            if (!Double.isFinite(s.reward)) {
                problems.add("step " + k + ": reward " + s.reward + " is not finite");
            }
            if (s.done()) {
                try {
                    env.step(a);
                    problems.add("step after the episode ended was accepted; it must require a reset");
                } catch (IllegalStateException expected) {
                    // the contract
                }
                break;
            }
        }
        return rows.toArray(new double[0][]);
    }

    private static void inspect(Step s, BoxSpace obs, String where, List<String> problems) {
        String v = obs.violation(s.observation);
        if (v != null && problems.size() < 20) {
            problems.add(where + ": observation " + v);
        }
    }
}
