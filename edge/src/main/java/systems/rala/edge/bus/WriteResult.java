package systems.rala.edge.bus;

import systems.rala.edge.config.PointSpec;

/** What became of writing one point. */
public sealed interface WriteResult {

    /** The point written. */
    PointSpec point();

    /**
     * The device accepted the value.
     *
     * @param value the engineering value written (after rounding to the raw type)
     */
    record Written(PointSpec point, double value) implements WriteResult {}

    /** The write did not happen or was not confirmed; {@code reason} says why. */
    record Failure(PointSpec point, String reason) implements WriteResult {}
}
