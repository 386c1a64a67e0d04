package systems.rala.edge.bus;

import systems.rala.edge.config.PointSpec;

/**
 * What became of reading one point: its engineering value, or why there is none. Drivers report a failed read
 * here, per point, and never throw for it.
 */
public sealed interface ReadResult {

    /** The point read. */
    PointSpec point();

    /** When the read completed [ms since the epoch]. */
    long timeMillis();

    /**
     * A value read from the device.
     *
     * @param value the engineering value, in the point's unit (not checked against the point's limits: the
     *     control loop judges it)
     */
    record Value(PointSpec point, double value, long timeMillis) implements ReadResult {}

    /**
     * No value: the device did not answer, refused the request or sent something unreadable.
     *
     * @param reason for people, e.g. "timed out after 1000 ms (connection reset)"
     */
    record Failure(PointSpec point, String reason, long timeMillis) implements ReadResult {}
}
