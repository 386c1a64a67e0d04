package systems.rala.env.core;

/**
 * What {@link Env#reset} and {@link Env#step} return: the observation, the reward, whether the episode
 * ended because the task ended ({@link #terminated}) or because it was cut short ({@link #truncated}), and
 * the info. Owned by the environment and overwritten by its next call: copy what you keep.
 *
 * <p>{@code terminated} and {@code truncated} are different facts and are never merged: a terminated
 * episode has no future (a learner must not bootstrap its value), a truncated one was stopped from outside
 * (a time limit) and its last observation still has a value.
 */
public final class Step {

    /** The observation, in the environment's observation-space order. */
    public final double[] observation;

    /** The reward of the last transition (0 after a reset). */
    public double reward;

    /** The episode reached a terminal state of the task. */
    public boolean terminated;

    /** The episode was cut short from outside the task (e.g. a time limit). */
    public boolean truncated;

    /** Auxiliary numbers: reward terms, KPIs, diagnostics. */
    public final Info info = new Info();

    /** A step record for observations of {@code size} components. */
    public Step(int size) {
        this.observation = new double[size];
    }

    /** True when the episode is over for either reason. */
    public boolean done() {
        return terminated || truncated;
    }

    /** Prepares for a reset: reward 0, not done, info cleared. */
    public void beginReset() {
        reward = 0;
        terminated = false;
        truncated = false;
        info.clear();
    }

    /** Prepares for a step: info cleared. */
    public void beginStep() {
        info.clear();
    }
}
