package systems.rala.env.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.core.AbstractEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.DiscreteSpace;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.Space;
import systems.rala.env.core.Step;
import systems.rala.env.testing.CountingEnv;

/** RescaleAction, ClipAction and DeltaAction. */
class ActionWrappersTest {

    @Test
    void rescaleMapsMinusOneToOneOntoTheBounds() {
        CountingEnv inner = new CountingEnv(2, -4, 12, 0);
        RescaleAction env = new RescaleAction(inner);
        env.reset(1);
        env.step(new double[] {-1, 1});
        assertThat(inner.lastAction(0)).isEqualTo(-4);
        assertThat(inner.lastAction(1)).isEqualTo(12);
        env.step(new double[] {0, 0.5});
        assertThat(inner.lastAction(0)).isEqualTo(4); // midpoint
        assertThat(inner.lastAction(1)).isEqualTo(8); // −4 + 0.75 · 16
        BoxSpace space = env.actionSpace();
        assertThat(space.components()).extracting(BoxSpace.Component::name).containsExactly("u0", "u1");
        assertThat(space.components()).allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo("-");
            assertThat(c.low()).isEqualTo(-1);
            assertThat(c.high()).isEqualTo(1);
        });
        assertThatThrownBy(() -> env.step(new double[] {0, 1.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Counting-v0: RescaleAction action u1 = 1.5 - is outside [-1.0, 1.0]");
    }

    @Test
    void rescaledPendulumMatchesTheRawOne() {
        RescaleAction scaled = new RescaleAction(new PendulumEnv());
        PendulumEnv raw = new PendulumEnv();
        scaled.reset(6);
        raw.reset(6);
        for (int k = 0; k < 100; k++) {
            double a = Math.sin(0.3 * k);
            double torque = -2 + (a + 1) * 0.5 * 4; // low + (a + 1)/2 · (high − low), as the wrapper's Javadoc
            assertThat(torque).isCloseTo(2 * a, within(1e-15));
            assertThat(scaled.step(new double[] {a}).observation)
                    .containsExactly(raw.step(new double[] {torque}).observation);
        }
        assertThat(EnvChecker.check(() -> new RescaleAction(new PendulumEnv()), 50))
                .isEmpty();
    }

    @Test
    void rescaleStaysInsideBoundsDespiteRounding() {
        CountingEnv inner = new CountingEnv(1, 0.1, 0.7, 0);
        RescaleAction env = new RescaleAction(inner);
        env.reset(1);
        env.step(new double[] {1.0});
        assertThat(inner.lastAction(0)).isLessThanOrEqualTo(0.7).isCloseTo(0.7, within(1e-15));
        env.step(new double[] {-1.0});
        assertThat(inner.lastAction(0)).isEqualTo(0.1);
    }

    @Test
    void actionWrappersNeedABox() {
        assertThatThrownBy(() -> new RescaleAction(new DiscreteEnv()))
                .hasMessageContaining("RescaleAction needs a box action space; Discrete-v0 has");
        assertThatThrownBy(() -> new ClipAction(new DiscreteEnv())).hasMessageContaining("ClipAction");
        assertThatThrownBy(() -> new DeltaAction(new DiscreteEnv(), new double[] {1}, new double[] {0}))
                .hasMessageContaining("DeltaAction");
    }

    @Test
    void clipPassesFiniteActionsClippedAndRefusesNaN() {
        ClipAction clipped = new ClipAction(new PendulumEnv());
        PendulumEnv raw = new PendulumEnv();
        clipped.reset(3);
        raw.reset(3);
        double[] a = {5.0};
        assertThat(clipped.step(a).observation).containsExactly(raw.step(new double[] {2.0}).observation);
        assertThat(a[0]).isEqualTo(5.0); // the caller's array is left alone
        assertThat(clipped.step(new double[] {-1e300}).observation)
                .containsExactly(raw.step(new double[] {-2.0}).observation);
        assertThat(clipped.step(new double[] {0.5}).observation)
                .containsExactly(raw.step(new double[] {0.5}).observation);
        assertThatThrownBy(() -> clipped.step(new double[] {Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pendulum-v1: ClipAction action torque = NaN N m is not finite; finite values are"
                        + " clipped into [-2.0, 2.0]");
        assertThatThrownBy(() -> clipped.step(new double[] {Double.POSITIVE_INFINITY}))
                .hasMessageContaining("torque = Infinity N m is not finite");
        assertThatThrownBy(() -> clipped.step(new double[] {1, 2}))
                .hasMessageContaining("action has 2 values, the space has 1 components");
        assertThat(clipped.actionSpace()).isSameAs(raw.actionSpace());
    }

    @Test
    void deltaActionRateLimitsAndResets() {
        CountingEnv inner = new CountingEnv(2, -1, 1, 0);
        DeltaAction env = new DeltaAction(inner, new double[] {0.5, 0.25}, new double[] {0.0, 1.0});
        Step s = env.reset(1);
        assertThat(s.observation).hasSize(5);
        assertThat(s.observation[3]).isEqualTo(0.0);
        assertThat(s.observation[4]).isEqualTo(1.0);
        assertThat(s.info.get("prev_u0")).isEqualTo(0.0);
        double[][] actions = {{1, 1}, {1, -1}, {1, -0.5}, {-0.2, 0}};
        double[][] expected = {{0.5, 1.0}, {1.0, 0.75}, {1.0, 0.625}, {0.9, 0.625}}; // clipped at high = 1
        for (int k = 0; k < actions.length; k++) {
            s = env.step(actions[k]);
            assertThat(inner.lastAction(0)).as("step %d", k).isCloseTo(expected[k][0], within(1e-15));
            assertThat(inner.lastAction(1)).as("step %d", k).isCloseTo(expected[k][1], within(1e-15));
            assertThat(s.observation[3]).isEqualTo(inner.lastAction(0));
            assertThat(s.observation[4]).isEqualTo(inner.lastAction(1));
            assertThat(s.info.get("prev_u1")).isEqualTo(inner.lastAction(1));
            assertThat(env.applied(0)).isEqualTo(inner.lastAction(0));
            assertThat(s.info.get("count")).isEqualTo(k + 1); // inner info passed on
        }
        s = env.reset();
        assertThat(s.observation[3]).isEqualTo(0.0);
        assertThat(s.observation[4]).isEqualTo(1.0);
        env.step(new double[] {-1, -1});
        assertThat(inner.lastAction(0)).isEqualTo(-0.5);
        assertThat(inner.lastAction(1)).isEqualTo(0.75);
    }

    @Test
    void deltaActionDescribesItsSpacesAndChecksItsArguments() {
        DeltaAction env = new DeltaAction(new PendulumEnv(), new double[] {0.4}, new double[] {0});
        BoxSpace obs = env.observationSpace();
        assertThat(obs.components())
                .extracting(BoxSpace.Component::name)
                .containsExactly("cos_theta", "sin_theta", "theta_dot", "prev_torque");
        assertThat(obs.components().get(3).unit()).isEqualTo("N m");
        assertThat(obs.high(3)).isEqualTo(2.0);
        assertThat(env.actionSpace().components().get(0).unit()).isEqualTo("-");
        assertThat(EnvChecker.check(
                        () -> new DeltaAction(new PendulumEnv(), new double[] {0.4}, new double[] {0}), 100))
                .isEmpty();
        env.reset(1);
        assertThatThrownBy(() -> env.step(new double[] {1.01}))
                .hasMessage("Pendulum-v1: DeltaAction action torque = 1.01 - is outside [-1.0, 1.0]");
        assertThatThrownBy(() -> new DeltaAction(new PendulumEnv(), new double[] {0}, new double[] {0}))
                .hasMessageContaining("maxDelta of torque = 0.0 N m must be finite and above 0");
        assertThatThrownBy(() -> new DeltaAction(new PendulumEnv(), new double[] {1}, new double[] {3}))
                .hasMessageContaining("initial action torque = 3.0 N m is outside [-2.0, 2.0]");
        assertThatThrownBy(() -> new DeltaAction(new PendulumEnv(), new double[] {1, 1}, new double[] {0}))
                .hasMessageContaining("maxDelta has 2 values");
    }

    /** An environment with a discrete action space, for the box-only wrappers. */
    static final class DiscreteEnv extends AbstractEnv {
        private static final DiscreteSpace ACTIONS = new DiscreteSpace(List.of("off", "on"));

        DiscreteEnv() {
            super(3);
        }

        @Override
        public String id() {
            return "Discrete-v0";
        }

        @Override
        public BoxSpace observationSpace() {
            return CountingEnv.OBSERVATIONS;
        }

        @Override
        public Space actionSpace() {
            return ACTIONS;
        }

        @Override
        protected void onReset(long seed) {}

        @Override
        protected void onStep(double[] action) {}
    }
}
