package systems.rala.twin.sim;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Variable;
import systems.rala.twin.ode.OdeSystem;
import systems.rala.twin.ode.RosenbrockIntegrator;
import systems.rala.twin.weather.WeatherSampler;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherVariable;

/**
 * A model running on a weather series: the state, the held inputs and the integrator, advanced one control
 * step at a time. Inputs are held constant over a step (zero-order hold, as a climate computer's outputs
 * are); the weather varies within it. {@link #step} allocates nothing; {@link #snapshot()} and {@link
 * #restore} copy O(number of states) and make branching rollouts exact: the integrator's Jacobian is
 * recomputed at the start of every step, so a restored simulation repeats the original bit for bit.
 *
 * <p>Time: {@link #time()} counts seconds from the start, a local standard time of the weather's site.
 */
public final class Simulation {

    private final GreenhouseModel model;
    private final WeatherSeries weatherSeries;
    private final WeatherSampler weather;
    private final RosenbrockIntegrator integrator;
    private final LocalDateTime start;
    private final double[] x;
    private final double[] u;
    private final double[] d = new double[WeatherVariable.COUNT];
    private final OdeSystem rhs;
    private final double startSecondOfDay;
    private final long startEpochDay;
    private final double[] lawInputs;
    private InputLaw law;
    private WeatherPerturbation perturbation;
    private double t;
    private long clockDay = Long.MIN_VALUE;
    private int clockDayOfYear;

    private Simulation(
            GreenhouseModel model,
            WeatherSeries series,
            LocalDateTime start,
            RosenbrockIntegrator integrator,
            double[] x0) {
        this.model = model;
        this.weatherSeries = series;
        this.weather = series.sampler(start);
        this.integrator = integrator;
        this.start = start;
        int n = model.states().size();
        this.x = x0.clone();
        this.u = new double[model.inputs().size()];
        this.lawInputs = new double[u.length];
        this.startSecondOfDay = start.toLocalTime().toSecondOfDay() + start.getNano() * 1e-9;
        this.startEpochDay = start.toLocalDate().toEpochDay();
        this.rhs = new OdeSystem() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public void derivatives(double time, double[] state, double[] dxdt) {
                sampleWeather(time, d);
                if (law == null) {
                    model.derivatives(time, state, u, d, dxdt);
                } else {
                    law.inputs(time, state, d, lawInputs);
                    model.derivatives(time, state, lawInputs, d, dxdt);
                }
            }

            @Override
            public double errorWeight(int i) {
                return model.errorWeight(i);
            }
        };
    }

    /**
     * A simulation of {@code model} on {@code weather} from {@code start} (local standard time), from the
     * model's initial state, with the default integrator ({@link #defaultIntegrator()}).
     */
    public static Simulation of(GreenhouseModel model, WeatherSeries weather, LocalDateTime start) {
        double[] x0 = new double[model.states().size()];
        model.initialState(x0);
        return new Simulation(model, weather, start, defaultIntegrator(), x0);
    }

    /** A simulation with an explicit integrator and initial state. */
    public static Simulation of(
            GreenhouseModel model,
            WeatherSeries weather,
            LocalDateTime start,
            RosenbrockIntegrator integrator,
            double[] x0) {
        if (x0.length != model.states().size()) {
            throw new IllegalArgumentException("initial state has " + x0.length + " values; model " + model.id()
                    + " has " + model.states().size() + " states");
        }
        return new Simulation(model, weather, start, integrator, x0);
    }

    /**
     * The integrator used by default: ROS34PW2 at relative tolerance 1e-4 and absolute tolerance 1e-3 in the
     * states' units (a thousandth of a degree, pascal or mg m⁻³); see the tolerance study in the tests.
     */
    public static RosenbrockIntegrator defaultIntegrator() {
        return RosenbrockIntegrator.of(1e-4, 1e-3);
    }

    /** Checks that the weather covers {@code duration} from the start; an error naming both periods if not. */
    public void requireWeatherFor(Duration duration) {
        weatherSeries.requireCovers(start, duration);
    }

    /** The model simulated. */
    public GreenhouseModel model() {
        return model;
    }

    /**
     * Sets the inputs held from now on, one per {@link GreenhouseModel#inputs()}; each must lie within its
     * bounds (an error names the input, the value and the bounds).
     */
    public void setInputs(double[] inputs) {
        if (inputs.length != u.length) {
            throw new IllegalArgumentException(
                    "model " + model.id() + " takes " + u.length + " inputs, got " + inputs.length);
        }
        List<Variable> spec = model.inputs();
        for (int i = 0; i < u.length; i++) {
            double v = inputs[i];
            Variable s = spec.get(i);
            if (!(v >= s.min() && v <= s.max())) {
                throw new IllegalArgumentException(
                        "input " + s.name() + " = " + v + " is outside [" + s.min() + ", " + s.max() + "] " + s.unit());
            }
            u[i] = v;
        }
    }

    /**
     * Makes {@code law} decide the inputs continuously, inside every right-hand-side evaluation, instead of
     * holding {@link #setInputs}' values; {@code null} returns to held inputs. {@link #input} then reports the
     * law's inputs at the current time and state.
     */
    public void setInputLaw(InputLaw law) {
        this.law = law;
        if (law != null) {
            refreshLawInputs();
        }
    }

    private void refreshLawInputs() {
        sampleWeather(t, d);
        law.inputs(t, x, d, u);
    }

    /** Advances the simulation by {@code dt} seconds with the held inputs (or the input law). */
    public void step(double dt) {
        if (!(dt > 0)) {
            throw new IllegalArgumentException("step dt " + dt + " s must be positive");
        }
        integrator.integrate(rhs, t, x, t + dt);
        t += dt;
        if (law != null) {
            refreshLawInputs();
        }
    }

    /** Simulation time [s since the start]. */
    public double time() {
        return t;
    }

    /** The start, local standard time. */
    public LocalDateTime start() {
        return start;
    }

    /** Local standard time now (allocates; for reports, not per step). */
    public LocalDateTime localTime() {
        return start.plusNanos(Math.round(t * 1e9));
    }

    /** Seconds since local midnight now. */
    public double secondOfDay() {
        return secondOfDay(t);
    }

    /** Seconds since local midnight at simulation time {@code time}. */
    public double secondOfDay(double time) {
        double s = (startSecondOfDay + time) % 86_400.0;
        return s < 0 ? s + 86_400.0 : s;
    }

    /** Day of the year now (1–366). Allocates once per simulated day. */
    public int dayOfYear() {
        return dayOfYear(t);
    }

    /** Day of the year (1–366) at simulation time {@code time}. Allocates only when the day changes. */
    public int dayOfYear(double time) {
        long day = startEpochDay + (long) Math.floor((startSecondOfDay + time) / 86_400.0);
        if (day != clockDay) {
            clockDay = day;
            clockDayOfYear = LocalDate.ofEpochDay(day).getDayOfYear();
        }
        return clockDayOfYear;
    }

    /** State component {@code i}. */
    public double state(int i) {
        return x[i];
    }

    /** The live state vector (do not modify; copy it to keep it). */
    public double[] stateView() {
        return x;
    }

    /** Input component {@code i}. */
    public double input(int i) {
        return u[i];
    }

    /** The weather now, indexed by {@link WeatherVariable#ordinal()} (a view, overwritten by the next call). */
    public double[] weatherNow() {
        sampleWeather(t, d);
        return d;
    }

    /** The weather at simulation time {@code time} [s], with the perturbation if any, into {@code out}. */
    public void sampleWeather(double time, double[] out) {
        weather.sample(time, out);
        if (perturbation != null) {
            perturbation.apply(time, out);
        }
    }

    /**
     * Perturbs the weather the model sees from now on ({@code null} for none): domain randomisation of the
     * weather, e.g. an Ornstein–Uhlenbeck deviation per episode.
     */
    public void setWeatherPerturbation(WeatherPerturbation p) {
        this.perturbation = p;
    }

    /** The integrator (its statistics are read by benchmarks and tests). */
    public RosenbrockIntegrator integrator() {
        return integrator;
    }

    /** A copy of everything needed to continue exactly from here. */
    public Snapshot snapshot() {
        return new Snapshot(t, x, u, integrator.stepSize());
    }

    /** Continues from {@code s}, which must come from a simulation of the same model. */
    public void restore(Snapshot s) {
        double[] sx = s.state();
        double[] su = s.inputs();
        if (sx.length != x.length || su.length != u.length) {
            throw new IllegalArgumentException("snapshot of " + sx.length + " states and " + su.length
                    + " inputs does not fit model " + model.id());
        }
        System.arraycopy(sx, 0, x, 0, x.length);
        System.arraycopy(su, 0, u, 0, u.length);
        t = s.time();
        integrator.setStepSize(s.stepSize());
        if (law != null) {
            refreshLawInputs();
        }
    }
}
