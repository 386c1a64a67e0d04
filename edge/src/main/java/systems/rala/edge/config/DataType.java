package systems.rala.edge.config;

/**
 * How a point's raw value is held on the field bus. Modbus registers are 16 bits wide; 32-bit types take two
 * consecutive registers in the point's {@link WordOrder}. BACnet carries REAL and BOOLEAN values itself, so a
 * BACnet point is {@link #FLOAT32} (analog objects) or {@link #BOOL} (binary objects).
 */
public enum DataType {
    /** Signed 16-bit integer, −32,768 to 32,767: one register. */
    INT16(1, -32_768, 32_767),
    /** Unsigned 16-bit integer, 0 to 65,535: one register. */
    UINT16(1, 0, 65_535),
    /** Signed 32-bit integer: two registers. */
    INT32(2, Integer.MIN_VALUE, Integer.MAX_VALUE),
    /** Unsigned 32-bit integer, 0 to 4,294,967,295: two registers. */
    UINT32(2, 0, 4_294_967_295.0),
    /** IEEE 754 single precision: two registers. */
    FLOAT32(2, -Float.MAX_VALUE, Float.MAX_VALUE),
    /** A coil, discrete input or binary object: 0 or 1. */
    BOOL(1, 0, 1);

    private final int registers;
    private final double rawMin;
    private final double rawMax;

    DataType(int registers, double rawMin, double rawMax) {
        this.registers = registers;
        this.rawMin = rawMin;
        this.rawMax = rawMax;
    }

    /** Modbus registers (16 bits each) one value takes; 1 for {@link #BOOL} (one coil or input bit). */
    public int registers() {
        return registers;
    }

    /** The smallest raw value the type holds. */
    public double rawMin() {
        return rawMin;
    }

    /** The largest raw value the type holds. */
    public double rawMax() {
        return rawMax;
    }

    /** Whether the raw value is an integer (every type but {@link #FLOAT32}). */
    public boolean integral() {
        return this != FLOAT32;
    }
}
