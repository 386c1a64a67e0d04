package systems.rala.twin.model;

import java.util.List;
import systems.rala.twin.weather.WeatherVariable;

/**
 * A greenhouse model: named states, inputs (actuators), disturbances (weather) and parameters, each with a
 * unit and a source. It computes derivatives; integrators advance it. It holds no mutable simulation state
 * of its own beyond scratch space, so one instance serves one simulation at a time and snapshots need only
 * the state vector.
 *
 * <p>Vectors: {@code x} has {@link #states()} in order; {@code u} has {@link #inputs()} in order, each within
 * its bounds; {@code d} is a weather sample indexed by {@link WeatherVariable#ordinal()} (length {@link
 * WeatherVariable#COUNT}), as filled by {@link systems.rala.twin.weather.WeatherSampler#sample}.
 */
public interface GreenhouseModel {

    /** Identifier, e.g. {@code tomato-hps}. */
    String id();

    /** The states, in the order of the state vector. */
    List<Variable> states();

    /** The inputs (actuator commands), in the order of the input vector, with their bounds. */
    List<Variable> inputs();

    /** The weather variables the model reads. */
    List<WeatherVariable> disturbances();

    /** The parameter values this instance was built with. */
    Parameters parameters();

    /** Writes the initial state into {@code x}. */
    void initialState(double[] x);

    /**
     * Writes dx/dt at time {@code t} [s since the simulation start] into {@code dxdt}. Must not allocate: it
     * runs thousands of times per simulated day.
     */
    void derivatives(double t, double[] x, double[] u, double[] d, double[] dxdt);

    /**
     * How much each state counts in the integrator's error control; 0 for accumulators (integrals of fluxes
     * kept as states for accounting) that influence nothing. Default: all 1.
     */
    default double errorWeight(int state) {
        return 1.0;
    }

    /** Index of the state named {@code name}; an error listing the names if there is none. */
    default int stateIndex(String name) {
        List<Variable> s = states();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("model " + id() + " has no state '" + name + "'");
    }

    /** Index of the input named {@code name}; an error listing the names if there is none. */
    default int inputIndex(String name) {
        List<Variable> s = inputs();
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("model " + id() + " has no input '" + name + "'");
    }
}
