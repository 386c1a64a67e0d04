package systems.rala.env.plant;

import java.util.List;
import java.util.function.Function;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.sim.Simulation;

/**
 * A controller wired to a simulated plant. Readings are resolved by name once, when the loop is built; each
 * command must name a model input (inputs no command sets stay at 0). Two ways to run it:
 *
 * <ul>
 *   <li>{@link Mode#SAMPLED}: every control step the plant is read, the controller decides, and its commands
 *       are held for the step — a controller running at the step rate.
 *   <li>{@link Mode#CONTINUOUS}: the controller decides inside every evaluation of the model's right-hand
 *       side, as GreenLight evaluates its rules and as a climate computer's fast loops (seconds) act between
 *       5-minute steps. For memoryless controllers such as the rule-based climate controller.
 * </ul>
 *
 * Stepping allocates nothing.
 */
public final class ClosedLoop {

    /** When the controller decides. */
    public enum Mode {
        SAMPLED,
        CONTINUOUS
    }

    private final Simulation sim;
    private final Controller controller;
    private final Reading[] readings;
    private final int[] commandToInput;
    private final ControlInput in;
    private final double[] commands;
    private final double[] inputs;
    private final Mode mode;

    /** Wires {@code controller} to {@code sim}; {@code readingSource} resolves reading names (e.g. {@link TomatoPlant#reading}). */
    public ClosedLoop(Simulation sim, Controller controller, Function<String, Reading> readingSource, Mode mode) {
        this.sim = sim;
        this.controller = controller;
        this.mode = mode;
        List<Point> rs = controller.readings();
        this.readings = new Reading[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
            readings[i] = readingSource.apply(rs.get(i).name());
        }
        GreenhouseModel model = sim.model();
        List<Point> cs = controller.commands();
        this.commandToInput = new int[cs.size()];
        for (int i = 0; i < cs.size(); i++) {
            commandToInput[i] = model.inputIndex(cs.get(i).name());
        }
        this.in = new ControlInput(rs);
        this.commands = new double[cs.size()];
        this.inputs = new double[model.inputs().size()];
        if (mode == Mode.CONTINUOUS) {
            sim.setInputLaw((t, x, d, u) -> {
                decide(t, x, d);
                for (int i = 0; i < commands.length; i++) {
                    u[commandToInput[i]] = commands[i];
                }
            });
        }
    }

    /** Advances the plant by {@code dt} seconds (deciding first in sampled mode). */
    public void step(double dt) {
        if (mode == Mode.SAMPLED) {
            decide();
        }
        sim.step(dt);
    }

    /** In sampled mode: reads the plant now and sets the inputs held for the next step. No-op when continuous. */
    public void decide() {
        if (mode == Mode.CONTINUOUS) {
            return;
        }
        decide(sim.time(), sim.stateView(), sim.weatherNow());
        for (int i = 0; i < commands.length; i++) {
            inputs[commandToInput[i]] = commands[i];
        }
        sim.setInputs(inputs);
    }

    private void decide(double t, double[] x, double[] d) {
        double[] v = in.values();
        for (int i = 0; i < readings.length; i++) {
            v[i] = readings[i].value(x, d);
        }
        in.setClock(sim.secondOfDay(t), sim.dayOfYear(t));
        controller.decide(in, commands);
    }

    /** The mode. */
    public Mode mode() {
        return mode;
    }

    /** The simulation driven. */
    public Simulation simulation() {
        return sim;
    }
}
