package systems.rala.twin.sim;

/**
 * A feedback law evaluated inside the model's right-hand side: the inputs as a function of time, state and
 * weather, as GreenLight evaluates its climate controller, and as a climate computer's fast loops (seconds)
 * behave next to a 5-minute control step. The law must be memoryless and allocation-free: the integrator
 * calls it at trial states, at rejected steps and for its Jacobian.
 */
@FunctionalInterface
public interface InputLaw {

    /**
     * Writes the inputs at time {@code t} [s since the start] for state {@code x} and weather {@code d}
     * (indexed by {@link systems.rala.twin.weather.WeatherVariable#ordinal()}) into {@code u}, each within its
     * bounds.
     */
    void inputs(double t, double[] x, double[] d, double[] u);
}
