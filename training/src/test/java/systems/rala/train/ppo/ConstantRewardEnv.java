package systems.rala.train.ppo;

import java.util.List;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Space;

/**
 * A test task with a known value function: reward 1 every step, a constant observation, and an episode that
 * ends after {@code length} steps — truncated (a time limit: the true value is 1/(1−γ)) or terminated (the
 * value is the mean discounted return-to-go). It records the extreme actions it received.
 */
final class ConstantRewardEnv extends AbstractEnv {

    static final String TRUNCATING = "TestConstantTruncating-v0";
    static final String TERMINATING = "TestConstantTerminating-v0";
    static double maxAbsAction;

    private static final BoxSpace OBS = new BoxSpace(List.of(new BoxSpace.Component("x", "-", "constant", -1, 1)));
    private static final BoxSpace ACT = new BoxSpace(List.of(new BoxSpace.Component("u", "W/m2", "ignored", 10, 30)));

    static synchronized void register() {
        if (!EnvRegistry.ids().contains(TRUNCATING)) {
            EnvRegistry.register(
                    TRUNCATING,
                    "test: reward 1, truncated",
                    o -> new ConstantRewardEnv(o.integer("length", 5, 1, 1000), false));
            EnvRegistry.register(
                    TERMINATING,
                    "test: reward 1, terminated",
                    o -> new ConstantRewardEnv(o.integer("length", 5, 1, 1000), true));
        }
    }

    private final int length;
    private final boolean terminates;
    private int t;

    ConstantRewardEnv(int length, boolean terminates) {
        super(1);
        this.length = length;
        this.terminates = terminates;
    }

    @Override
    public String id() {
        return terminates ? TERMINATING : TRUNCATING;
    }

    @Override
    public BoxSpace observationSpace() {
        return OBS;
    }

    @Override
    public Space actionSpace() {
        return ACT;
    }

    @Override
    protected void onReset(long seed) {
        t = 0;
        step.observation[0] = 0.5;
    }

    @Override
    protected void onStep(double[] action) {
        synchronized (ConstantRewardEnv.class) {
            maxAbsAction = Math.max(maxAbsAction, Math.abs(action[0]));
        }
        t++;
        step.observation[0] = 0.5;
        step.reward = 1;
        if (t >= length) {
            if (terminates) {
                step.terminated = true;
            } else {
                step.truncated = true;
            }
        }
    }
}
