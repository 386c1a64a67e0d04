package systems.rala.env.wrappers;

import java.util.ArrayList;
import java.util.List;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;

/**
 * Rate-limited actions: the agent gives a change, not a set-point. Changes one thing: the action. The agent's
 * action a lies in [−1, 1]ⁿ (unit "-", the inner components' names); the action passed on is
 *
 * <pre>
 *   u_k = clip(u_{k−1} + a ⊙ maxDelta, low, high)
 * </pre>
 *
 * with u reset to {@code initial} at every reset. So that the agent can know u, the applied action is
 * appended to the observation as components {@code prev_<name>} (inner unit and bounds), and put into info
 * under the same keys: after a reset they hold {@code initial}, after a step the u just applied. An action
 * outside [−1, 1]ⁿ (or NaN) is an {@link IllegalArgumentException} naming the component, value and bounds.
 * Reward, flags and the inner info are passed on.
 */
public final class DeltaAction extends ObservationWrapper {

    private final BoxSpace inner;
    private final BoxSpace actions;
    private final BoxSpace observations;
    private final double[] maxDelta;
    private final double[] initial;
    private final double[] u;
    private final double[] next;
    private final double[] command;
    private final String[] keys;
    private final int innerObs;

    /**
     * Wraps {@code env} (box action space of n components); {@code maxDelta[i]} (finite, above 0) is the
     * largest change of component i per step, {@code initial} (inside the inner box) the action before the
     * first step of each episode.
     */
    public DeltaAction(Env env, double[] maxDelta, double[] initial) {
        super(
                env,
                env.observationSpace().size()
                        + Boxes.actionBox(env, "DeltaAction").size());
        this.inner = Boxes.actionBox(env, "DeltaAction");
        int n = inner.size();
        Boxes.requireLength("DeltaAction", "maxDelta", maxDelta, n);
        Boxes.requireLength("DeltaAction", "initial", initial, n);
        for (int i = 0; i < n; i++) {
            BoxSpace.Component c = inner.components().get(i);
            if (!(maxDelta[i] > 0 && maxDelta[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("DeltaAction: maxDelta of " + c.name() + " = " + maxDelta[i] + " "
                        + c.unit() + " must be finite and above 0");
            }
        }
        String bad = inner.violation(initial);
        if (bad != null) {
            throw new IllegalArgumentException("DeltaAction: initial action " + bad);
        }
        this.maxDelta = maxDelta.clone();
        this.initial = initial.clone();
        this.u = initial.clone();
        this.next = new double[n];
        this.command = new double[n];
        this.actions = Boxes.dimensionless(inner, -1.0, 1.0, "change per step as a fraction of maxDelta: ");
        this.innerObs = env.observationSpace().size();
        List<BoxSpace.Component> obs = new ArrayList<>(env.observationSpace().components());
        this.keys = new String[n];
        for (int i = 0; i < n; i++) {
            BoxSpace.Component c = inner.components().get(i);
            keys[i] = "prev_" + c.name();
            obs.add(new BoxSpace.Component(keys[i], c.unit(), "last applied " + c.description(), c.low(), c.high()));
        }
        this.observations = new BoxSpace(obs);
    }

    @Override
    public BoxSpace actionSpace() {
        return actions;
    }

    @Override
    public BoxSpace observationSpace() {
        return observations;
    }

    /** The action applied last (or {@code initial} after a reset), component {@code i}. */
    public double applied(int i) {
        return u[i];
    }

    @Override
    public Step reset(long seed) {
        System.arraycopy(initial, 0, u, 0, u.length);
        return super.reset(seed);
    }

    @Override
    public Step reset() {
        System.arraycopy(initial, 0, u, 0, u.length);
        return super.reset();
    }

    @Override
    public Step step(double[] action) {
        String bad = actions.violation(action);
        if (bad != null) {
            throw new IllegalArgumentException(id() + ": DeltaAction action " + bad);
        }
        for (int i = 0; i < u.length; i++) {
            double lo = inner.low(i);
            double hi = inner.high(i);
            double v = u[i] + action[i] * maxDelta[i];
            next[i] = v < lo ? lo : v > hi ? hi : v;
        }
        System.arraycopy(next, 0, command, 0, next.length); // the inner env gets a copy it cannot spoil u with
        Step s = env.step(command);
        System.arraycopy(next, 0, u, 0, u.length); // only once the inner env took it
        return emit(s, false);
    }

    @Override
    protected void observation(double[] in, double[] out, boolean reset) {
        System.arraycopy(in, 0, out, 0, innerObs);
        for (int i = 0; i < u.length; i++) {
            out[innerObs + i] = u[i];
            this.out.info.put(keys[i], u[i]);
        }
    }
}
