package systems.rala.edge.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.edge.config.Access;
import systems.rala.edge.config.BusAddress;
import systems.rala.edge.config.DataType;
import systems.rala.edge.config.PointSpec;
import systems.rala.edge.config.WordOrder;

/**
 * Encodings against register values computed by hand. Floats: IEEE 754 binary32 bit patterns worked out from the
 * binary expansion (20.59375 = 10100.10011₂ = 1.010010011₂ × 2⁴, biased exponent 131 = 0x83, so 0x41A4C000;
 * −1.5 = −1.1₂ × 2⁰, so 0xBFC00000); integers: two's complement (−1234 = 65536 − 1234 = 64302 = 0xFB2E) and
 * 4,000,000,000 = 0xEE6B2800.
 */
class RegisterCodecTest {

    static PointSpec spec(DataType type, WordOrder order, double scale, double offset) {
        return new PointSpec(
                "p",
                "-",
                "",
                "plc",
                Access.READ_WRITE,
                new BusAddress.Modbus(BusAddress.ModbusTable.HOLDING, 0, -1),
                type,
                order,
                scale,
                offset,
                -1e12,
                1e12,
                false,
                null,
                0);
    }

    static int[] enc(DataType t, WordOrder o, double v) {
        return RegisterCodec.encode(spec(t, o, 1, 0), v);
    }

    @Test
    void float32InAllFourByteOrders() {
        assertThat(enc(DataType.FLOAT32, WordOrder.ABCD, 20.59375)).containsExactly(0x41A4, 0xC000);
        assertThat(enc(DataType.FLOAT32, WordOrder.CDAB, 20.59375)).containsExactly(0xC000, 0x41A4);
        assertThat(enc(DataType.FLOAT32, WordOrder.BADC, 20.59375)).containsExactly(0xA441, 0x00C0);
        assertThat(enc(DataType.FLOAT32, WordOrder.DCBA, 20.59375)).containsExactly(0x00C0, 0xA441);
        assertThat(enc(DataType.FLOAT32, WordOrder.ABCD, -1.5)).containsExactly(0xBFC0, 0x0000);
        for (WordOrder o : WordOrder.values()) {
            PointSpec p = spec(DataType.FLOAT32, o, 1, 0);
            assertThat(RegisterCodec.decode(p, enc(DataType.FLOAT32, o, 20.59375), 0))
                    .isEqualTo(20.59375);
        }
        // decoding reads the registers a device sends: 0xC000, 0x41A4 is 20.59375 low word first
        assertThat(RegisterCodec.decode(spec(DataType.FLOAT32, WordOrder.CDAB, 1, 0), new int[] {7, 0xC000, 0x41A4}, 1))
                .isEqualTo(20.59375);
    }

    @Test
    void thirtyTwoBitIntegers() {
        assertThat(enc(DataType.UINT32, WordOrder.ABCD, 4_000_000_000.0)).containsExactly(0xEE6B, 0x2800);
        assertThat(enc(DataType.UINT32, WordOrder.CDAB, 4_000_000_000.0)).containsExactly(0x2800, 0xEE6B);
        assertThat(enc(DataType.UINT32, WordOrder.BADC, 4_000_000_000.0)).containsExactly(0x6BEE, 0x0028);
        assertThat(enc(DataType.UINT32, WordOrder.DCBA, 4_000_000_000.0)).containsExactly(0x0028, 0x6BEE);
        assertThat(enc(DataType.INT32, WordOrder.ABCD, -2)).containsExactly(0xFFFF, 0xFFFE);
        assertThat(enc(DataType.INT32, WordOrder.CDAB, -2)).containsExactly(0xFFFE, 0xFFFF);
        assertThat(enc(DataType.INT32, WordOrder.ABCD, 65_536)).containsExactly(0x0001, 0x0000);
        // 0xFFFF, 0xFFFE is -2 signed but 4,294,967,294 unsigned
        int[] regs = {0xFFFF, 0xFFFE};
        assertThat(RegisterCodec.decode(spec(DataType.INT32, WordOrder.ABCD, 1, 0), regs, 0))
                .isEqualTo(-2);
        assertThat(RegisterCodec.decode(spec(DataType.UINT32, WordOrder.ABCD, 1, 0), regs, 0))
                .isEqualTo(4_294_967_294.0);
    }

    @Test
    void sixteenBitIntegersWithScaleAndOffset() {
        assertThat(enc(DataType.INT16, WordOrder.ABCD, -1234)).containsExactly(0xFB2E);
        assertThat(enc(DataType.INT16, WordOrder.BADC, -1234)).containsExactly(0x2EFB);
        assertThat(enc(DataType.UINT16, WordOrder.ABCD, 65_535)).containsExactly(0xFFFF);
        assertThat(RegisterCodec.decode(spec(DataType.INT16, WordOrder.ABCD, 1, 0), new int[] {0x8000}, 0))
                .isEqualTo(-32_768);
        assertThat(RegisterCodec.decode(spec(DataType.UINT16, WordOrder.ABCD, 1, 0), new int[] {0x8000}, 0))
                .isEqualTo(32_768);
        // 21.5 °C at 0.01 °C per count is raw 2150 = 0x0866
        PointSpec celsius = spec(DataType.INT16, WordOrder.ABCD, 0.01, 0);
        assertThat(RegisterCodec.encode(celsius, 21.5)).containsExactly(0x0866);
        assertThat(RegisterCodec.decode(celsius, new int[] {0x0866}, 0))
                .isCloseTo(21.5, org.assertj.core.data.Offset.offset(1e-12));
        // a Kelvin sensor sent as °C × 10 + 2731.5: 293.15 K -> raw (293.15 - 273.15) / 0.1 = 200
        PointSpec kelvin = spec(DataType.UINT16, WordOrder.ABCD, 0.1, 273.15);
        assertThat(RegisterCodec.encode(kelvin, 293.15)).containsExactly(200);
        // rounding to the nearest count: 0.33333 at 1e-4 per count is 3333.3 -> 3333
        PointSpec fraction = spec(DataType.UINT16, WordOrder.ABCD, 1e-4, 0);
        assertThat(RegisterCodec.encode(fraction, 0.33333)).containsExactly(3333);
    }

    @Test
    void valuesTheTypeCannotHoldAreRefusedNamingThePoint() {
        assertThatThrownBy(() -> enc(DataType.INT16, WordOrder.ABCD, 40_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("p: 40000.0")
                .hasMessageContaining("int16");
        assertThatThrownBy(() -> enc(DataType.UINT16, WordOrder.ABCD, -1)).hasMessageContaining("uint16");
        assertThatThrownBy(() -> enc(DataType.UINT32, WordOrder.ABCD, 4_294_967_296.0))
                .hasMessageContaining("uint32");
        assertThatThrownBy(() -> enc(DataType.FLOAT32, WordOrder.ABCD, Double.NaN))
                .hasMessageContaining("cannot be written");
    }

    @Test
    void everyTypeAndOrderRoundTrips() {
        SplittableRandom rng = new SplittableRandom(11);
        for (DataType t : DataType.values()) {
            for (WordOrder o : WordOrder.values()) {
                for (int i = 0; i < 2000; i++) {
                    double raw = t == DataType.FLOAT32
                            ? Float.intBitsToFloat(rng.nextInt())
                            : Math.floor(t.rawMin() + rng.nextDouble() * (t.rawMax() - t.rawMin() + 1));
                    if (!Double.isFinite(raw) || raw > t.rawMax()) {
                        continue;
                    }
                    int[] regs = RegisterCodec.encodeRaw(t, o, raw);
                    assertThat(regs).hasSize(t.registers());
                    for (int r : regs) {
                        assertThat(r).isBetween(0, 0xFFFF);
                    }
                    assertThat(RegisterCodec.decodeRaw(t, o, regs, 0)).isEqualTo(raw);
                }
            }
        }
    }
}
