package systems.rala.env.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;
import systems.rala.env.wrappers.TimeLimit;

class PendulumEnvTest {

    private static PendulumEnv at(double theta, double thetaDot) {
        PendulumEnv env = new PendulumEnv();
        env.reset(1);
        env.setState(theta, thetaDot);
        return env;
    }

    @Test
    void oneStepByHand() {
        // θ = 1 rad, θ̇ = 0.5 rad/s, u = 1.5 N m, g = 10, m = l = 1, dt = 0.05:
        //   θ̇' = 0.5 + (3·10/2 · sin 1 + 3·1.5) · 0.05 = 0.5 + (15 · 0.8414709848078965 + 4.5) · 0.05
        //      = 0.5 + 17.12206477211845 · 0.05 = 1.356103238605922   (inside [−8, 8], not clipped)
        //   θ'  = 1 + 1.356103238605922 · 0.05 = 1.067805161930296
        //   r   = −(1² + 0.1 · 0.5² + 0.001 · 1.5²) = −(1 + 0.025 + 0.00225) = −1.02725   (pre-step state)
        PendulumEnv env = at(1.0, 0.5);
        Step s = env.step(new double[] {1.5});
        assertThat(env.thetaDot()).isCloseTo(1.356103238605922, within(1e-15));
        assertThat(env.theta()).isCloseTo(1.067805161930296, within(1e-15));
        assertThat(s.reward).isCloseTo(-1.02725, within(1e-15));
        // cos and sin of 1.067805161930296 (numpy: 0.48204838409011624, 0.8761445973103457)
        assertThat(s.observation[0]).isCloseTo(0.48204838409011624, within(1e-15));
        assertThat(s.observation[1]).isCloseTo(0.8761445973103457, within(1e-15));
        assertThat(s.observation[2]).isEqualTo(env.thetaDot());
        assertThat(s.terminated).isFalse();
        assertThat(s.truncated).isFalse();
    }

    @Test
    void speedIsClippedBeforeTheAngleMoves() {
        // θ = π/2, θ̇ = 7.9, u = 2: θ̇ + (15 · 1 + 6) · 0.05 = 8.95 → clipped to 8; θ' = π/2 + 8 · 0.05 (new speed)
        PendulumEnv env = at(Math.PI / 2, 7.9);
        Step s = env.step(new double[] {2.0});
        assertThat(env.thetaDot()).isEqualTo(8.0);
        assertThat(env.theta()).isCloseTo(Math.PI / 2 + 0.4, within(1e-15));
        // reward from the pre-step state: −((π/2)² + 0.1 · 7.9² + 0.001 · 4)
        assertThat(s.reward).isCloseTo(-(Math.PI * Math.PI / 4 + 6.241 + 0.004), within(1e-14));
    }

    @Test
    void angleNormalizeIsAFloorModuloLikeNumpy() {
        // expected values from numpy 2.4: ((x + np.pi) % (2 * np.pi)) - np.pi
        assertThat(PendulumEnv.angleNormalize(-4.0)).isEqualTo(2.2831853071795862);
        assertThat(PendulumEnv.angleNormalize(-7.0)).isEqualTo(-0.7168146928204138);
        assertThat(PendulumEnv.angleNormalize(4.0)).isEqualTo(-2.2831853071795862);
        assertThat(PendulumEnv.angleNormalize(-Math.PI)).isEqualTo(-Math.PI);
        assertThat(PendulumEnv.angleNormalize(Math.PI)).isEqualTo(-Math.PI);
        assertThat(PendulumEnv.angleNormalize(-2 * Math.PI)).isEqualTo(0.0);
        assertThat(PendulumEnv.angleNormalize(-21.991148575128552)).isEqualTo(-Math.PI);
        // Java's % keeps the dividend's sign: the naive port gives −4 + π % 2π − π = −4.0 for −4, not 2.28...
        assertThat(((-4.0 + Math.PI) % (2 * Math.PI)) - Math.PI).isEqualTo(-4.0);
    }

    @Test
    void angleNormalizeAgreesWithAtan2AwayFromTheCut() {
        // an independent normalisation: atan2(sin θ, cos θ) ∈ (−π, π]
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            double x = r.nextDouble(-60, 60);
            double n = PendulumEnv.angleNormalize(x);
            assertThat(n).isGreaterThanOrEqualTo(-Math.PI).isLessThan(Math.PI);
            double a = Math.atan2(Math.sin(x), Math.cos(x));
            if (Math.abs(Math.abs(a) - Math.PI) > 1e-9) {
                assertThat(n).isCloseTo(a, within(1e-12));
            }
        }
    }

    @Test
    void rewardIsTheFormulaOnThePreStepState() {
        SplittableRandom r = new SplittableRandom(11);
        PendulumEnv env = new PendulumEnv();
        env.reset(1);
        for (int i = 0; i < 10_000; i++) {
            double th = r.nextDouble(-30, 30);
            double thd = r.nextDouble(-8, 8);
            double u = r.nextDouble(-2, 2);
            env.setState(th, thd);
            double a = Math.atan2(Math.sin(th), Math.cos(th));
            double expected = -(a * a + 0.1 * thd * thd + 0.001 * u * u);
            assertThat(env.step(new double[] {u}).reward).isCloseTo(expected, within(1e-11));
        }
    }

    @Test
    void worstRewardIsGymnasiumsPublishedMinimum() {
        // Gymnasium's documentation: the minimum reward is −(π² + 0.1 · 8² + 0.001 · 2²) = −16.2736044
        PendulumEnv env = at(Math.PI, 8.0);
        assertThat(env.step(new double[] {2.0}).reward).isCloseTo(-16.2736044, within(5e-8));
    }

    @Test
    void matchesAReferenceTrajectoryComputedWithNumpy() throws IOException {
        // pendulum_reference.csv: 2 × 200 steps from pendulum_reference.py (numpy, float64), torques beyond the
        // bound included (clipped), with the speed reaching its clip
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("pendulum_reference.csv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        assertThat(rows).hasSize(400);
        PendulumEnv env = new PendulumEnv();
        int clipped = 0;
        double maxDiff = 0;
        for (String[] row : rows) {
            if (Integer.parseInt(row[1]) == 0) {
                env.reset(0);
                env.setState(Double.parseDouble(row[2]), Double.parseDouble(row[3]));
            }
            double a = Double.parseDouble(row[4]);
            Step s = env.step(new double[] {Math.max(-2, Math.min(2, a))});
            clipped += Math.abs(a) > 2 ? 1 : 0;
            for (int i = 0; i < 3; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(s.observation[i] - Double.parseDouble(row[5 + i])));
            }
            maxDiff = Math.max(maxDiff, Math.abs(s.reward - Double.parseDouble(row[8])));
        }
        assertThat(clipped).as("steps whose torque was clipped").isPositive();
        // the same float64 expressions; sin and cos may differ by an ulp between Java and the C library
        assertThat(maxDiff).isLessThan(1e-13); // 1.8e-15 seen
    }

    @Test
    void resetDrawsTheStartingStateFromTheSeed() {
        PendulumEnv env = new PendulumEnv();
        double[] first = env.reset(42).observation.clone();
        double th = env.theta();
        double thd = env.thetaDot();
        assertThat(env.reset(42).observation).containsExactly(first);
        assertThat(env.reset(43).observation).isNotEqualTo(first);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            env.reset(r.nextLong());
            assertThat(env.theta()).isGreaterThanOrEqualTo(-Math.PI).isLessThan(Math.PI);
            assertThat(env.thetaDot()).isGreaterThanOrEqualTo(-1).isLessThan(1);
        }
        env.reset(42);
        assertThat(env.theta()).isEqualTo(th);
        assertThat(env.thetaDot()).isEqualTo(thd);
        assertThat(first[0]).isEqualTo(Math.cos(th));
        assertThat(first[1]).isEqualTo(Math.sin(th));
        assertThat(first[2]).isEqualTo(thd);
    }

    @Test
    void seedlessResetsContinueTheStreamOfTheLastSeed() {
        PendulumEnv a = new PendulumEnv();
        PendulumEnv b = new PendulumEnv();
        a.reset(9);
        b.reset(9);
        for (int i = 0; i < 5; i++) {
            assertThat(a.reset().observation).containsExactly(b.reset().observation);
        }
        assertThat(new PendulumEnv().reset().observation).containsExactly(new PendulumEnv().reset().observation);
    }

    @Test
    void seededRolloutsStayBoundedAndFinite() {
        Env env = EnvRegistry.make("Pendulum-v1");
        SplittableRandom r = new SplittableRandom(17);
        double[] a = new double[1];
        BoxSpace obs = env.observationSpace();
        int episodes = 0;
        double worst = 0;
        for (int e = 0; e < 50; e++) {
            Step s = env.reset(e);
            int steps = 0;
            while (!s.done()) {
                a[0] = r.nextDouble(-2, 2);
                s = env.step(a);
                steps++;
                assertThat(obs.violation(s.observation)).isNull();
                double norm = s.observation[0] * s.observation[0] + s.observation[1] * s.observation[1];
                assertThat(norm).isCloseTo(1.0, within(1e-12));
                assertThat(s.reward).isBetween(-16.2736045, 0.0);
                worst = Math.min(worst, s.reward);
            }
            assertThat(steps).isEqualTo(200);
            episodes++;
        }
        assertThat(episodes).isEqualTo(50);
        assertThat(worst).isLessThan(-5); // random torques do not hold it upright
    }

    @Test
    void registeredPendulumIsCutAt200Steps() {
        Env env = EnvRegistry.make("Pendulum-v1");
        assertThat(env).isInstanceOf(TimeLimit.class);
        assertThat(((Wrapper) env).unwrapped()).isInstanceOf(PendulumEnv.class);
        assertThat(((PendulumEnv) ((Wrapper) env).unwrapped()).g()).isEqualTo(10.0);
        env.reset(3);
        double[] a = {0.0};
        for (int k = 1; k < 200; k++) {
            Step s = env.step(a);
            assertThat(s.done()).as("step %d", k).isFalse();
        }
        Step last = env.step(a);
        assertThat(last.truncated).isTrue();
        assertThat(last.terminated).isFalse();
        assertThatThrownBy(() -> env.step(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("time limit 200");
    }

    @Test
    void registryOptionsSetGravityAndTheLimit() {
        Env env = EnvRegistry.make("Pendulum-v1", java.util.Map.of("g", "9.81", "max_episode_steps", "50"));
        assertThat(((PendulumEnv) ((Wrapper) env).unwrapped()).g()).isEqualTo(9.81);
        assertThat(((TimeLimit) env).maxSteps()).isEqualTo(50);
    }

    @Test
    void passesTheEnvironmentChecker() {
        assertThat(EnvChecker.check(() -> EnvRegistry.make("Pendulum-v1"), 250)).isEmpty();
        assertThat(EnvChecker.check(PendulumEnv::new, 300)).isEmpty();
    }

    @Test
    void spacesNameTheirComponentsAndUnits() {
        PendulumEnv env = new PendulumEnv();
        assertThat(env.observationSpace().components())
                .extracting(BoxSpace.Component::name)
                .containsExactly("cos_theta", "sin_theta", "theta_dot");
        assertThat(env.observationSpace().components().get(2).unit()).isEqualTo("rad/s");
        assertThat(env.observationSpace().high(2)).isEqualTo(8.0);
        BoxSpace act = (BoxSpace) env.actionSpace();
        assertThat(act.components().get(0).name()).isEqualTo("torque");
        assertThat(act.components().get(0).unit()).isEqualTo("N m");
        assertThat(act.low(0)).isEqualTo(-2.0);
        assertThat(act.high(0)).isEqualTo(2.0);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new PendulumEnv(Double.NaN)).hasMessageContaining("g = NaN");
        PendulumEnv env = new PendulumEnv();
        assertThatThrownBy(() -> env.step(new double[] {0.0}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before reset()");
        env.reset(1);
        assertThatThrownBy(() -> env.step(new double[] {2.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pendulum-v1: action torque = 2.5 N m is outside [-2.0, 2.0]");
        assertThatThrownBy(() -> env.setState(0, 9)).hasMessageContaining("theta_dot = 9.0");
    }
}
