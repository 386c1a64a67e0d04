package systems.rala.runtime.wire;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed access to one JSON object of a payload. Every failure is a {@link WireFormatException} naming the
 * payload type, the field's path and what was found. Fields not asked for are ignored: that is how a
 * reader skips the fields a later revision of the same schema version adds.
 */
final class Fields {

    private final Map<String, Object> map;
    private final String path;
    private final String label;

    Fields(Map<String, Object> map, String path, String label) {
        this.map = map;
        this.path = path;
        this.label = label;
    }

    /** The path prefix for fields of this object: empty at the top, {@code readings[2].} inside. */
    String prefix() {
        return path.isEmpty() ? "" : path + ".";
    }

    String label() {
        return label;
    }

    WireFormatException error(String name, String problem) {
        return new WireFormatException(label, prefix() + name, problem);
    }

    private Object required(String name) throws WireFormatException {
        Object v = map.get(name);
        if (v == null) {
            throw error(name, "is missing");
        }
        if (v == JsonTree.NULL) {
            throw error(name, "is null");
        }
        return v;
    }

    /** The value, or {@code null} when absent or JSON null. */
    private Object optional(String name) {
        Object v = map.get(name);
        return v == JsonTree.NULL ? null : v;
    }

    private WireFormatException wrongType(String name, String expected, Object found) {
        return error(name, "expected " + expected + " but found " + JsonTree.describe(found));
    }

    String string(String name) throws WireFormatException {
        return asString(name, required(name));
    }

    String optionalString(String name) throws WireFormatException {
        Object v = optional(name);
        return v == null ? null : asString(name, v);
    }

    private String asString(String name, Object v) throws WireFormatException {
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(name, "a string", v);
    }

    Instant instant(String name) throws WireFormatException {
        return asInstant(name, string(name));
    }

    Instant optionalInstant(String name) throws WireFormatException {
        String s = optionalString(name);
        return s == null ? null : asInstant(name, s);
    }

    private Instant asInstant(String name, String text) throws WireFormatException {
        Instant t = WireTime.parse(text);
        if (t == null) {
            throw error(
                    name,
                    Check.quote(text) + " is not an ISO-8601 UTC instant like " + WireTime.EXAMPLE
                            + " (a 'Z', not an offset)");
        }
        return t;
    }

    boolean bool(String name) throws WireFormatException {
        Object v = required(name);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(name, "true or false", v);
    }

    /** A finite number. */
    double number(String name) throws WireFormatException {
        return asNumber(name, required(name));
    }

    /** A finite number, or NaN when the field is null; {@code present}: whether it must be there at all. */
    double numberOrNull(String name, boolean present) throws WireFormatException {
        if (present && !map.containsKey(name)) {
            throw error(name, "is missing (write null for no value)");
        }
        Object v = optional(name);
        return v == null ? Double.NaN : asNumber(name, v);
    }

    private double asNumber(String name, Object v) throws WireFormatException {
        if (!(v instanceof JsonTree.Num n)) {
            throw wrongType(name, "a number", v);
        }
        double d = Double.parseDouble(n.text());
        if (!Double.isFinite(d)) {
            throw error(name, n.text() + " is not a finite number");
        }
        return d;
    }

    /** An integer that fits a {@code long}. */
    long integer(String name) throws WireFormatException {
        Object v = required(name);
        if (!(v instanceof JsonTree.Num n) || !n.integral()) {
            throw wrongType(name, "an integer", v);
        }
        try {
            return Long.parseLong(n.text());
        } catch (NumberFormatException e) {
            throw error(name, n.text() + " is out of range");
        }
    }

    <E extends Enum<E>> E constant(String name, Class<E> type) throws WireFormatException {
        return asConstant(name, string(name), type);
    }

    <E extends Enum<E>> E optionalConstant(String name, Class<E> type) throws WireFormatException {
        String s = optionalString(name);
        return s == null ? null : asConstant(name, s, type);
    }

    private <E extends Enum<E>> E asConstant(String name, String s, Class<E> type) throws WireFormatException {
        E e = Wire.constant(type, s);
        if (e == null) {
            throw error(name, Check.quote(s) + " is not one of " + Wire.names(type));
        }
        return e;
    }

    private List<?> array(String name) throws WireFormatException {
        Object v = required(name);
        if (v instanceof List<?> list) {
            return list;
        }
        throw wrongType(name, "an array", v);
    }

    /** An array of objects. */
    List<Fields> objects(String name) throws WireFormatException {
        List<?> list = array(name);
        List<Fields> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String item = name + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw wrongType(item, "an object", list.get(i));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> obj = (Map<String, Object>) m;
            out.add(new Fields(obj, prefix() + item, label));
        }
        return out;
    }

    /** An array of strings. */
    List<String> strings(String name) throws WireFormatException {
        List<?> list = array(name);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(asString(name + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    /** An object of numbers (null read as NaN), in the payload's order. */
    Map<String, Double> values(String name) throws WireFormatException {
        Object v = required(name);
        if (!(v instanceof Map<?, ?> m)) {
            throw wrongType(name, "an object of numbers", v);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = (String) e.getKey();
            Object value = e.getValue();
            out.put(key, value == JsonTree.NULL ? Double.NaN : asNumber(name + "." + key, value));
        }
        return out;
    }
}
