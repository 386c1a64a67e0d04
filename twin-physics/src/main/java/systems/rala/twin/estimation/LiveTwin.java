package systems.rala.twin.estimation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Variable;
import systems.rala.twin.ode.OdeSystem;
import systems.rala.twin.ode.RosenbrockIntegrator;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.sim.Snapshot;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The live twin: a {@link Simulation} whose state follows the real greenhouse, because every round of sensor
 * readings is fused into it by an {@link UnscentedKalmanFilter}. Each control tick:
 *
 * <ol>
 *   <li>{@link #predict(double, double[])} — the actuator positions that were applied over the last {@code dt}
 *       seconds advance the twin: each of the 2n + 1 sigma points of the estimated states is integrated through
 *       the model, on the simulation's weather, with a stiff Rosenbrock integrator of the twin's own (by default
 *       configured as {@link Simulation#defaultIntegrator()});
 *   <li>{@link #update(double[])} — the readings taken at the end of the step correct the estimate; a reading
 *       that is missing this round (NaN) is left out.
 * </ol>
 *
 * After either call the simulation's state is the filter's estimate (the held states are the central
 * sigma point's), so anything that reads or snapshots the {@link #simulation()} — a forecast, a policy's
 * observation, the dashboard — sees the twin as corrected by the sensors.
 *
 * <p><b>Estimated and held states.</b> Only the states named by {@link Builder#setStates} are estimated; the
 * others (e.g. crop carbohydrates, soil layers, accumulators) are advanced by the model from the central
 * sigma point and carry no uncertainty. A state whose time constant is days cannot be corrected by an hour
 * of air readings, and each estimated state costs two more integrations per tick; see {@link
 * TomatoEstimation#CLIMATE_STATES} for the tomato greenhouse's choice.
 *
 * <p><b>Cost.</b> One {@link #predict} integrates the model 2n + 1 times over {@code dt}; one {@link
 * #update} evaluates the sensors' reading functions 2n + 1 times. For the tomato greenhouse with {@link
 * TomatoEstimation#CLIMATE_STATES} (25 sigma points) and 300 s ticks that is about 1,000 evaluations of the
 * model's right-hand side per tick, some 30 plain simulation steps: 1.7–2.1 ms on the 2-core development
 * machine. The filter algebra and the sigma-point propagation allocate nothing; writing the estimate into the
 * simulation goes through {@link Simulation#restore} with a new {@link Snapshot}, which copies the state
 * vector and the inputs (1,744 bytes per tick for the tomato model) — the simulation exposes no other way to
 * set its state.
 *
 * <p><b>Failures.</b> If a sigma point cannot be integrated, {@link #predict} throws and the estimate and
 * the simulation's state are as before the call (the simulation's held inputs are the new ones).
 *
 * <p>Inputs are held over each step (zero-order hold, as the plant's actuators were); the simulation must
 * not have an {@link systems.rala.twin.sim.InputLaw} set. Not thread-safe; the model and simulation belong
 * to this twin while it runs.
 */
public final class LiveTwin {

    private final Simulation sim;
    private final GreenhouseModel model;
    private final RosenbrockIntegrator integrator;
    private final UnscentedKalmanFilter filter;
    private final List<EstimatedState> states;
    private final List<Sensor> sensors;
    private final int[] index;
    private final int[] estimatedSlot; // state index -> slot in the filter, -1 if held
    private final double[] processNoise;
    private final double[] noiseVariance;
    private final Map<String, Integer> sensorSlot;
    private final ToDoubleFunction<double[]>[] reading;
    private final double[][] q;
    private final double[] u;
    private final double[] d = new double[WeatherVariable.COUNT];
    private final double[] base;
    private final double[] central;
    private final double[] work;
    private final double[] named;
    // each sigma point starts where its own last integration left the step size: a point off the slow
    // manifold needs smaller first steps than the central one, and guessing them again costs rejections
    private final double[] sigmaStepSize;
    private final OdeSystem rhs;
    private final UnscentedKalmanFilter.Propagation propagation;
    private final UnscentedKalmanFilter.Observation observation;
    private double stepStart;
    private double stepEnd;
    private double stepSizeOut = Double.NaN; // the central sigma point's, handed to the simulation
    private long predictions;
    private long updates;

    private LiveTwin(Builder b) {
        this.sim = b.sim;
        this.model = sim.model();
        this.integrator = b.integrator != null ? b.integrator : Simulation.defaultIntegrator();
        this.states = List.copyOf(b.states);
        this.sensors = List.copyOf(b.sensors);
        int dim = model.states().size();
        int n = states.size();
        this.index = new int[n];
        this.estimatedSlot = new int[dim];
        Arrays.fill(estimatedSlot, -1);
        this.processNoise = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] x0 = new double[n];
        double[][] p0 = new double[n][n];
        List<Variable> vars = model.states();
        for (int k = 0; k < n; k++) {
            EstimatedState s = states.get(k);
            index[k] = s.index();
            estimatedSlot[s.index()] = k;
            processNoise[k] = s.processNoise();
            lower[k] = vars.get(s.index()).min();
            upper[k] = vars.get(s.index()).max();
            x0[k] = sim.state(s.index());
            p0[k][k] = s.initialSd() * s.initialSd();
        }
        this.noiseVariance = new double[sensors.size()];
        this.sensorSlot = new HashMap<>();
        @SuppressWarnings("unchecked")
        ToDoubleFunction<double[]>[] fs = new ToDoubleFunction[sensors.size()];
        this.reading = fs;
        for (int j = 0; j < sensors.size(); j++) {
            Sensor s = sensors.get(j);
            fs[j] = s.reading();
            noiseVariance[j] = s.noiseSd() * s.noiseSd();
            sensorSlot.put(s.name(), j);
        }
        UnscentedKalmanFilter.Builder fb = UnscentedKalmanFilter.builder(n, sensors.size())
                .optAlpha(b.alpha)
                .optBeta(b.beta)
                .optKappa(b.kappa)
                .optBounds(lower, upper);
        this.filter = fb.build();
        filter.reset(x0, p0);
        this.q = new double[n][n];
        this.u = new double[model.inputs().size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = sim.input(i);
        }
        this.base = new double[dim];
        this.central = new double[dim];
        this.work = new double[dim];
        this.named = new double[sensors.size()];
        this.sigmaStepSize = new double[filter.sigmaPoints()];
        Arrays.fill(sigmaStepSize, Double.NaN);
        this.rhs = new OdeSystem() {
            @Override
            public int dimension() {
                return dim;
            }

            @Override
            public void derivatives(double t, double[] x, double[] dxdt) {
                sim.sampleWeather(t, d);
                model.derivatives(t, x, u, d, dxdt);
            }

            @Override
            public double errorWeight(int i) {
                return model.errorWeight(i);
            }
        };
        this.propagation = this::propagate;
        this.observation = this::observe;
    }

    /** A builder for a live twin of {@code simulation}, starting from its current state as the first estimate. */
    public static Builder builder(Simulation simulation) {
        if (simulation == null) {
            throw new IllegalArgumentException("simulation is null");
        }
        return new Builder(simulation);
    }

    /**
     * Advances the twin by {@code dt} seconds with the actuator positions {@code inputs} held over the step
     * (one per {@link GreenhouseModel#inputs()}, each within its bounds): the filter's time update.
     *
     * @throws IllegalArgumentException for a non-positive dt or inputs outside their bounds
     * @throws systems.rala.twin.ode.IntegrationException if the model cannot be integrated from a sigma point
     */
    public void predict(double dt, double[] inputs) {
        if (!(dt > 0.0 && dt < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("step dt " + dt + " s must be positive and finite");
        }
        sim.setInputs(inputs); // checks the bounds, names an input outside them
        System.arraycopy(inputs, 0, u, 0, u.length);
        System.arraycopy(sim.stateView(), 0, base, 0, base.length);
        stepStart = sim.time();
        stepEnd = stepStart + dt;
        double hours = dt / 3600.0;
        for (int k = 0; k < q.length; k++) {
            q[k][k] = processNoise[k] * processNoise[k] * hours;
        }
        filter.predict(propagation, q);
        writeBack(central, stepEnd, stepSizeOut);
        predictions++;
    }

    /**
     * Fuses one round of readings, in the order of {@link #sensors()}; NaN (or infinite) marks a reading that
     * is missing this round and is left out. The readings are taken now, at {@link #time()}.
     *
     * @return how many readings were fused
     */
    public int update(double[] readings) {
        if (readings.length != sensors.size()) {
            throw new IllegalArgumentException(
                    readings.length + " readings for " + sensors.size() + " sensors " + sensorNames());
        }
        System.arraycopy(sim.stateView(), 0, base, 0, base.length);
        int fused = filter.update(readings, noiseVariance, observation);
        if (fused > 0) {
            writeBack(base, sim.time(), stepSizeOut);
            updates++;
        }
        return fused;
    }

    /**
     * Fuses readings by sensor name (allocates; {@link #update(double[])} does not). Sensors absent from the
     * map, or mapped to null or NaN, are missing this round; an unknown name is an error naming the sensors.
     *
     * @return how many readings were fused
     */
    public int update(Map<String, Double> byName) {
        Arrays.fill(named, Double.NaN);
        for (Map.Entry<String, Double> e : byName.entrySet()) {
            Integer j = sensorSlot.get(e.getKey());
            if (j == null) {
                throw new IllegalArgumentException("unknown sensor '" + e.getKey() + "'; known: " + sensorNames());
            }
            Double v = e.getValue();
            named[j] = v == null ? Double.NaN : v;
        }
        return update(named);
    }

    private void propagate(int sigma, double[] x) {
        System.arraycopy(base, 0, work, 0, work.length);
        for (int k = 0; k < index.length; k++) {
            work[index[k]] = x[k];
        }
        integrator.setStepSize(sigmaStepSize[sigma]);
        integrator.integrate(rhs, stepStart, work, stepEnd);
        sigmaStepSize[sigma] = integrator.stepSize();
        for (int k = 0; k < index.length; k++) {
            x[k] = work[index[k]];
        }
        if (sigma == 0) {
            System.arraycopy(work, 0, central, 0, work.length);
            stepSizeOut = integrator.stepSize();
        }
    }

    private void observe(double[] x, double[] z) {
        System.arraycopy(base, 0, work, 0, work.length);
        for (int k = 0; k < index.length; k++) {
            work[index[k]] = x[k];
        }
        for (int j = 0; j < z.length; j++) {
            z[j] = reading[j].applyAsDouble(work);
        }
    }

    /** Makes the simulation's state {@code full} with the estimated states replaced by the filter's mean. */
    private void writeBack(double[] full, double time, double stepSize) {
        for (int k = 0; k < index.length; k++) {
            full[index[k]] = filter.mean(k);
        }
        sim.restore(new Snapshot(time, full, u, stepSize));
    }

    /** The simulation that is the twin; its state is the current estimate. Do not step it directly. */
    public Simulation simulation() {
        return sim;
    }

    /** Simulation time [s since the start]. */
    public double time() {
        return sim.time();
    }

    /** The twin's current value of state {@code i} (estimated or held) [the state's unit]. */
    public double estimate(int i) {
        return sim.state(i);
    }

    /**
     * Standard deviation of the estimate of state {@code i} [the state's unit]; NaN for a held state, which
     * the filter does not track.
     */
    public double standardDeviation(int i) {
        int k = estimatedSlot[i];
        return k < 0 ? Double.NaN : Math.sqrt(filter.covariance(k, k));
    }

    /** Whether state {@code i} is estimated (rather than held). */
    public boolean isEstimated(int i) {
        return estimatedSlot[i] >= 0;
    }

    /** The estimated states, in the filter's order. */
    public List<EstimatedState> states() {
        return states;
    }

    /** The sensors, in the order of {@link #update(double[])}'s readings. */
    public List<Sensor> sensors() {
        return sensors;
    }

    /**
     * The filter, for diagnostics: innovations of the last update in sensor order ({@link
     * UnscentedKalmanFilter#innovation}), covariance in the order of {@link #states()}.
     */
    public UnscentedKalmanFilter filter() {
        return filter;
    }

    /** The integrator that propagates the sigma points (its counters show the cost). */
    public RosenbrockIntegrator integrator() {
        return integrator;
    }

    /** Time updates so far. */
    public long predictions() {
        return predictions;
    }

    /** Measurement updates that fused at least one reading. */
    public long updates() {
        return updates;
    }

    private String sensorNames() {
        List<String> names = new ArrayList<>();
        for (Sensor s : sensors) {
            names.add(s.name());
        }
        return names.toString();
    }

    /** Configuration of a {@link LiveTwin}, checked in {@link #build()}. */
    public static final class Builder {

        private final Simulation sim;
        private List<EstimatedState> states;
        private List<Sensor> sensors;
        private RosenbrockIntegrator integrator;
        private double alpha = 1.0;
        private double beta = 2.0;
        private double kappa = 0.0;

        private Builder(Simulation sim) {
            this.sim = sim;
        }

        /** The states to estimate (required; distinct indices of the simulation's model). */
        public Builder setStates(List<EstimatedState> states) {
            this.states = List.copyOf(states);
            return this;
        }

        /** The sensors whose readings are fused (required; distinct names). */
        public Builder setSensors(List<Sensor> sensors) {
            this.sensors = List.copyOf(sensors);
            return this;
        }

        /**
         * The integrator that propagates the sigma points; default {@link Simulation#defaultIntegrator()}, a
         * new instance. Must not be the simulation's own integrator.
         */
        public Builder optIntegrator(RosenbrockIntegrator integrator) {
            this.integrator = integrator;
            return this;
        }

        /**
         * Sigma-point parameters (Wan &amp; van der Merwe 2000); default α = 1, β = 2, κ = 0, checked as {@link
         * UnscentedKalmanFilter.Builder} checks them.
         */
        public Builder optSigmaPoints(double alpha, double beta, double kappa) {
            this.alpha = alpha;
            this.beta = beta;
            this.kappa = kappa;
            return this;
        }

        /** The live twin; its first estimate is the simulation's current state. */
        public LiveTwin build() {
            if (states == null || states.isEmpty()) {
                throw new IllegalArgumentException("states: none set; name at least one state to estimate");
            }
            if (sensors == null || sensors.isEmpty()) {
                throw new IllegalArgumentException("sensors: none set; name at least one sensor");
            }
            GreenhouseModel model = sim.model();
            int dim = model.states().size();
            Set<Integer> seen = new HashSet<>();
            for (EstimatedState s : states) {
                if (s.index() >= dim) {
                    throw new IllegalArgumentException(
                            "states: index " + s.index() + " is outside model " + model.id() + "'s " + dim + " states");
                }
                if (!seen.add(s.index())) {
                    throw new IllegalArgumentException(
                            "states: " + model.states().get(s.index()).name() + " is listed twice");
                }
                if (model.errorWeight(s.index()) == 0.0) {
                    throw new IllegalArgumentException(
                            "states: " + model.states().get(s.index()).name()
                                    + " is an accumulator (error weight 0), not a state to estimate");
                }
                double x = sim.state(s.index());
                Variable v = model.states().get(s.index());
                if (!(x >= v.min() && x <= v.max())) {
                    throw new IllegalArgumentException("states: " + v.name() + " = " + x + " " + v.unit()
                            + " is outside [" + v.min() + ", " + v.max() + "]");
                }
            }
            Set<String> names = new TreeSet<>();
            for (Sensor s : sensors) {
                if (!names.add(s.name())) {
                    throw new IllegalArgumentException("sensors: " + s.name() + " is listed twice");
                }
            }
            if (integrator != null && integrator == sim.integrator()) {
                throw new IllegalArgumentException(
                        "integrator: the simulation's own integrator; give the live twin its own");
            }
            return new LiveTwin(this);
        }
    }
}
