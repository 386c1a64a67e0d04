package systems.rala.env.wrappers;

import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * Clips actions into the inner box (Gymnasium's {@code ClipAction}). Changes one thing: {@link #step} accepts
 * any finite action of the right length and passes on each component clipped to [low, high]; a NaN or
 * infinite component is still an {@link IllegalArgumentException} naming it. The action space reported is
 * the inner one (the range actually applied; boxes here have finite bounds). The caller's array is not
 * modified. Observation, reward, flags and info are the inner ones.
 */
public final class ClipAction extends Wrapper {

    private final BoxSpace box;
    private final double[] buffer;

    /** Wraps {@code env}, whose action space must be a box. */
    public ClipAction(Env env) {
        super(env);
        this.box = Boxes.actionBox(env, "ClipAction");
        this.buffer = new double[box.size()];
    }

    @Override
    public Step step(double[] action) {
        Boxes.requireLength("ClipAction", "action", action, buffer.length);
        for (int i = 0; i < buffer.length; i++) {
            double a = action[i];
            if (!Double.isFinite(a)) {
                BoxSpace.Component c = box.components().get(i);
                throw new IllegalArgumentException(id() + ": ClipAction action " + c.name() + " = " + a + " "
                        + c.unit() + " is not finite; finite values are clipped into [" + c.low() + ", "
                        + c.high() + "]");
            }
            buffer[i] = a < box.low(i) ? box.low(i) : a > box.high(i) ? box.high(i) : a;
        }
        return env.step(buffer);
    }
}
