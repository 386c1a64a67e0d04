package systems.rala.service.twin;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import systems.rala.env.agents.Agent;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;

/**
 * An exported policy driving an environment, as `rala eval` runs one: ONNX Runtime through the policy
 * runtime, the file's hash checked on load and its manifest's observations and actions checked against the
 * environment's spaces (names, order, units). The graph computes in float32, so an action can land a
 * rounding step outside its bound; it is clipped to the action space.
 */
final class PolicyAgent implements Agent, AutoCloseable {

    private final OnnxPolicy policy;
    private final BoxSpace actions;
    private final String name;

    /**
     * @throws IOException if the file cannot be read or the runtime refuses it
     * @throws IllegalArgumentException if the policy does not fit the environment's spaces (naming each
     *     mismatch)
     */
    PolicyAgent(Path file, Env env, String name) throws IOException {
        if (!(env.actionSpace() instanceof BoxSpace box)) {
            throw new IllegalArgumentException(
                    env.id() + " has a discrete action space; exported policies act on boxes");
        }
        this.policy = OnnxPolicy.load(file);
        this.actions = box;
        this.name = name;
        try {
            policy.requireMatches(points(env.observationSpace()), points(box));
        } catch (IllegalArgumentException e) {
            policy.close();
            throw e;
        }
    }

    private static List<Point> points(BoxSpace space) {
        List<Point> out = new ArrayList<>();
        for (BoxSpace.Component c : space.components()) {
            out.add(new Point(c.name(), c.unit(), c.description(), c.low(), c.high()));
        }
        return out;
    }

    @Override
    public void act(Step step, double[] action) {
        policy.act(step.observation, action);
        actions.clip(action);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        policy.close();
    }
}
