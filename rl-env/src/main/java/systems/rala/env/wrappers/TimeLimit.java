package systems.rala.env.wrappers;

import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * Cuts episodes at {@code maxSteps} steps (Gymnasium's {@code TimeLimit}). Changes one thing: {@code
 * truncated} becomes true on the {@code maxSteps}-th step after a reset. It never sets {@code terminated};
 * when the inner environment terminates on that same step, {@code terminated} stays true and {@code
 * truncated} is set too, as in Gymnasium. Observation, reward and info are the inner environment's.
 *
 * <p>It returns the inner environment's {@link Step} with the flag set. Once the episode has ended, for
 * either reason, {@link #step} refuses to go on until the next reset (an {@link IllegalStateException}),
 * since the inner environment does not know about the limit; so does a step before the first reset.
 */
public final class TimeLimit extends Wrapper {

    private final int maxSteps;
    private int elapsed;
    private boolean started;
    private boolean ended;

    /** Wraps {@code env} with a limit of {@code maxSteps} (at least 1) steps per episode. */
    public TimeLimit(Env env, int maxSteps) {
        super(env);
        if (maxSteps < 1) {
            throw new IllegalArgumentException("TimeLimit: maxSteps = " + maxSteps + " must be at least 1");
        }
        this.maxSteps = maxSteps;
    }

    /** The limit, in steps per episode. */
    public int maxSteps() {
        return maxSteps;
    }

    /** Steps taken in the current episode. */
    public int elapsed() {
        return elapsed;
    }

    @Override
    public Step reset(long seed) {
        Step s = env.reset(seed);
        elapsed = 0;
        started = true;
        ended = false;
        return s;
    }

    @Override
    public Step reset() {
        Step s = env.reset();
        elapsed = 0;
        started = true;
        ended = false;
        return s;
    }

    @Override
    public Step step(double[] action) {
        if (!started || ended) {
            throw new IllegalStateException(id() + ": step() "
                    + (started ? "after the episode ended (time limit " + maxSteps + " steps)" : "before reset()")
                    + "; call reset()");
        }
        Step s = env.step(action);
        elapsed++;
        if (elapsed >= maxSteps) {
            s.truncated = true;
        }
        ended = s.terminated || s.truncated;
        return s;
    }
}
