package systems.rala.runtime.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the golden files and comparing JSON by meaning (numbers by value, fields in any order). */
final class GoldenFiles {

    private GoldenFiles() {}

    static byte[] read(String name) {
        try (InputStream in = GoldenFiles.class.getResourceAsStream("v1/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file v1/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON as plain values: objects as maps, numbers as {@link BigDecimal}s without trailing zeros. */
    static Object canonical(byte[] json) throws WireFormatException {
        return canonical(JsonTree.parse(json, "test"));
    }

    private static Object canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(k, canonical(x)));
            return out;
        } else if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(canonical(x)));
            return out;
        } else if (v instanceof JsonTree.Num n) {
            return new BigDecimal(n.text()).stripTrailingZeros();
        } else {
            return v;
        }
    }
}
