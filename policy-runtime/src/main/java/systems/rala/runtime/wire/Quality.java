package systems.rala.runtime.wire;

/**
 * How far a reading can be trusted, in the three classes of OPC UA's status codes. On the wire, the
 * constant's name in lower case.
 */
public enum Quality {
    /** Read from the device without a fault. */
    GOOD,
    /** Read, but doubtful: a sensor out of calibration, a value held from an earlier read, a substitute. */
    UNCERTAIN,
    /** Not read: the device or the bus failed. The value may be absent (null on the wire, NaN here). */
    BAD
}
