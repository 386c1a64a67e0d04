package systems.rala.env.core;

import java.util.List;
import java.util.random.RandomGenerator;

/** One of n labelled choices, carried as its index (0 to n − 1) in a one-element vector. */
public final class DiscreteSpace implements Space {

    private final List<String> labels;

    /** A space of the given choices. */
    public DiscreteSpace(List<String> labels) {
        if (labels.size() < 2) {
            throw new IllegalArgumentException("a discrete space needs at least 2 choices, got " + labels.size());
        }
        this.labels = List.copyOf(labels);
    }

    /** The labels of the choices, by index. */
    public List<String> labels() {
        return labels;
    }

    /** Number of choices. */
    public int n() {
        return labels.size();
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public boolean contains(double[] v) {
        return violation(v) == null;
    }

    @Override
    public String violation(double[] v) {
        if (v.length != 1) {
            return "a discrete action is one index, got " + v.length + " values";
        }
        double x = v[0];
        if (!(x == Math.rint(x) && x >= 0 && x < labels.size())) {
            return "choice " + x + " is not an index 0.." + (labels.size() - 1);
        }
        return null;
    }

    @Override
    public void sample(RandomGenerator rng, double[] out) {
        out[0] = rng.nextInt(labels.size());
    }
}
