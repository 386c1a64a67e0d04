package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.env.testing.CountingEnv;

class EnvCheckerTest {

    private static final BoxSpace ONE = new BoxSpace(List.of(new BoxSpace.Component("x", "m", "position", -1, 1)));

    /** A small well-behaved env whose subclasses break one rule each. */
    private static class Walk extends AbstractEnv {
        double x;

        Walk() {
            super(1);
        }

        @Override
        public String id() {
            return "Walk-v0";
        }

        @Override
        public BoxSpace observationSpace() {
            return ONE;
        }

        @Override
        public Space actionSpace() {
            return ONE;
        }

        @Override
        protected void onReset(long seed) {
            x = Seeds.stream(seed, Seeds.INITIAL_STATE).nextDouble(-0.5, 0.5);
            step.observation[0] = x;
        }

        @Override
        protected void onStep(double[] action) {
            x = 0.5 * x + 0.25 * action[0];
            step.observation[0] = x;
            step.reward = -x * x;
        }
    }

    @Test
    void pendulumPasses() {
        assertThat(EnvChecker.check(() -> EnvRegistry.make("Pendulum-v1"), 250)).isEmpty();
        assertThat(EnvChecker.check(Walk::new, 50)).isEmpty();
        assertThat(EnvChecker.check(CountingEnv::new, 50)).isEmpty();
    }

    /** Keeps a count of resets across episodes and lets it shift the start: reset does not reset. */
    private static final class LeakyReset extends Walk {
        int resets;

        @Override
        protected void onReset(long seed) {
            super.onReset(seed + resets++);
        }
    }

    @Test
    void aResetThatDependsOnHistoryIsFound() {
        assertThat(EnvChecker.check(LeakyReset::new, 20))
                .containsExactly(
                        "reset(7) twice in one instance gave different trajectories: reset does not reset everything");
    }

    /** Draws its start from the clock: not reproducible at all. */
    private static final class Unseeded extends Walk {
        private static long calls;

        @Override
        protected void onReset(long seed) {
            super.onReset(System.nanoTime() + calls++);
        }
    }

    @Test
    void anUnseededResetIsFound() {
        assertThat(EnvChecker.check(Unseeded::new, 20))
                .contains(
                        "reset(7) twice in one instance gave different trajectories: reset does not reset everything",
                        "reset(7) in two instances gave different trajectories: not reproducible from the seed");
    }

    /** Produces NaN on the third step. */
    private static final class NaNObservation extends Walk {
        int k;

        @Override
        protected void onReset(long seed) {
            super.onReset(seed);
            k = 0;
        }

        @Override
        protected void onStep(double[] action) {
            super.onStep(action);
            if (++k == 3) {
                step.observation[0] = Double.NaN;
            }
        }
    }

    @Test
    void aNaNObservationIsFoundAndNamed() {
        List<String> problems = EnvChecker.check(NaNObservation::new, 20);
        assertThat(problems).isNotEmpty().allMatch(p -> p.equals("step 2: observation x = NaN is not finite"));
    }

    @Test
    void anObservationOutsideTheSpaceIsFoundWithItsBounds() {
        List<String> problems = EnvChecker.check(
                () -> new Walk() {
                    @Override
                    protected void onReset(long seed) {
                        super.onReset(seed);
                        step.observation[0] = 5.0;
                    }
                },
                5);
        assertThat(problems).contains("reset: observation x = 5.0 m is outside [-1.0, 1.0]");
    }

    @Test
    void aNonFiniteRewardIsFound() {
        List<String> problems = EnvChecker.check(
                () -> new Walk() {
                    @Override
                    protected void onStep(double[] action) {
                        super.onStep(action);
                        step.reward = Double.POSITIVE_INFINITY;
                    }
                },
                3);
        assertThat(problems).contains("step 0: reward Infinity is not finite");
    }

    /** Implements Env without AbstractEnv and checks nothing: bad actions, no reset, steps after the end. */
    private static final class Careless implements Env {
        private final Step step = new Step(1);
        private int k;

        @Override
        public String id() {
            return "Careless-v0";
        }

        @Override
        public BoxSpace observationSpace() {
            return ONE;
        }

        @Override
        public Space actionSpace() {
            return ONE;
        }

        @Override
        public Step reset(long seed) {
            step.beginReset();
            step.observation[0] = new SplittableRandom(seed).nextDouble(-1, 1);
            k = 0;
            return step;
        }

        @Override
        public Step reset() {
            return reset(0);
        }

        @Override
        public Step step(double[] action) {
            step.beginStep();
            step.observation[0] = 0;
            step.truncated = ++k >= 4;
            return step;
        }
    }

    @Test
    void acceptingBadActionsAndStepsIsFound() {
        assertThat(EnvChecker.check(Careless::new, 10))
                .contains(
                        "step() before any reset() was accepted; it must require a reset",
                        "a NaN action was accepted; actions outside the space must be refused",
                        "the action [3.0], outside the space, was accepted; actions outside the space must be refused",
                        "step after the episode ended was accepted; it must require a reset");
    }
}
