package systems.rala.env.core;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A box of bounded continuous components, each with a name, a unit and bounds. An observation or action
 * vector lists the components in {@link #components()} order.
 */
public final class BoxSpace implements Space {

    /**
     * One component.
     *
     * @param name identifier, e.g. {@code air_temperature}
     * @param unit unit of the value, e.g. {@code C}, {@code ppm}, {@code -}
     * @param description what it is
     * @param low lower bound (finite)
     * @param high upper bound (finite, above low)
     */
    public record Component(String name, String unit, String description, double low, double high) {
        public Component {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("component name is empty");
            }
            if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
                throw new IllegalArgumentException(
                        "component " + name + ": bounds [" + low + ", " + high + "] must be finite with low < high");
            }
        }
    }

    private final List<Component> components;
    private final double[] low;
    private final double[] high;

    /** A box of {@code components}. */
    public BoxSpace(List<Component> components) {
        if (components.isEmpty()) {
            throw new IllegalArgumentException("a box needs at least one component");
        }
        this.components = List.copyOf(components);
        this.low = new double[components.size()];
        this.high = new double[components.size()];
        for (int i = 0; i < low.length; i++) {
            low[i] = components.get(i).low();
            high[i] = components.get(i).high();
        }
    }

    /** The components, in vector order. */
    public List<Component> components() {
        return components;
    }

    /** Lower bound of component {@code i}. */
    public double low(int i) {
        return low[i];
    }

    /** Upper bound of component {@code i}. */
    public double high(int i) {
        return high[i];
    }

    /** Index of the component named {@code name}; an error listing the names otherwise. */
    public int index(String name) {
        for (int i = 0; i < components.size(); i++) {
            if (components.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no component '" + name + "'; the space has "
                + components.stream().map(Component::name).toList());
    }

    @Override
    public int size() {
        return low.length;
    }

    @Override
    public boolean contains(double[] v) {
        if (v.length != low.length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= low[i] && v[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String violation(double[] v) {
        if (v.length != low.length) {
            return "vector has " + v.length + " components, the space " + low.length;
        }
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= low[i] && v[i] <= high[i])) {
                Component c = components.get(i);
                return String.format(
                        Locale.ROOT, "%s = %s %s is outside [%s, %s]", c.name(), v[i], c.unit(), low[i], high[i]);
            }
        }
        return null;
    }

    /** Clips {@code v} into the box, in place; NaN becomes the lower bound. */
    public void clip(double[] v) {
        for (int i = 0; i < low.length; i++) {
            double x = v[i];
            v[i] = x > high[i] ? high[i] : x >= low[i] ? x : low[i];
        }
    }

    @Override
    public void sample(RandomGenerator rng, double[] out) {
        for (int i = 0; i < low.length; i++) {
            out[i] = low[i] + rng.nextDouble() * (high[i] - low[i]);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Box[");
        for (Component c : components) {
            sb.append(sb.length() > 4 ? ", " : "")
                    .append(c.name())
                    .append(" [")
                    .append(c.unit())
                    .append("] ")
                    .append(c.low())
                    .append("..")
                    .append(c.high());
        }
        return sb.append(']').toString();
    }
}
