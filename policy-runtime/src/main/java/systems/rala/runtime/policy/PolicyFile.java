package systems.rala.runtime.policy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads what the runtime checks in an exported policy's {@code .onnx} bytes before it hands them to ONNX
 * Runtime: the model's string metadata and its content hash. It walks the protobuf wire format of the top
 * level of ONNX's {@code ModelProto} itself, so the runtime needs no protobuf library; everything but
 * {@code metadata_props} (field 14) is skipped.
 *
 * <p><b>Content hash.</b> {@link #contentHash(byte[])} is the lower-case hexadecimal SHA-256 of the file as
 * it would be with the value of its {@value #HASH_KEY} metadata entry empty: the file's bytes, in which
 * that one {@code metadata_props} entry (a {@code StringStringEntryProto}) is re-encoded with its value
 * field (field 2) of length zero and its own length prefix adjusted; every other byte as it is. An
 * exporter gets the same hash by serialising the model with {@value #HASH_KEY} = "" and hashing those
 * bytes, then serialising it again with the hash (protobuf writes every other field to the same bytes).
 * A file without a {@value #HASH_KEY} entry hashes as it is.
 */
public final class PolicyFile {

    /** The metadata key of the content hash. */
    public static final String HASH_KEY = "rala.content_hash";

    private static final int METADATA_PROPS = 14;
    private static final int KEY = 1;
    private static final int VALUE = 2;
    private static final int VARINT = 0;
    private static final int FIXED64 = 1;
    private static final int LENGTH_DELIMITED = 2;
    private static final int FIXED32 = 5;

    private PolicyFile() {}

    /**
     * The model's {@code metadata_props}, in file order.
     *
     * @throws IllegalArgumentException if the bytes are not a protobuf message (naming the byte offset) or a
     *     metadata key appears twice
     */
    public static Map<String, String> metadata(byte[] model) {
        Map<String, String> m = new LinkedHashMap<>();
        new Walker(model) {
            @Override
            void entry(int start, int payload, int end, String key, String value) {
                if (m.putIfAbsent(key, value) != null) {
                    throw new IllegalArgumentException("metadata key " + key + " appears twice");
                }
            }
        }.walk();
        return m;
    }

    /**
     * The content hash of {@code model} as defined in the class documentation.
     *
     * @throws IllegalArgumentException if the bytes are not a protobuf message or hold two hash entries
     */
    public static String contentHash(byte[] model) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        int[] hashEntry = {-1, -1, -1};
        new Walker(model) {
            @Override
            void entry(int start, int payload, int end, String key, String value) {
                if (HASH_KEY.equals(key)) {
                    if (hashEntry[0] >= 0) {
                        throw new IllegalArgumentException("metadata key " + HASH_KEY + " appears twice");
                    }
                    hashEntry[0] = start;
                    hashEntry[1] = payload;
                    hashEntry[2] = end;
                }
            }
        }.walk();
        if (hashEntry[0] < 0) {
            sha.update(model);
        } else {
            int start = hashEntry[0];
            int payload = hashEntry[1];
            int end = hashEntry[2];
            sha.update(model, 0, start);
            sha.update(emptied(model, start, payload, end));
            sha.update(model, end, model.length - end);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The entry at [start, end) (content from {@code payload}) with its value field's content removed. */
    private static byte[] emptied(byte[] b, int start, int payload, int end) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Reader r = new Reader(b, payload, end);
        while (r.pos < end) {
            int fieldStart = r.pos;
            long tag = r.varint();
            int tagEnd = r.pos;
            int field = (int) (tag >>> 3);
            int type = (int) (tag & 7);
            r.skip(type, fieldStart);
            if (field == VALUE && type == LENGTH_DELIMITED) {
                content.write(b, fieldStart, tagEnd - fieldStart);
                content.write(0);
            } else {
                content.write(b, fieldStart, r.pos - fieldStart);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reader outer = new Reader(b, start, payload);
        outer.varint(); // the entry's tag, copied as written
        out.write(b, start, outer.pos - start);
        writeVarint(out, content.size());
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** Walks the top-level fields and calls {@link #entry} for each {@code metadata_props} entry. */
    private abstract static class Walker {
        private final byte[] b;

        Walker(byte[] b) {
            this.b = b;
        }

        /**
         * @param start offset of the entry's tag
         * @param payload offset of the entry's content (after tag and length)
         * @param end offset after the entry
         */
        abstract void entry(int start, int payload, int end, String key, String value);

        final void walk() {
            Reader r = new Reader(b, 0, b.length);
            while (r.pos < b.length) {
                int start = r.pos;
                long tag = r.varint();
                int field = (int) (tag >>> 3);
                int type = (int) (tag & 7);
                if (field == METADATA_PROPS && type == LENGTH_DELIMITED) {
                    int length = r.length(start);
                    int payload = r.pos;
                    int end = payload + length;
                    String[] kv = keyValue(payload, end);
                    r.pos = end;
                    entry(start, payload, end, kv[0], kv[1]);
                } else {
                    r.skip(type, start);
                }
            }
        }

        private String[] keyValue(int from, int to) {
            String key = "";
            String value = "";
            Reader r = new Reader(b, from, to);
            while (r.pos < to) {
                int start = r.pos;
                long tag = r.varint();
                int field = (int) (tag >>> 3);
                int type = (int) (tag & 7);
                if ((field == KEY || field == VALUE) && type == LENGTH_DELIMITED) {
                    int length = r.length(start);
                    String s = new String(b, r.pos, length, StandardCharsets.UTF_8);
                    r.pos += length;
                    if (field == KEY) {
                        key = s;
                    } else {
                        value = s;
                    }
                } else {
                    r.skip(type, start);
                }
            }
            return new String[] {key, value};
        }
    }

    /** Protobuf wire-format reading over {@code b[pos, limit)}, every read bounds-checked. */
    private static final class Reader {
        private final byte[] b;
        private final int limit;
        int pos;

        Reader(byte[] b, int pos, int limit) {
            this.b = b;
            this.pos = pos;
            this.limit = limit;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= limit) {
                    throw malformed(pos, "a varint runs past the end of its message");
                }
                byte x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                if ((x & 0x80) == 0) {
                    return v;
                }
            }
            throw malformed(pos, "a varint is longer than 10 bytes");
        }

        /** Reads a length prefix and checks that the field fits. */
        int length(int fieldStart) {
            long length = varint();
            if (length < 0 || length > limit - pos) {
                throw malformed(fieldStart, "a field of " + length + " bytes runs past the end of its message");
            }
            return (int) length;
        }

        /** Skips the value of a field of wire type {@code type} whose tag started at {@code fieldStart}. */
        void skip(int type, int fieldStart) {
            switch (type) {
                case VARINT -> varint();
                case FIXED64 -> advance(8, fieldStart);
                case FIXED32 -> advance(4, fieldStart);
                case LENGTH_DELIMITED -> {
                    int length = length(fieldStart); // before the +=, which would read pos first
                    pos += length;
                }
                default ->
                    throw malformed(fieldStart, "wire type " + type + " is not one ONNX uses (0, 1, 2 or 5 expected)");
            }
        }

        private void advance(int n, int fieldStart) {
            if (n > limit - pos) {
                throw malformed(fieldStart, "a fixed-size field runs past the end of its message");
            }
            pos += n;
        }

        private static IllegalArgumentException malformed(int offset, String what) {
            return new IllegalArgumentException("not an ONNX model: at byte " + offset + ", " + what);
        }
    }
}
