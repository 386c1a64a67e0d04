package systems.rala.runtime.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * A payload's JSON read into plain Java values with Jackson's streaming parser: objects as
 * {@link LinkedHashMap}s, arrays as {@link ArrayList}s, strings, booleans, numbers as their source text
 * ({@link Num}) and null as {@link #NULL}. Reading the whole payload before interpreting it lets the codec
 * look at {@code schema} first, wherever it stands in the object, so that a newer payload is reported as
 * newer and not as whatever its first unfamiliar field looks like.
 */
final class JsonTree {

    /** JSON's null. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number as written; {@code integral} when it has no fraction and no exponent. */
    record Num(String text, boolean integral) {}

    /** Deepest nesting a payload needs is 3 (payload, readings array, reading); the rest is slack. */
    static final int MAX_DEPTH = 16;

    /**
     * Strict JSON (no comments, NaN, single quotes, trailing commas), bounded nesting; '/' is written
     * unescaped (Jackson 3 escapes it by default), so locations read as written.
     */
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
            .build();

    private JsonTree() {}

    /**
     * The payload's top-level object.
     *
     * @param label the payload type for messages ({@code wire} if not known)
     */
    static Map<String, Object> parse(byte[] payload, String label) throws WireFormatException {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), payload)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new WireFormatException(label, null, "is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new WireFormatException(
                        label, null, "is not a JSON object but starts with " + describeToken(p, first));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) read(p, first, "", label);
            JsonToken after = p.nextToken();
            if (after != null) {
                throw new WireFormatException(
                        label, null, "has content after its object: " + describeToken(p, after) + where(p));
            }
            return root;
        } catch (JacksonException e) {
            throw new WireFormatException(label, null, "malformed JSON: " + e.getOriginalMessage() + at(e));
        }
    }

    private static Object read(JsonParser p, JsonToken t, String path, String label) throws WireFormatException {
        if (t == null) {
            throw new WireFormatException(label, null, "malformed JSON: the payload ends inside " + path);
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    Object value = read(p, p.nextToken(), child, label);
                    if (map.putIfAbsent(name, value) != null) {
                        throw new WireFormatException(label, child, "appears more than once" + where(p));
                    }
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(read(p, e, path + "[" + list.size() + "]", label));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return new Num(p.getString(), true);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Num(p.getString(), false);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return NULL;
            }
            default -> throw new WireFormatException(label, path, "unexpected " + t + where(p));
        }
    }

    /** A value for a message: {@code string "warm"}, {@code number 1e999}, {@code an object}, … */
    static String describe(Object value) {
        if (value instanceof String s) {
            return "string " + Check.quote(s);
        } else if (value instanceof Num n) {
            return "number " + n.text();
        } else if (value instanceof Boolean b) {
            return "boolean " + b;
        } else if (value == NULL) {
            return "null";
        } else if (value instanceof Map) {
            return "an object";
        } else {
            return "an array";
        }
    }

    private static String describeToken(JsonParser p, JsonToken t) {
        return switch (t) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "string " + Check.quote(p.getString());
            case VALUE_NULL -> "null";
            default -> p.getString();
        };
    }

    private static String where(JsonParser p) {
        TokenStreamLocation l = p.currentTokenLocation();
        return " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static String at(JacksonException e) {
        TokenStreamLocation l = e.getLocation();
        return l == null || l.getLineNr() < 0 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }
}
