package systems.rala.env.core;

import java.util.SplittableRandom;

/**
 * The common half of every environment: the step record, action checking, the rule that an ended episode
 * must be reset, and seeding — {@link #reset()} draws the next episode's seed from a stream started by the
 * last explicit seed (0 before any), so a sequence of seedless resets is reproducible too.
 */
public abstract class AbstractEnv implements Env {

    /** The record returned by reset and step. */
    protected final Step step;

    private SplittableRandom seeds = new SplittableRandom(0);
    private boolean needsReset = true;

    /** An environment whose observations have {@code observationSize} components. */
    protected AbstractEnv(int observationSize) {
        this.step = new Step(observationSize);
    }

    @Override
    public final Step reset(long seed) {
        seeds = new SplittableRandom(seed);
        return start(seeds.nextLong());
    }

    @Override
    public final Step reset() {
        return start(seeds.nextLong());
    }

    private Step start(long episodeSeed) {
        step.beginReset();
        onReset(episodeSeed);
        needsReset = false;
        return step;
    }

    @Override
    public final Step step(double[] action) {
        if (needsReset) {
            throw new IllegalStateException(id() + ": step() before reset(), or after the episode ended; call reset()");
        }
        String bad = actionSpace().violation(action);
        if (bad != null) {
            throw new IllegalArgumentException(id() + ": action " + bad);
        }
        step.beginStep();
        onStep(action);
        if (step.terminated || step.truncated) {
            needsReset = true;
        }
        return step;
    }

    /**
     * Starts an episode: every random choice from {@code seed}; writes the first observation into {@link
     * #step} (reward, flags and info are already cleared).
     */
    protected abstract void onReset(long seed);

    /** Applies a checked action: writes observation, reward, flags and info into {@link #step}. */
    protected abstract void onStep(double[] action);
}
