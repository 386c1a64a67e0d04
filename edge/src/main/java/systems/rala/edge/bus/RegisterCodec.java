package systems.rala.edge.bus;

import systems.rala.edge.config.DataType;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.WordOrder;

/**
 * Converts between engineering values and Modbus registers (16-bit words, held here as ints 0–65,535). The
 * raw value is the engineering value's {@code (value − offset) / scale}, rounded to the nearest integer for
 * integer types; 32-bit types take two registers in the point's {@link WordOrder}.
 */
public final class RegisterCodec {

    private RegisterCodec() {}

    /**
     * The engineering value held in {@code registers} from {@code at} on, for point {@code p}.
     *
     * @param registers register values, each 0–65,535
     */
    public static double decode(PointSpec p, int[] registers, int at) {
        return p.toEngineering(decodeRaw(p.type(), p.wordOrder(), registers, at));
    }

    /**
     * The engineering value {@code value} of point {@code p} as registers.
     *
     * @throws IllegalArgumentException if the value is not finite or its raw value is outside the type's range,
     *     naming the point, the value and the range
     */
    public static int[] encode(PointSpec p, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(p.name() + ": " + value + " cannot be written");
        }
        double raw = p.toRaw(value);
        DataType t = p.type();
        if (t.integral()) {
            raw = Math.rint(raw);
        }
        if (!(raw >= t.rawMin() && raw <= t.rawMax())) {
            throw new IllegalArgumentException(p.name() + ": " + value + " " + p.unit() + " is raw " + raw
                    + ", outside " + t.name().toLowerCase() + "'s [" + t.rawMin() + ", " + t.rawMax() + "]");
        }
        return encodeRaw(t, p.wordOrder(), raw);
    }

    /** The raw value of type {@code t} held in {@code registers} from {@code at} on. */
    public static double decodeRaw(DataType t, WordOrder order, int[] registers, int at) {
        switch (t) {
            case BOOL -> {
                return registers[at] != 0 ? 1 : 0;
            }
            case INT16 -> {
                return (short) word(registers[at], order);
            }
            case UINT16 -> {
                return word(registers[at], order);
            }
            default -> {
                int first = word(registers[at], order);
                int second = word(registers[at + 1], order);
                int hi = order.lowWordFirst() ? second : first;
                int lo = order.lowWordFirst() ? first : second;
                int bits = (hi << 16) | lo;
                return switch (t) {
                    case INT32 -> bits;
                    case UINT32 -> bits & 0xFFFF_FFFFL;
                    default -> Float.intBitsToFloat(bits);
                };
            }
        }
    }

    /**
     * The registers holding raw value {@code raw} of type {@code t} (integers must be whole and in range; the
     * caller checks).
     */
    public static int[] encodeRaw(DataType t, WordOrder order, double raw) {
        return switch (t) {
            case BOOL -> new int[] {raw != 0 ? 1 : 0};
            case INT16, UINT16 -> new int[] {word((int) raw & 0xFFFF, order)};
            default -> {
                int bits = switch (t) {
                    case INT32 -> (int) raw;
                    case UINT32 -> (int) (long) raw;
                    default -> Float.floatToIntBits((float) raw);
                };
                int hi = word((bits >>> 16) & 0xFFFF, order);
                int lo = word(bits & 0xFFFF, order);
                yield order.lowWordFirst() ? new int[] {lo, hi} : new int[] {hi, lo};
            }
        };
    }

    /** A register as its device sends it, or back: swaps its two bytes if the order says so. */
    private static int word(int register, WordOrder order) {
        int r = register & 0xFFFF;
        return order.swapBytes() ? ((r & 0xFF) << 8) | (r >>> 8) : r;
    }
}
