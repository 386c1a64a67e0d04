package systems.rala.env.core;

import java.util.random.RandomGenerator;

/**
 * The set of values an observation or an action may take, as a flat vector of doubles. Two kinds: {@link
 * BoxSpace} (bounded continuous components with names and units) and {@link DiscreteSpace} (one of n labelled
 * choices, carried as the index in a one-element vector).
 */
public sealed interface Space permits BoxSpace, DiscreteSpace {

    /** Length of the flat vector. */
    int size();

    /** Whether {@code v} (length {@link #size()}) lies in the space; NaN never does. */
    boolean contains(double[] v);

    /** Describes why {@code v} is not in the space (the first offending component), or null if it is. */
    String violation(double[] v);

    /** Fills {@code out} with a uniformly drawn member of the space. */
    void sample(RandomGenerator rng, double[] out);
}
