package systems.rala.env.wrappers;

import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * Lets the agent act in [−1, 1]ⁿ (Gymnasium's {@code RescaleAction} with min −1, max 1). Changes one thing:
 * the action space becomes [−1, 1] per component, with the inner components' names, unit "-"; an action a
 * is passed on as low + (a + 1)/2 · (high − low) per component, clipped into [low, high] against rounding.
 * An action outside [−1, 1]ⁿ (or NaN) is an {@link IllegalArgumentException} naming the component, value and
 * bounds. The caller's array is not modified. Observation, reward, flags and info are the inner ones.
 */
public final class RescaleAction extends Wrapper {

    private final BoxSpace inner;
    private final BoxSpace space;
    private final double[] buffer;

    /** Wraps {@code env}, whose action space must be a box. */
    public RescaleAction(Env env) {
        super(env);
        this.inner = Boxes.actionBox(env, "RescaleAction");
        this.space = Boxes.dimensionless(inner, -1.0, 1.0, "scaled to [-1, 1]: ");
        this.buffer = new double[inner.size()];
    }

    @Override
    public BoxSpace actionSpace() {
        return space;
    }

    @Override
    public Step step(double[] action) {
        String bad = space.violation(action);
        if (bad != null) {
            throw new IllegalArgumentException(id() + ": RescaleAction action " + bad);
        }
        for (int i = 0; i < buffer.length; i++) {
            double lo = inner.low(i);
            double hi = inner.high(i);
            double u = lo + (action[i] + 1.0) * 0.5 * (hi - lo);
            buffer[i] = u < lo ? lo : u > hi ? hi : u;
        }
        return env.step(buffer);
    }
}
