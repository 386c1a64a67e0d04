package systems.rala.twin.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An immutable set of parameter values for one model: every {@link ParameterSpec} of the model with a value.
 * Overrides are checked against each parameter's range and unknown names are refused, both with a message
 * that names the parameter, the value and the allowed range.
 */
public final class Parameters {

    private final Map<String, ParameterSpec> specs;
    private final Map<String, Double> values;

    private Parameters(Map<String, ParameterSpec> specs, Map<String, Double> values) {
        this.specs = specs;
        this.values = values;
    }

    /** The defaults of {@code specs}. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        Map<String, ParameterSpec> s = new LinkedHashMap<>();
        Map<String, Double> v = new LinkedHashMap<>();
        for (ParameterSpec p : specs) {
            if (s.put(p.name(), p) != null) {
                throw new IllegalArgumentException("parameter " + p.name() + " declared twice");
            }
            v.put(p.name(), p.defaultValue());
        }
        return new Parameters(Collections.unmodifiableMap(s), Collections.unmodifiableMap(v));
    }

    /** The value of parameter {@code name}; an error naming the known parameters if there is none. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw unknown(name);
        }
        return v;
    }

    /** A copy with {@code overrides} applied, each checked against its range. */
    public Parameters with(Map<String, Double> overrides) {
        Map<String, Double> v = new LinkedHashMap<>(values);
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            ParameterSpec spec = specs.get(e.getKey());
            if (spec == null) {
                throw unknown(e.getKey());
            }
            double x = e.getValue();
            if (!(x >= spec.min() && x <= spec.max())) {
                throw new IllegalArgumentException("parameter " + spec.name() + " = " + x + " " + spec.unit()
                        + " is outside its physical range " + spec.min() + " to " + spec.max() + " " + spec.unit());
            }
            v.put(e.getKey(), x);
        }
        return new Parameters(specs, Collections.unmodifiableMap(v));
    }

    /** A copy with one parameter changed (checked). */
    public Parameters with(String name, double value) {
        return with(Map.of(name, value));
    }

    /** Every parameter's specification, in declaration order. */
    public Map<String, ParameterSpec> specs() {
        return specs;
    }

    /** Every parameter's value, in declaration order. */
    public Map<String, Double> values() {
        return values;
    }

    private IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException(
                "unknown parameter '" + name + "'; known: " + String.join(", ", new TreeSet<>(specs.keySet())));
    }
}
