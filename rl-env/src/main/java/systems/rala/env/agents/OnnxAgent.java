package systems.rala.env.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;

/**
 * An exported policy as an agent: the {@code .onnx} file runs in ONNX Runtime through the policy runtime, as
 * on a gateway. {@code rala eval} and the service's what-if runs drive environments with it. Loading checks the file's content hash and that its manifest names the environment's
 * observations and actions, in order and with their units. The graph computes in float32, so an action can
 * land a rounding step outside its bound; it is clipped to the action space.
 */
public final class OnnxAgent implements Agent, AutoCloseable {

    private final OnnxPolicy policy;
    private final BoxSpace actions;
    private final String name;

    /** Loads {@code file} for {@code env}, named after the file; an error if it does not fit the environment. */
    public OnnxAgent(Path file, Env env) {
        this(file, env, null);
    }

    /**
     * Loads {@code file} for {@code env} under {@code name} ({@code null}: the file's name without
     * {@code .onnx}).
     *
     * @throws UncheckedIOException if the file cannot be read or the runtime refuses it
     * @throws IllegalArgumentException if it does not fit the environment's spaces, naming each mismatch
     */
    public OnnxAgent(Path file, Env env, String name) {
        try {
            this.policy = OnnxPolicy.load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
        if (!(env.actionSpace() instanceof BoxSpace box)) {
            policy.close();
            throw new IllegalArgumentException(
                    env.id() + " has a discrete action space; exported policies act on boxes");
        }
        this.actions = box;
        try {
            policy.requireMatches(points(env.observationSpace()), points(box));
        } catch (IllegalArgumentException e) {
            policy.close();
            throw e;
        }
        String f = file.getFileName().toString();
        this.name = name != null ? name : f.endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
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
