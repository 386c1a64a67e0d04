package systems.rala.runtime.control.baseline;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.Point;

/** Every actuator at its lower bound: the do-nothing baseline every controller must beat. */
public final class AllOffController implements Controller {

    private final List<Point> commands;

    /** All-off for the given commands. */
    public AllOffController(List<Point> commands) {
        this.commands = List.copyOf(commands);
    }

    @Override
    public List<Point> readings() {
        return List.of();
    }

    @Override
    public List<Point> commands() {
        return commands;
    }

    @Override
    public void decide(ControlInput in, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = commands.get(i).min();
        }
    }
}
