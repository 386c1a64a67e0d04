package systems.rala.env.agents;

import systems.rala.env.core.Step;

/**
 * Anything that chooses actions for an environment: a trained policy, a baseline controller, a random agent.
 * Evaluation runs every controller through this one interface, so a rule-based controller, a PID loop and an
 * exported ONNX policy are compared on the same episodes.
 */
public interface Agent {

    /** Called at the start of every episode, after the environment's reset. */
    default void reset() {}

    /** Writes an action in the environment's action space for the current {@code step} into {@code action}. */
    void act(Step step, double[] action);

    /** A short name for reports. */
    String name();
}
