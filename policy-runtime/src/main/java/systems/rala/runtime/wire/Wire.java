package systems.rala.runtime.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Conventions shared by the records and the codec. */
final class Wire {

    private Wire() {}

    /** An enum constant on the wire: its name in lower case. */
    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} whose wire name is {@code name}, or {@code null}. */
    static <E extends Enum<E>> E constant(Class<E> type, String name) {
        for (E e : type.getEnumConstants()) {
            if (name(e).equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The wire names of {@code type}'s constants, for messages: {@code good, uncertain, bad}. */
    static String names(Class<? extends Enum<?>> type) {
        StringBuilder b = new StringBuilder();
        for (Enum<?> e : type.getEnumConstants()) {
            b.append(b.length() == 0 ? "" : ", ").append(name(e));
        }
        return b.toString();
    }

    static void gatewayId(String gatewayId) {
        try {
            Topics.checkId("gateway", gatewayId);
        } catch (IllegalArgumentException e) {
            throw Check.fail("gatewayId", e.getMessage());
        }
    }

    /** An unmodifiable copy without null elements. */
    static <T> List<T> list(String field, List<T> list) {
        Check.required(field, list);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw Check.fail(field + "[" + i + "]", "is missing");
            }
        }
        return List.copyOf(list);
    }

    /**
     * An unmodifiable copy that keeps the order, with names checked as {@link Check#name} and values finite,
     * or NaN where {@code nanAllowed}.
     */
    static Map<String, Double> values(String field, Map<String, Double> values, boolean nanAllowed) {
        Check.required(field, values);
        Map<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            String name = Check.name(field + " name", e.getKey());
            Double v = e.getValue();
            String path = field + "." + name;
            if (v == null) {
                throw Check.fail(path, "is missing (use NaN for no value)");
            }
            if (Double.isNaN(v)) {
                if (!nanAllowed) {
                    throw Check.fail(path, "has no value, which " + field + " may not have");
                }
            } else {
                Check.finite(path, v);
            }
            copy.put(name, v);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy whose elements are checked as {@link Check#name}. */
    static List<String> names(String field, List<String> names) {
        List<String> copy = new ArrayList<>(list(field, names));
        for (int i = 0; i < copy.size(); i++) {
            Check.name(field + "[" + i + "]", copy.get(i));
        }
        return List.copyOf(copy);
    }
}
