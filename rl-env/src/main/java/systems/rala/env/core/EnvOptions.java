package systems.rala.env.core;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Options of an environment by name, as strings (from a config file or the command line), with typed
 * getters that check ranges. Every option must be read by the environment that receives it: {@link
 * #requireAllUsed()} turns a misspelt option into an error listing the options that exist, instead of a
 * silent default.
 */
public final class EnvOptions {

    private final Map<String, String> values;
    private final Set<String> used = new TreeSet<>();
    private final Set<String> known = new TreeSet<>();

    /** Options from a map (copied). */
    public EnvOptions(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** No options: every default. */
    public static EnvOptions none() {
        return new EnvOptions(Map.of());
    }

    /** The option {@code key} as text, or {@code def}. */
    public String string(String key, String def) {
        known.add(key);
        used.add(key);
        String v = values.get(key);
        return v == null ? def : v.strip();
    }

    /** The option {@code key} as a number in [min, max], or {@code def}. */
    public double number(String key, double def, double min, double max) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " = '" + v + "' is not a number");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(
                    "option " + key + " = " + v + " is outside the allowed range " + min + " to " + max);
        }
        return d;
    }

    /** The option {@code key} as an integer in [min, max], or {@code def}. */
    public int integer(String key, int def, int min, int max) {
        double d = number(key, def, min, max);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("option " + key + " = " + d + " is not an integer");
        }
        return (int) d;
    }

    /** The option {@code key} as a boolean (true/false), or {@code def}. */
    public boolean bool(String key, boolean def) {
        String v = string(key, null);
        if (v == null) {
            return def;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("option " + key + " = '" + v + "' is not true or false");
        };
    }

    /** The option {@code key}, which must be one of {@code allowed}, or {@code def}. */
    public String choice(String key, String def, String... allowed) {
        String v = string(key, def);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "option " + key + " = '" + v + "' is not one of " + String.join(", ", allowed));
    }

    /** Fails naming every given option that no getter asked for. */
    public void requireAllUsed() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "unknown option(s) " + unknown + "; options of this environment: " + known);
        }
    }

    /** The options given, as a map. */
    public Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
