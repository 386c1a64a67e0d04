package systems.rala.twin.sim;

/**
 * A change applied to every weather sample a simulation reads — domain randomisation of the weather. Must be
 * a deterministic function of time (the integrator samples the same instant more than once) and
 * allocation-free.
 */
@FunctionalInterface
public interface WeatherPerturbation {

    /** Modifies the sample {@code d} (indexed by WeatherVariable ordinal) taken at simulation time {@code t}. */
    void apply(double t, double[] d);
}
