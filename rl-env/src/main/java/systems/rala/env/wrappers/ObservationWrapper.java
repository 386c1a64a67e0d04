package systems.rala.env.wrappers;

import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * The base of wrappers that change observations: it returns its own {@link Step}, with the inner step's
 * reward, flags and info copied and the observation written by {@link #observation}. The inner environment's
 * step record is never modified, so an inner environment that reads its own record stays correct.
 */
public abstract class ObservationWrapper extends Wrapper {

    /** The record returned by reset and step. */
    protected final Step out;

    /** Wraps {@code env}; observations have {@code observationSize} components. */
    protected ObservationWrapper(Env env, int observationSize) {
        super(env);
        this.out = new Step(observationSize);
    }

    @Override
    public Step reset(long seed) {
        return emit(env.reset(seed), true);
    }

    @Override
    public Step reset() {
        return emit(env.reset(), true);
    }

    @Override
    public Step step(double[] action) {
        return emit(env.step(action), false);
    }

    /** Copies reward, flags and info of {@code inner} into {@link #out} and writes the observation. */
    protected final Step emit(Step inner, boolean reset) {
        out.reward = inner.reward;
        out.terminated = inner.terminated;
        out.truncated = inner.truncated;
        out.info.copyFrom(inner.info);
        observation(inner.observation, out.observation, reset);
        return out;
    }

    /**
     * Writes the observation this wrapper reports into {@code out}, from the inner one {@code in}; {@code
     * reset} is true for the first observation of an episode.
     */
    protected abstract void observation(double[] in, double[] out, boolean reset);
}
