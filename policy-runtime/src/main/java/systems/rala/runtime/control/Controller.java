package systems.rala.runtime.control;

import java.util.List;

/**
 * Anything that turns readings into actuator commands: the rule-based climate controller, a PID loop, an
 * exported policy. Controllers run on gateways as well as in simulations, so {@link #decide} must not
 * allocate.
 */
public interface Controller {

    /** The readings it needs, in the order of {@link ControlInput#values()}. */
    List<Point> readings();

    /** The commands it produces, in the order of the output array, with their bounds. */
    List<Point> commands();

    /** Writes one command per {@link #commands()} entry into {@code out}, each within its bounds. */
    void decide(ControlInput in, double[] out);

    /** Forgets any internal state (filters, integrators, timers) before a new run. */
    default void reset() {}
}
