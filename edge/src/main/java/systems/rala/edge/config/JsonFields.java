package systems.rala.edge.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON object of a configuration file, read field by field. Every error names the file and the field's path;
 * {@link #done()} refuses fields nobody asked for, so a misspelt key cannot leave a default in place.
 */
public final class JsonFields {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final String path;
    private final JsonNode node;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonFields(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** The top-level object of {@code file} (UTF-8 JSON). */
    public static JsonFields read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
        return parse(file.toString(), bytes);
    }

    /** The top-level object of the JSON text {@code bytes}, called {@code name} in errors. */
    public static JsonFields parse(String name, byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new ConfigException(name + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(name + ": the top level must be a JSON object");
        }
        return new JsonFields(name, "", root);
    }

    /** The file these fields come from. */
    public String file() {
        return file;
    }

    /** The path of field {@code key} of this object, e.g. {@code points[2].scale}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** An error about field {@code key}: "FILE: PATH: problem". */
    public ConfigException fail(String key, String problem) {
        return new ConfigException(file + ": " + pathOf(key) + ": " + problem);
    }

    /** Whether the object has field {@code key} with a non-null value. */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    private JsonNode value(String key) {
        read.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private JsonNode required(String key) {
        JsonNode v = value(key);
        if (v == null) {
            throw fail(key, "is missing");
        }
        return v;
    }

    /** A required string, not blank. */
    public String string(String key) {
        JsonNode v = required(key);
        if (!v.isString() || v.stringValue().isBlank()) {
            throw fail(key, describe(v) + " is not a non-empty string");
        }
        return v.stringValue();
    }

    /** An optional string, or {@code fallback}. */
    public String string(String key, String fallback) {
        return has(key) ? string(key) : mark(key, fallback);
    }

    /**
     * A BACnet/IP broadcast address, or {@code fallback}: a directed (subnet) broadcast such as
     * {@code 127.255.255.255} or {@code 192.168.1.255}. The all-ones limited broadcast is refused: it leaves the
     * gateway's own network segment on every interface, where a subnet's broadcast reaches exactly its devices.
     */
    public String broadcast(String key, String fallback) {
        String v = string(key, fallback);
        String[] octets = v.split("\\.", -1);
        boolean dotted = octets.length == 4;
        boolean allOnes = dotted;
        for (int i = 0; dotted && i < 4; i++) {
            dotted = octets[i].matches("\\d{1,3}") && Integer.parseInt(octets[i]) <= 255;
            allOnes &= octets[i].equals("255");
        }
        if (!dotted) {
            throw fail(key, "\"" + v + "\" is not a dotted IPv4 address");
        }
        if (allOnes) {
            throw fail(key, "the limited broadcast is refused: give the subnet's broadcast, e.g. 127.255.255.255");
        }
        return v;
    }

    /** A required number, finite. */
    public double number(String key) {
        JsonNode v = required(key);
        if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
            throw fail(key, describe(v) + " is not a finite number");
        }
        return v.doubleValue();
    }

    /** An optional number, or {@code fallback}. */
    public double number(String key, double fallback) {
        return has(key) ? number(key) : mark(key, fallback);
    }

    /** A required number within [{@code min}, {@code max}]. */
    public double number(String key, double min, double max) {
        double v = number(key);
        if (!(v >= min && v <= max)) {
            throw fail(key, v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    /** An optional number within [{@code min}, {@code max}], or {@code fallback}. */
    public double number(String key, double min, double max, double fallback) {
        return has(key) ? number(key, min, max) : mark(key, fallback);
    }

    /** A required integer within [{@code min}, {@code max}]. */
    public long integer(String key, long min, long max) {
        JsonNode v = required(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw fail(key, describe(v) + " is not an integer");
        }
        long x = v.longValue();
        if (x < min || x > max) {
            throw fail(key, x + " is outside [" + min + ", " + max + "]");
        }
        return x;
    }

    /** An optional integer within [{@code min}, {@code max}], or {@code fallback}. */
    public long integer(String key, long min, long max, long fallback) {
        return has(key) ? integer(key, min, max) : mark(key, fallback);
    }

    /** An optional boolean, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return mark(key, fallback);
        }
        JsonNode v = required(key);
        if (!v.isBoolean()) {
            throw fail(key, describe(v) + " is not true or false");
        }
        return v.booleanValue();
    }

    /**
     * An optional duration within [{@code min}, {@code max}], or {@code fallback}: ISO-8601 ({@code PT30S}) or a
     * number with a unit, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 2d}.
     */
    public Duration duration(String key, Duration min, Duration max, Duration fallback) {
        if (!has(key)) {
            return mark(key, fallback);
        }
        String text = string(key).strip();
        Duration d;
        try {
            d = parseDuration(text);
        } catch (IllegalArgumentException e) {
            throw fail(key, "'" + text + "' is not a duration (write e.g. 30s, 500ms, 5m, 1h or PT30S)");
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw fail(key, text + " is outside [" + min + ", " + max + "]");
        }
        return d;
    }

    /** Parses {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601 {@code PT30S}. */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("p")) {
            try {
                return Duration.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        String[][] units = {{"ms", "1"}, {"s", "1000"}, {"m", "60000"}, {"h", "3600000"}, {"d", "86400000"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                String number = t.substring(0, t.length() - u[0].length()).strip();
                try {
                    double v = Double.parseDouble(number);
                    if (!(v >= 0) || Double.isInfinite(v)) {
                        throw new IllegalArgumentException(text);
                    }
                    return Duration.ofMillis(Math.round(v * Long.parseLong(u[1])));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(text, e);
                }
            }
        }
        throw new IllegalArgumentException(text);
    }

    /** A required string that names one of {@code type}'s constants (case-insensitive; '-' for '_'). */
    public <E extends Enum<E>> E choice(String key, Class<E> type) {
        String text = string(key);
        String wanted = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E c : type.getEnumConstants()) {
            if (c.name().equals(wanted)) {
                return c;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E c : type.getEnumConstants()) {
            allowed.add(c.name().toLowerCase(Locale.ROOT));
        }
        throw fail(key, "'" + text + "' is not one of " + String.join(", ", allowed));
    }

    /** An optional choice, or {@code fallback}. */
    public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
        return has(key) ? choice(key, type) : mark(key, fallback);
    }

    /** A required nested object. */
    public JsonFields object(String key) {
        JsonNode v = required(key);
        if (!v.isObject()) {
            throw fail(key, describe(v) + " is not an object");
        }
        return new JsonFields(file, pathOf(key), v);
    }

    /** An optional nested object, or null. */
    public JsonFields objectOrNull(String key) {
        return has(key) ? object(key) : mark(key, null);
    }

    /** A required array of objects, each read by {@code reader}. */
    public <T> List<T> objects(String key, Function<JsonFields, T> reader) {
        JsonNode v = required(key);
        if (!v.isArray()) {
            throw fail(key, describe(v) + " is not an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String p = pathOf(key) + "[" + i + "]";
            if (!e.isObject()) {
                throw new ConfigException(file + ": " + p + ": " + describe(e) + " is not an object");
            }
            JsonFields f = new JsonFields(file, p, e);
            out.add(reader.apply(f));
        }
        return out;
    }

    /** An optional array of objects, empty when absent. */
    public <T> List<T> objectsOrEmpty(String key, Function<JsonFields, T> reader) {
        return has(key) ? objects(key, reader) : mark(key, List.of());
    }

    /** The names of the fields of a nested object (for maps keyed by name), in file order. */
    public List<String> keys() {
        return new ArrayList<>(node.propertyNames());
    }

    /**
     * Checks that every field of the object was read.
     *
     * @throws ConfigException naming the unknown fields and the known ones
     */
    public void done() {
        List<String> unknown = new ArrayList<>();
        for (String k : node.propertyNames()) {
            if (!read.contains(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            String where = path.isEmpty() ? "" : path + ": ";
            throw new ConfigException(file + ": " + where + "unknown field" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; known: " + String.join(", ", read));
        }
    }

    private <T> T mark(String key, T value) {
        read.add(key);
        return value;
    }

    private static String describe(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
