package systems.rala.edge.config;

/** Whether the gateway reads a point, writes it, or both. */
public enum Access {
    /** A sensor or a status: polled every tick. */
    READ,
    /** An actuator or set-point the gateway writes and does not read back. */
    WRITE,
    /** An actuator written by the gateway and read back every tick. */
    READ_WRITE;

    /** Whether the gateway polls it. */
    public boolean readable() {
        return this != WRITE;
    }

    /** Whether the gateway writes it. */
    public boolean writable() {
        return this != READ;
    }
}
