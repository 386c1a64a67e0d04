package systems.rala.twin.lettuce;

import java.util.List;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Variable;
import systems.rala.twin.ode.OdeSystem;
import systems.rala.twin.ode.RungeKutta4;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The lettuce benchmark's discretisation, rebuilt from its description (notes {@code model.md}, "Discretisation
 * used by the benchmark"; RL-SMPC {@code common/utils.py define_model}): inputs and weather held constant over
 * the control interval, classical fourth-order Runge–Kutta with a fixed number of equal sub-steps (CasADi
 * {@code integrator("rk", ..., number_of_finite_elements = 4)}: four 450 s steps per 1800 s), then each state
 * clamped to its range once, after the whole interval ({@link RungeKutta4}). Test code only: the environment
 * owns the real one.
 */
final class BenchmarkStep {

    /** The benchmark's control interval [s]. */
    static final double DT = 1800.0;

    /** RK4 sub-steps per control interval in the benchmark. */
    static final int SUBSTEPS = 4;

    private final GreenhouseModel model;
    private final double[] lo;
    private final double[] hi;
    private final RungeKutta4 rk4 = new RungeKutta4(SUBSTEPS);

    BenchmarkStep(GreenhouseModel model) {
        this.model = model;
        List<Variable> states = model.states();
        lo = new double[states.size()];
        hi = new double[states.size()];
        for (int i = 0; i < states.size(); i++) {
            lo[i] = states.get(i).min();
            hi[i] = states.get(i).max();
        }
    }

    /** One benchmark step of {@link #DT} in place: RK4 with {@link #SUBSTEPS} sub-steps, then the clamp. */
    void step(double[] x, double[] u, double[] d) {
        integrate(x, u, d, DT, SUBSTEPS);
        clamp(x);
    }

    /** {@code substeps} classical RK4 steps over {@code dt} [s], in place, without clamping. */
    void integrate(double[] x, double[] u, double[] d, double dt, int substeps) {
        OdeSystem held = new OdeSystem() { // inputs and weather held over the interval
                    @Override
                    public int dimension() {
                        return x.length;
                    }

                    @Override
                    public void derivatives(double t, double[] state, double[] dxdt) {
                        model.derivatives(t, state, u, d, dxdt);
                    }
                };
        (substeps == SUBSTEPS ? rk4 : new RungeKutta4(substeps)).integrate(held, 0.0, x, dt);
    }

    /** The benchmark's state clamp: each state into the range its {@link Variable} declares. */
    void clamp(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(Math.max(x[i], lo[i]), hi[i]);
        }
    }

    /** True when {@code x} lies inside the clamp box, so a clamp would change nothing. */
    boolean insideBox(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < lo[i] || x[i] > hi[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A weather sample with radiation [W m⁻²], temperature [°C], CO2 [ppm] and RH [%]; the variables the model
     * does not read are left 0.
     */
    static double[] weather(double radiation, double tempC, double co2Ppm, double rhPct) {
        double[] d = new double[WeatherVariable.COUNT];
        d[WeatherVariable.GLOBAL_RADIATION.ordinal()] = radiation;
        d[WeatherVariable.AIR_TEMPERATURE.ordinal()] = tempC;
        d[WeatherVariable.CO2.ordinal()] = co2Ppm;
        d[WeatherVariable.RELATIVE_HUMIDITY.ordinal()] = rhPct;
        return d;
    }

    /**
     * A weather sample from the benchmark's model-unit vector v = [I W m⁻², CO2 kg m⁻³, T °C, vapour kg m⁻³],
     * converted back to ppm and RH with the benchmark's own conversions (exact inverses to rounding).
     */
    static double[] weatherFromModelUnits(double radiation, double co2KgM3, double tempC, double vapourKgM3) {
        return weather(
                radiation,
                tempC,
                LettuceUnits.co2Ppm(co2KgM3, tempC),
                LettuceUnits.relativeHumidity(vapourKgM3, tempC));
    }
}
