package systems.rala.env.testing;

import java.util.List;
import java.util.SplittableRandom;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Space;

/**
 * A transparent fake for wrapper tests: the observation is [steps taken, last action's first component,
 * a value drawn at reset], the reward is the step number, and it terminates at a chosen step (or never).
 * It records the last action it received and puts "count" into info.
 */
public final class CountingEnv extends AbstractEnv {

    public static final BoxSpace OBSERVATIONS = new BoxSpace(List.of(
            new BoxSpace.Component("count", "-", "steps taken", 0, 1e9),
            new BoxSpace.Component("last", "W", "last action's first component", -10, 10),
            new BoxSpace.Component("drawn", "K", "drawn at reset", -1, 1)));

    private final BoxSpace actions;
    private final int terminateAt;
    private final double[] lastAction;
    private int count;
    private double drawn;

    /** Action box of {@code components} in [low, high]; terminates at step {@code terminateAt} (0: never). */
    public CountingEnv(int components, double low, double high, int terminateAt) {
        super(3);
        BoxSpace.Component[] cs = new BoxSpace.Component[components];
        for (int i = 0; i < components; i++) {
            cs[i] = new BoxSpace.Component("u" + i, "W", "input " + i, low, high);
        }
        this.actions = new BoxSpace(List.of(cs));
        this.terminateAt = terminateAt;
        this.lastAction = new double[components];
    }

    /** One action in [−10, 10], never terminating. */
    public CountingEnv() {
        this(1, -10, 10, 0);
    }

    @Override
    public String id() {
        return "Counting-v0";
    }

    @Override
    public BoxSpace observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Space actionSpace() {
        return actions;
    }

    /** Component {@code i} of the last action received. */
    public double lastAction(int i) {
        return lastAction[i];
    }

    @Override
    protected void onReset(long seed) {
        SplittableRandom r = Seeds.stream(seed, Seeds.INITIAL_STATE);
        count = 0;
        drawn = r.nextDouble(-1, 1);
        step.observation[0] = 0;
        step.observation[1] = 0;
        step.observation[2] = drawn;
        step.info.put("count", 0);
    }

    @Override
    protected void onStep(double[] action) {
        System.arraycopy(action, 0, lastAction, 0, lastAction.length);
        count++;
        step.observation[0] = count;
        step.observation[1] = Math.max(-10, Math.min(10, action[0]));
        step.observation[2] = drawn;
        step.reward = count;
        step.terminated = count == terminateAt;
        step.info.put("count", count);
    }
}
