package systems.rala.train.ppo;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small self-describing binary format for trainer state: named entries (text, long, double, long[],
 * double[], float[], boolean[]) after a magic line and a format version. Values are stored bit for bit, so
 * a restored run continues exactly; every entry is looked up by name, so a missing or mistyped entry is an
 * error that names it.
 */
final class BinaryState {

    private static final String MAGIC = "RALA-STATE";
    private static final int VERSION = 1;

    private final Map<String, Object> entries = new LinkedHashMap<>();

    BinaryState put(String key, Object value) {
        if (!(value instanceof String
                || value instanceof Long
                || value instanceof Double
                || value instanceof long[]
                || value instanceof double[]
                || value instanceof float[]
                || value instanceof boolean[])) {
            throw new IllegalArgumentException("unsupported state entry " + key + ": " + value.getClass());
        }
        entries.put(key, value);
        return this;
    }

    private <T> T get(String key, Class<T> type) {
        Object v = entries.get(key);
        if (v == null) {
            throw new IllegalStateException("state has no entry '" + key + "'");
        }
        if (!type.isInstance(v)) {
            throw new IllegalStateException("state entry '" + key + "' is a "
                    + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(v);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    String text(String key) {
        return get(key, String.class);
    }

    long longValue(String key) {
        return get(key, Long.class);
    }

    double doubleValue(String key) {
        return get(key, Double.class);
    }

    long[] longs(String key) {
        return get(key, long[].class);
    }

    double[] doubles(String key) {
        return get(key, double[].class);
    }

    float[] floats(String key) {
        return get(key, float[].class);
    }

    boolean[] booleans(String key) {
        return get(key, boolean[].class);
    }

    /** Writes to {@code file} through a temporary file and a rename, so a crash never leaves half a file. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp);
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(entries.size());
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                out.writeUTF(e.getKey());
                Object v = e.getValue();
                if (v instanceof String s) {
                    out.writeByte('S');
                    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeInt(b.length);
                    out.write(b);
                } else if (v instanceof Long l) {
                    out.writeByte('J');
                    out.writeLong(l);
                } else if (v instanceof Double d) {
                    out.writeByte('D');
                    out.writeLong(Double.doubleToRawLongBits(d));
                } else if (v instanceof long[] a) {
                    out.writeByte('j');
                    out.writeInt(a.length);
                    for (long x : a) {
                        out.writeLong(x);
                    }
                } else if (v instanceof double[] a) {
                    out.writeByte('d');
                    out.writeInt(a.length);
                    for (double x : a) {
                        out.writeLong(Double.doubleToRawLongBits(x));
                    }
                } else if (v instanceof float[] a) {
                    out.writeByte('f');
                    out.writeInt(a.length);
                    for (float x : a) {
                        out.writeInt(Float.floatToRawIntBits(x));
                    }
                } else {
                    boolean[] a = (boolean[]) v;
                    out.writeByte('z');
                    out.writeInt(a.length);
                    for (boolean x : a) {
                        out.writeBoolean(x);
                    }
                }
            }
        }
        Files.move(
                tmp,
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static BinaryState read(Path file) throws IOException {
        BinaryState s = new BinaryState();
        try (InputStream is = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a RALA state file");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException(file + " has state format " + version + "; this build reads " + VERSION);
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                int type = in.readByte();
                Object v;
                switch (type) {
                    case 'S' -> {
                        byte[] b = new byte[in.readInt()];
                        in.readFully(b);
                        v = new String(b, java.nio.charset.StandardCharsets.UTF_8);
                    }
                    case 'J' -> v = in.readLong();
                    case 'D' -> v = Double.longBitsToDouble(in.readLong());
                    case 'j' -> {
                        long[] a = new long[in.readInt()];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = in.readLong();
                        }
                        v = a;
                    }
                    case 'd' -> {
                        double[] a = new double[in.readInt()];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = Double.longBitsToDouble(in.readLong());
                        }
                        v = a;
                    }
                    case 'f' -> {
                        float[] a = new float[in.readInt()];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = Float.intBitsToFloat(in.readInt());
                        }
                        v = a;
                    }
                    case 'z' -> {
                        boolean[] a = new boolean[in.readInt()];
                        for (int k = 0; k < a.length; k++) {
                            a[k] = in.readBoolean();
                        }
                        v = a;
                    }
                    default -> throw new IOException(file + ": entry '" + key + "' has unknown type " + type);
                }
                s.entries.put(key, v);
            }
        }
        return s;
    }
}
