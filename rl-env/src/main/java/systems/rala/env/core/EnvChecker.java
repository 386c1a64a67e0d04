package systems.rala.env.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Checks an environment against the contract of {@link Env} (after Gymnasium's {@code env_checker}):
 * observations finite and inside the observation space, rewards finite; the same seed and actions give an
 * identical trajectory, in the same instance and in a fresh one; a reset really resets (a second episode
 * with the same seed repeats the first); actions outside the space (NaN, or beyond a bound) are refused;
 * stepping before the first reset, or an ended episode, is refused. Returns the problems found (empty when
 * the environment passes).
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
            double[] sample = new double[act.size()];
            act.sample(new SplittableRandom(1), sample);
            try {
                fresh.step(sample);
                problems.add("step() before any reset() was accepted; it must require a reset");
            } catch (IllegalStateException expected) {
                // the contract
            }
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
            double[] bad = new double[act.size()];
            Arrays.fill(bad, Double.NaN);
            refused(env, bad, "a NaN action", problems);
            act.sample(new SplittableRandom(2), bad);
            if (act instanceof BoxSpace box) {
                bad[0] = box.high(0) + (box.high(0) - box.low(0));
            } else {
                bad[0] = ((DiscreteSpace) act).n();
            }
            refused(env, bad, "the action " + Arrays.toString(bad) + ", outside the space,", problems);
        } finally {
            env.close();
            fresh.close();
        }
        problems.removeIf(p -> p.startsWith("note:"));
        return problems;
    }

    private static void refused(Env env, double[] action, String what, List<String> problems) {
        env.reset(1);
        try {
            env.step(action);
            problems.add(what + " was accepted; actions outside the space must be refused");
        } catch (IllegalArgumentException expected) {
            // the contract
        }
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
        if (problems.size() >= 20) {
            return;
        }
        double[] o = s.observation;
        for (int i = 0; i < o.length && i < obs.size(); i++) {
            if (!Double.isFinite(o[i])) {
                problems.add(
                        where + ": observation " + obs.components().get(i).name() + " = " + o[i] + " is not finite");
                return;
            }
        }
        String v = obs.violation(o);
        if (v != null) {
            problems.add(where + ": observation " + v);
        }
    }
}
