package systems.rala.runtime.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyFile} on hand-written protobuf bytes: the top level of a {@code ModelProto} with an
 * {@code ir_version} (field 1, varint), a {@code graph} (field 7, here 300 opaque bytes, so its length takes
 * two varint bytes) and {@code metadata_props} entries (field 14: key field 1, value field 2).
 */
class PolicyFileTest {

    private static final byte[] GRAPH = new byte[300];

    static {
        Arrays.fill(GRAPH, (byte) 0x5A);
    }

    @Test
    void readsTheMetadataInOrder() {
        byte[] model = model(entry("b", "2"), entry("a", "1"), entry(PolicyFile.HASH_KEY, "x"));
        assertThat(PolicyFile.metadata(model))
                .containsExactly(
                        java.util.Map.entry("b", "2"),
                        java.util.Map.entry("a", "1"),
                        java.util.Map.entry(PolicyFile.HASH_KEY, "x"));
    }

    /** The definition: SHA-256 of the same model written with an empty hash value. */
    @Test
    void theHashIsThatOfTheModelWithAnEmptyHashValue() {
        byte[] empty = model(entry("a", "1"), entry(PolicyFile.HASH_KEY, ""), entry("z", "26"));
        String hash = sha256(empty);
        byte[] filled = model(entry("a", "1"), entry(PolicyFile.HASH_KEY, hash), entry("z", "26"));

        assertThat(PolicyFile.contentHash(empty)).isEqualTo(hash);
        assertThat(PolicyFile.contentHash(filled)).isEqualTo(hash);
        // a long value whose entry needs a two-byte length prefix, and a value written before its key
        byte[] longValue = model(entry("a", "1"), entry(PolicyFile.HASH_KEY, "f".repeat(200)), entry("z", "26"));
        assertThat(PolicyFile.contentHash(longValue)).isEqualTo(hash);
        byte[] valueFirst = model(
                entry("a", "1"),
                field(14, concat(field(2, utf8("anything")), field(1, utf8(PolicyFile.HASH_KEY)))),
                entry("z", "26"));
        byte[] valueFirstEmpty = model(
                entry("a", "1"),
                field(14, concat(field(2, new byte[0]), field(1, utf8(PolicyFile.HASH_KEY)))),
                entry("z", "26"));
        assertThat(PolicyFile.contentHash(valueFirst)).isEqualTo(sha256(valueFirstEmpty));
    }

    @Test
    void anyOtherChangeChangesTheHash() {
        String hash = PolicyFile.contentHash(model(entry("a", "1"), entry(PolicyFile.HASH_KEY, "h")));
        assertThat(PolicyFile.contentHash(model(entry("a", "2"), entry(PolicyFile.HASH_KEY, "h"))))
                .isNotEqualTo(hash);
        byte[] model = model(entry("a", "1"), entry(PolicyFile.HASH_KEY, "h"));
        model[10] ^= 1; // inside the graph
        assertThat(PolicyFile.contentHash(model)).isNotEqualTo(hash);
    }

    @Test
    void aModelWithoutHashHashesAsItIs() {
        byte[] model = model(entry("a", "1"));
        assertThat(PolicyFile.contentHash(model)).isEqualTo(sha256(model));
    }

    @Test
    void malformedBytesAreNamedWithTheirOffset() {
        byte[] model = model(entry("a", "1"));
        byte[] truncated = Arrays.copyOf(model, 100); // inside the graph field, which starts at byte 2
        assertThatThrownBy(() -> PolicyFile.metadata(truncated))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ONNX model: at byte 2, a field of 300 bytes runs past the end of its message");
        byte[] group = {0x08, 0x08, 0x0B}; // field 1 wire type 3 (a group start)
        assertThatThrownBy(() -> PolicyFile.contentHash(group))
                .hasMessage("not an ONNX model: at byte 2, wire type 3 is not one ONNX uses (0, 1, 2 or 5 expected)");
        assertThatThrownBy(() -> PolicyFile.metadata(utf8("{\"not\": \"onnx\"}")))
                .hasMessageStartingWith("not an ONNX model: at byte ");
    }

    @Test
    void aRepeatedKeyIsRefused() {
        assertThatThrownBy(() -> PolicyFile.metadata(model(entry("a", "1"), entry("a", "2"))))
                .hasMessage("metadata key a appears twice");
        assertThatThrownBy(() ->
                        PolicyFile.contentHash(model(entry(PolicyFile.HASH_KEY, "1"), entry(PolicyFile.HASH_KEY, "2"))))
                .hasMessage("metadata key rala.content_hash appears twice");
    }

    private static byte[] model(byte[]... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x08, 0x08}); // ir_version = 8
        out.writeBytes(field(7, GRAPH));
        for (byte[] e : entries) {
            out.writeBytes(e);
        }
        return out.toByteArray();
    }

    private static byte[] entry(String key, String value) {
        return field(14, concat(field(1, utf8(key)), field(2, utf8(value))));
    }

    /** A length-delimited field. */
    private static byte[] field(int number, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, (number << 3) | 2);
        varint(out, content.length);
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
