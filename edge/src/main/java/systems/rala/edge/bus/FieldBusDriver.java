package systems.rala.edge.bus;

import java.util.List;
import systems.rala.edge.config.PointSpec;

/**
 * A connection to one device on a field bus. Reads and writes report failures in their results and never throw
 * for a device that does not answer; a driver reconnects by itself on the next call after a failure. Used by one
 * thread (the control loop), closed once.
 */
public interface FieldBusDriver extends AutoCloseable {

    /** The device's name in the site configuration. */
    String device();

    /** Reads {@code points} (all on this device); one result per point, in their order. */
    List<ReadResult> read(List<PointSpec> points);

    /** Writes engineering value {@code value} to {@code point}. */
    WriteResult write(PointSpec point, double value);

    /** Closes the connection; later calls fail per point. */
    @Override
    void close();
}
