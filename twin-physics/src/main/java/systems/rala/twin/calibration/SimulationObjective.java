package systems.rala.twin.calibration;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.ode.RosenbrockIntegrator;
import systems.rala.twin.sim.InputLaw;
import systems.rala.twin.sim.InputSchedule;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.weather.WeatherSeries;

/**
 * An {@link Objective} that runs the twin: for each parameter set it builds the model, simulates {@code
 * steps} control steps of {@code dt} seconds on the given weather with the given inputs, samples chosen
 * quantities of the state at the end of every step, and reduces each to one number — its mean over a window,
 * or its RMSE against a measured series ({@link FitMetrics}). Sample k (k = 1 … steps) is the state at k·dt
 * seconds after the start.
 *
 * <p>Inputs are one of: held constant, replayed from a recorded {@link InputSchedule} (the mean of each input
 * over each step, as a climate computer's log is replayed for validation), or a feedback {@link InputLaw}
 * made per simulation. Each evaluation builds its own model, integrator and simulation; the weather series,
 * the schedule and the reference series are read only. So it is safe to evaluate concurrently.
 */
public final class SimulationObjective implements Objective {

    private final Function<Parameters, ? extends GreenhouseModel> model;
    private final WeatherSeries weather;
    private final LocalDateTime start;
    private final int steps;
    private final double dt;
    private final double[] heldInputs;
    private final InputSchedule schedule;
    private final Function<Simulation, InputLaw> law;
    private final Supplier<RosenbrockIntegrator> integrator;
    private final double[] initialState;
    private final List<Output> outputs;
    private final List<String> names;

    private record Output(String name, ToDoubleFunction<double[]> quantity, int skip, double[] reference) {}

    private SimulationObjective(Builder b) {
        this.model = b.model;
        this.weather = b.weather;
        this.start = b.start;
        this.steps = b.steps;
        this.dt = b.dt;
        this.heldInputs = b.heldInputs;
        this.schedule = b.schedule;
        this.law = b.law;
        this.integrator = b.integrator;
        this.initialState = b.initialState;
        this.outputs = List.copyOf(b.outputs);
        this.names = outputs.stream().map(Output::name).toList();
    }

    /**
     * An objective running the model that {@code model} builds from a parameter set (for example {@code p ->
     * new TomatoModel("tomato-led", p)}) on {@code weather} from {@code start} (local standard time).
     */
    public static Builder builder(
            Function<Parameters, ? extends GreenhouseModel> model, WeatherSeries weather, LocalDateTime start) {
        return new Builder(model, weather, start);
    }

    @Override
    public List<String> outputs() {
        return names;
    }

    @Override
    public double[] evaluate(Parameters parameters) {
        double[][] samples =
                simulate(parameters, outputs.stream().map(Output::quantity).toList());
        double[] y = new double[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            Output out = outputs.get(o);
            y[o] = out.reference() == null ? mean(samples[o], out.skip()) : rmse(samples[o], out.reference());
        }
        return y;
    }

    /**
     * Runs the model with {@code parameters} and returns {@code quantity} at the end of every step (element k − 1
     * is sample k): the simulated counterpart of a measured series, or a synthetic reference.
     */
    public double[] series(Parameters parameters, ToDoubleFunction<double[]> quantity) {
        return simulate(parameters, List.of(quantity))[0];
    }

    private double[][] simulate(Parameters parameters, List<ToDoubleFunction<double[]>> quantities) {
        GreenhouseModel m = model.apply(parameters);
        double[] x0;
        if (initialState != null) {
            if (initialState.length != m.states().size()) {
                throw new IllegalArgumentException("initial state has " + initialState.length + " values; model "
                        + m.id() + " has " + m.states().size() + " states");
            }
            x0 = initialState.clone();
        } else {
            x0 = new double[m.states().size()];
            m.initialState(x0);
        }
        Simulation sim = Simulation.of(m, weather, start, integrator.get(), x0);
        double[] u = new double[m.inputs().size()];
        if (heldInputs != null) {
            if (heldInputs.length != u.length) {
                throw new IllegalArgumentException(
                        heldInputs.length + " held inputs given; model " + m.id() + " has " + u.length + " inputs");
            }
            sim.setInputs(heldInputs);
        } else if (law != null) {
            sim.setInputLaw(law.apply(sim));
        }
        double[][] samples = new double[quantities.size()][steps];
        for (int k = 0; k < steps; k++) {
            if (schedule != null) {
                schedule.meanOver(k * dt, (k + 1) * dt, u);
                sim.setInputs(u);
            }
            sim.step(dt);
            double[] x = sim.stateView();
            for (int q = 0; q < quantities.size(); q++) {
                samples[q][k] = quantities.get(q).applyAsDouble(x);
            }
        }
        return samples;
    }

    private static double mean(double[] v, int skip) {
        double s = 0;
        for (int k = skip; k < v.length; k++) {
            s += v[k];
        }
        return s / (v.length - skip);
    }

    private static double rmse(double[] sim, double[] reference) {
        int n = 0;
        for (double r : reference) {
            n += Double.isNaN(r) ? 0 : 1;
        }
        double[] s = new double[n];
        double[] r = new double[n];
        int j = 0;
        for (int k = 0; k < reference.length; k++) {
            if (!Double.isNaN(reference[k])) {
                s[j] = sim[k];
                r[j++] = reference[k];
            }
        }
        return FitMetrics.of(s, r, 0).rmse();
    }

    /** Configuration of a {@link SimulationObjective}; every setter checks its value. */
    public static final class Builder {
        private final Function<Parameters, ? extends GreenhouseModel> model;
        private final WeatherSeries weather;
        private final LocalDateTime start;
        private int steps;
        private double dt;
        private double[] heldInputs;
        private InputSchedule schedule;
        private Function<Simulation, InputLaw> law;
        private Supplier<RosenbrockIntegrator> integrator = Simulation::defaultIntegrator;
        private double[] initialState;
        private final List<Output> outputs = new ArrayList<>();

        private Builder(
                Function<Parameters, ? extends GreenhouseModel> model, WeatherSeries weather, LocalDateTime start) {
            if (model == null || weather == null || start == null) {
                throw new IllegalArgumentException(
                        "model factory, weather and start are required; got " + model + ", " + weather + ", " + start);
            }
            this.model = model;
            this.weather = weather;
            this.start = start;
        }

        /** Required: {@code count} control steps of {@code dt} seconds (count ≥ 1, dt &gt; 0). */
        public Builder steps(int count, double dt) {
            if (count < 1 || !(dt > 0 && dt < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(
                        "steps = " + count + " of dt = " + dt + " s; allowed: at least 1 step of a finite dt > 0");
            }
            this.steps = count;
            this.dt = dt;
            return this;
        }

        /** Inputs held over the whole run, one per model input (checked against their bounds when run). */
        public Builder heldInputs(double[] u) {
            requireNoInputs();
            heldInputs = u.clone();
            return this;
        }

        /** Inputs replayed from a recording: each step gets each input's mean over the step. */
        public Builder inputs(InputSchedule recorded) {
            requireNoInputs();
            schedule = recorded;
            return this;
        }

        /** A feedback law, made for each simulation (it may read the simulation's clock). */
        public Builder inputLaw(Function<Simulation, InputLaw> perSimulation) {
            requireNoInputs();
            law = perSimulation;
            return this;
        }

        /** A fresh integrator per evaluation; default {@link Simulation#defaultIntegrator()}. */
        public Builder integrator(Supplier<RosenbrockIntegrator> perEvaluation) {
            integrator = perEvaluation;
            return this;
        }

        /** Initial state (length: the model's states); default the model's own {@code initialState}. */
        public Builder initialState(double[] x0) {
            initialState = x0.clone();
            return this;
        }

        /**
         * Output {@code name}: the mean of {@code quantity} (a function of the state vector, e.g. {@code x ->
         * x[TomatoModel.T_AIR]}) over samples {@code skip + 1} to {@code steps}, leaving the first {@code skip}
         * steps to the initial transient.
         */
        public Builder mean(String name, ToDoubleFunction<double[]> quantity, int skip) {
            if (skip < 0) {
                throw new IllegalArgumentException("output " + name + ": skip = " + skip + "; allowed: at least 0");
            }
            return add(new Output(name, quantity, skip, null));
        }

        /**
         * Output {@code name}: the RMSE of {@code quantity} against {@code reference}, whose element k − 1 is
         * the value measured at sample k (length: the number of steps); NaN marks a missing measurement.
         */
        public Builder rmse(String name, ToDoubleFunction<double[]> quantity, double[] reference) {
            return add(new Output(name, quantity, 0, reference.clone()));
        }

        /**
         * The objective.
         *
         * @throws IllegalArgumentException if steps, inputs or outputs are missing, a window or reference does
         *     not fit the steps, the weather does not cover the run, or the schedule does not cover it
         */
        public SimulationObjective build() {
            if (steps == 0) {
                throw new IllegalArgumentException("steps(count, dt) is required");
            }
            if (heldInputs == null && schedule == null && law == null) {
                throw new IllegalArgumentException("inputs are required: heldInputs, inputs(schedule) or inputLaw");
            }
            if (outputs.isEmpty()) {
                throw new IllegalArgumentException("no output; add one with mean(...) or rmse(...)");
            }
            for (Output o : outputs) {
                if (o.reference() == null && o.skip() >= steps) {
                    throw new IllegalArgumentException("output " + o.name() + ": skips " + o.skip() + " steps of "
                            + steps + "; allowed: 0 to " + (steps - 1));
                }
                if (o.reference() != null) {
                    if (o.reference().length != steps) {
                        throw new IllegalArgumentException("output " + o.name() + ": reference has "
                                + o.reference().length + " values for " + steps + " steps");
                    }
                    long measured = Arrays.stream(o.reference())
                            .filter(v -> !Double.isNaN(v))
                            .count();
                    if (measured < 2) {
                        throw new IllegalArgumentException("output " + o.name() + ": reference has " + measured
                                + " values that are not NaN; need at least 2");
                    }
                }
            }
            weather.requireCovers(start, Duration.ofMillis(Math.round(steps * dt * 1000)));
            if (schedule != null) {
                schedule.requireCovers(steps * dt);
            }
            return new SimulationObjective(this);
        }

        private Builder add(Output o) {
            if (o.name() == null || o.name().isBlank()) {
                throw new IllegalArgumentException("output name is empty");
            }
            for (Output e : outputs) {
                if (e.name().equals(o.name())) {
                    throw new IllegalArgumentException("output " + o.name() + " is defined twice");
                }
            }
            outputs.add(o);
            return this;
        }

        private void requireNoInputs() {
            if (heldInputs != null || schedule != null || law != null) {
                throw new IllegalArgumentException(
                        "inputs already set; choose one of heldInputs, inputs(schedule), inputLaw");
            }
        }
    }
}
