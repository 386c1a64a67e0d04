package systems.rala.edge.config;

/**
 * The order of the bytes of a value on a Modbus device, naming the bytes of the value from the most significant
 * ({@code A}) to the least ({@code D}) in the order they travel. The Modbus specification sends each register
 * high byte first and says nothing about 32-bit values; devices differ, so each point says which order its
 * device uses:
 *
 * <table>
 *   <caption>byte orders of a 32-bit value 0x41A4C000 (20.59375f)</caption>
 *   <tr><th>order</th><th>registers</th><th>also called</th></tr>
 *   <tr><td>{@code ABCD}</td><td>0x41A4, 0xC000</td><td>big-endian, high word first (Modicon's own)</td></tr>
 *   <tr><td>{@code CDAB}</td><td>0xC000, 0x41A4</td><td>word-swapped, low word first</td></tr>
 *   <tr><td>{@code BADC}</td><td>0xA441, 0x00C0</td><td>byte-swapped</td></tr>
 *   <tr><td>{@code DCBA}</td><td>0x00C0, 0xA441</td><td>little-endian</td></tr>
 * </table>
 *
 * <p>For 16-bit types only the byte order within the register matters: {@code ABCD} and {@code CDAB} read
 * {@code AB}, {@code BADC} and {@code DCBA} read {@code BA}.
 */
public enum WordOrder {
    /** High word first, each word high byte first. */
    ABCD(false, false),
    /** Low word first, each word high byte first. */
    CDAB(true, false),
    /** High word first, each word low byte first. */
    BADC(false, true),
    /** Low word first, each word low byte first. */
    DCBA(true, true);

    private final boolean lowWordFirst;
    private final boolean swapBytes;

    WordOrder(boolean lowWordFirst, boolean swapBytes) {
        this.lowWordFirst = lowWordFirst;
        this.swapBytes = swapBytes;
    }

    /** Whether the less significant word travels in the first register. */
    public boolean lowWordFirst() {
        return lowWordFirst;
    }

    /** Whether each register carries its low byte first. */
    public boolean swapBytes() {
        return swapBytes;
    }
}
