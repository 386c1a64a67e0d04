package systems.rala.env.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Step;
import systems.rala.env.testing.CountingEnv;

/** SensorNoise, SensorDelay and EpisodeStatistics. */
class ObservationWrappersTest {

    private static final double[] A = {0.0};

    @Test
    void noiseIsStreamSensorsOfTheEpisodeSeed() {
        double[] sigma = {0.01, 0.02, 0.05};
        SensorNoise env = new SensorNoise(new PendulumEnv(), sigma);
        PendulumEnv truth = (PendulumEnv) env.unwrapped();
        // the episode seed of reset(21) is the first value of SplittableRandom(21), as in AbstractEnv
        SplittableRandom expected = Seeds.stream(new SplittableRandom(21).nextLong(), Seeds.SENSORS);
        Step s = env.reset(21);
        checkNoise(s, truth, sigma, expected);
        for (int k = 0; k < 20; k++) {
            s = env.step(new double[] {0.3});
            checkNoise(s, truth, sigma, expected);
        }
    }

    private static void checkNoise(Step s, PendulumEnv truth, double[] sigma, SplittableRandom expected) {
        double[] clean = {Math.cos(truth.theta()), Math.sin(truth.theta()), truth.thetaDot()};
        for (int i = 0; i < 3; i++) {
            double x = clean[i] + sigma[i] * expected.nextGaussian();
            assertThat(s.observation[i]).isEqualTo(Math.max(i < 2 ? -1 : -8, Math.min(i < 2 ? 1 : 8, x)));
        }
    }

    @Test
    void noiseIsReproducibleAcrossSeededAndSeedlessResets() {
        double[] sigma = {0.1, 0.1, 0.1};
        SensorNoise a = new SensorNoise(new PendulumEnv(), sigma);
        SensorNoise b = new SensorNoise(new PendulumEnv(), sigma);
        assertThat(a.reset(4).observation).containsExactly(b.reset(4).observation);
        for (int e = 0; e < 3; e++) {
            assertThat(a.reset().observation).containsExactly(b.reset().observation);
            for (int k = 0; k < 10; k++) {
                assertThat(a.step(A).observation).containsExactly(b.step(A).observation);
            }
        }
        double[] seed4 = a.reset(4).observation.clone();
        assertThat(a.reset(5).observation).isNotEqualTo(seed4);
        assertThat(EnvChecker.check(() -> new SensorNoise(new PendulumEnv(), sigma), 100))
                .isEmpty();
    }

    @Test
    void noiseHasTheGivenStandardDeviationAndLeavesRewardAlone() {
        double sigma = 0.3;
        SensorNoise env = new SensorNoise(new CountingEnv(), new double[] {0, sigma, 0});
        env.reset(8);
        int n = 100_000;
        double sum = 0;
        double sq = 0;
        for (int k = 1; k <= n; k++) {
            Step s = env.step(new double[] {2.0}); // "last" = 2, far from its bounds ±10
            assertThat(s.observation[0]).isEqualTo(k); // sigma 0: exact
            assertThat(s.reward).isEqualTo(k);
            double e = s.observation[1] - 2.0;
            sum += e;
            sq += e * e;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sq / n - mean * mean);
        // standard errors: mean 0.3/√1e5 ≈ 0.00095, sd 0.3/√(2e5) ≈ 0.00067; allow 5 of them
        assertThat(mean).isCloseTo(0.0, within(0.005));
        assertThat(sd).isCloseTo(sigma, within(0.0034));
    }

    @Test
    void noisyReadingsSaturateAtTheSensorRange() {
        SensorNoise env = new SensorNoise(new CountingEnv(), new double[] {0, 50, 0});
        env.reset(1);
        int saturated = 0;
        for (int k = 0; k < 200; k++) {
            double x = env.step(A).observation[1];
            assertThat(x).isBetween(-10.0, 10.0);
            saturated += Math.abs(x) == 10.0 ? 1 : 0;
        }
        assertThat(saturated).isGreaterThan(100);
        assertThatThrownBy(() -> new SensorNoise(new CountingEnv(), new double[] {0, -1, 0}))
                .hasMessageContaining("sigma of last = -1.0 W must be finite and not negative");
        assertThatThrownBy(() -> new SensorNoise(new CountingEnv(), new double[] {0}))
                .hasMessageContaining("sigma has 1 values, the space has 3 components");
    }

    @Test
    void delayRepeatsTheResetObservationThenLagsByK() {
        SensorDelay env = new SensorDelay(new CountingEnv(), 2);
        assertThat(env.reset(1).observation[0]).isEqualTo(0);
        double[] seen = new double[8];
        for (int k = 1; k <= 7; k++) {
            Step s = env.step(A);
            seen[k] = s.observation[0];
            assertThat(s.reward).isEqualTo(k); // not delayed
            assertThat(s.info.get("count")).isEqualTo(k);
        }
        assertThat(seen).containsExactly(0, 0, 0, 1, 2, 3, 4, 5);
        assertThat(env.reset(1).observation[0]).isEqualTo(0);
        assertThat(env.step(A).observation[0]).isEqualTo(0); // the old episode does not leak in
        assertThat(env.step(A).observation[0]).isEqualTo(0);
        assertThat(env.step(A).observation[0]).isEqualTo(1);
    }

    @Test
    void delayZeroChangesNothing() {
        SensorDelay env = new SensorDelay(new PendulumEnv(), 0);
        PendulumEnv raw = new PendulumEnv();
        assertThat(env.reset(3).observation).containsExactly(raw.reset(3).observation);
        for (int k = 0; k < 50; k++) {
            assertThat(env.step(new double[] {1}).observation).containsExactly(raw.step(new double[] {1}).observation);
        }
        assertThatThrownBy(() -> new SensorDelay(new PendulumEnv(), -1)).hasMessageContaining("steps = -1");
        assertThat(EnvChecker.check(() -> new SensorDelay(new PendulumEnv(), 3), 100))
                .isEmpty();
    }

    @Test
    void episodeStatisticsAtTheEndOnly() {
        EpisodeStatistics env = new EpisodeStatistics(new TimeLimit(new PendulumEnv(), 10));
        for (int episode = 0; episode < 2; episode++) {
            env.reset(episode);
            double sum = 0;
            for (int k = 1; k <= 10; k++) {
                Step s = env.step(new double[] {0.7});
                sum += s.reward;
                if (k < 10) {
                    assertThat(s.info.has(EpisodeStatistics.RETURN)).isFalse();
                    assertThat(env.episodeLength()).isEqualTo(k);
                } else {
                    assertThat(s.truncated).isTrue();
                    assertThat(s.info.get(EpisodeStatistics.RETURN)).isCloseTo(sum, within(1e-12));
                    assertThat(s.info.get(EpisodeStatistics.LENGTH)).isEqualTo(10);
                    assertThat(s.info.get(EpisodeStatistics.SECONDS)).isBetween(0.0, 60.0);
                }
            }
        }
        EpisodeStatistics terminating = new EpisodeStatistics(new CountingEnv(1, -1, 1, 3));
        terminating.reset(1);
        terminating.step(A);
        terminating.step(A);
        Step s = terminating.step(A);
        assertThat(s.terminated).isTrue();
        assertThat(s.info.get(EpisodeStatistics.RETURN)).isEqualTo(1 + 2 + 3);
        assertThat(s.info.get(EpisodeStatistics.LENGTH)).isEqualTo(3);
    }
}
