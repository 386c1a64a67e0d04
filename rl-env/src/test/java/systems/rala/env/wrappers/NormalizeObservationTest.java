package systems.rala.env.wrappers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.Step;
import systems.rala.env.testing.CountingEnv;

class NormalizeObservationTest {

    /**
     * The pooled statistics written out directly (not incrementally): the prior (count c0 = 1e-4, mean 0,
     * variance 1) and samples x_1..x_n combine to mean M = Σx / (c0 + n) and variance V = (c0 · (1 + M²) +
     * Σ(x − M)²) / (c0 + n).
     */
    private static double[] pooled(List<Double> xs) {
        double c0 = 1e-4;
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double m = sum / (c0 + xs.size());
        double ss = c0 * (1 + m * m);
        for (double x : xs) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, ss / (c0 + xs.size())};
    }

    @Test
    void statisticsAreThePooledMeanAndVarianceOfEveryObservationSeen() {
        NormalizeObservation env = new NormalizeObservation(new PendulumEnv());
        List<Double> thetaDot = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(2);
        PendulumEnv raw = (PendulumEnv) env.unwrapped();
        Step s = env.reset(4);
        thetaDot.add(raw.thetaDot());
        for (int k = 0; k < 500; k++) {
            s = env.step(new double[] {r.nextDouble(-2, 2)});
            thetaDot.add(raw.thetaDot());
            if (k == 0) {
                double[] p = pooled(thetaDot);
                assertThat(env.mean(2)).isCloseTo(p[0], within(1e-12));
                assertThat(env.variance(2)).isCloseTo(p[1], within(1e-12));
            }
        }
        double[] p = pooled(thetaDot);
        assertThat(env.count()).isCloseTo(501.0001, within(1e-9));
        assertThat(env.mean(2)).isCloseTo(p[0], within(1e-12));
        assertThat(env.variance(2)).isCloseTo(p[1], within(1e-10));
        // the observation is normalised by the statistics including itself
        assertThat(s.observation[2]).isCloseTo((raw.thetaDot() - p[0]) / Math.sqrt(p[1] + 1e-8), within(1e-9));
    }

    @Test
    void firstObservationByHand() {
        // prior c0 = 1e-4, mean 0, var 1; one sample x: mean = x / 1.0001,
        // var = (1e-4 · 1 + x² · 1e-4 · 1 / 1.0001) / 1.0001
        NormalizeObservation env = new NormalizeObservation(new CountingEnv());
        double x = env.reset(3).observation[2];
        double drawn = ((CountingEnv) env.unwrapped()).reset(3).observation[2];
        double mean = drawn / 1.0001;
        double var = (1e-4 + drawn * drawn * 1e-4 / 1.0001) / 1.0001;
        assertThat(env.mean(2)).isCloseTo(mean, within(1e-15));
        assertThat(env.variance(2)).isCloseTo(var, within(1e-15));
        assertThat(x).isCloseTo((drawn - mean) / Math.sqrt(var + 1e-8), within(1e-12));
    }

    @Test
    void clipsAndDescribesItsSpace() {
        NormalizeObservation env = new NormalizeObservation(new CountingEnv(), 1e-8, 3.0);
        BoxSpace space = env.observationSpace();
        assertThat(space.components()).extracting(BoxSpace.Component::name).containsExactly("count", "last", "drawn");
        assertThat(space.components()).allSatisfy(c -> {
            assertThat(c.unit()).isEqualTo("-");
            assertThat(c.low()).isEqualTo(-3.0);
            assertThat(c.high()).isEqualTo(3.0);
        });
        env.reset(1);
        for (int k = 0; k < 100; k++) {
            env.step(new double[] {0.01 * (k % 3)});
        }
        Step s = env.step(new double[] {10.0}); // far outside what was seen
        assertThat(s.observation[1]).isEqualTo(3.0);
        assertThat(space.violation(s.observation)).isNull();
        assertThatThrownBy(() -> new NormalizeObservation(new CountingEnv(), 1e-8, 0))
                .hasMessageContaining("clip = 0.0");
    }

    @Test
    void frozenStatisticsStayPutAndPassTheChecker() {
        NormalizeObservation env = new NormalizeObservation(new PendulumEnv());
        env.reset(1);
        for (int k = 0; k < 50; k++) {
            env.step(new double[] {1.0});
        }
        env.freeze();
        double count = env.count();
        double mean = env.mean(2);
        double[] first = env.reset(8).observation.clone();
        env.step(new double[] {1.0});
        assertThat(env.count()).isEqualTo(count);
        assertThat(env.mean(2)).isEqualTo(mean);
        assertThat(env.reset(8).observation).containsExactly(first);
        env.unfreeze();
        env.step(new double[] {1.0});
        assertThat(env.count()).isEqualTo(count + 1);
    }

    @Test
    void frozenWrapperPassesTheEnvironmentChecker(@TempDir Path dir) throws IOException {
        NormalizeObservation trained = new NormalizeObservation(new PendulumEnv());
        trained.reset(1);
        for (int k = 0; k < 300; k++) {
            trained.step(new double[] {Math.sin(k * 0.1) * 2});
        }
        Path file = dir.resolve("stats.properties");
        trained.save(file);
        List<String> problems = EnvChecker.check(
                () -> {
                    NormalizeObservation env = new NormalizeObservation(new PendulumEnv());
                    try {
                        env.load(file);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    env.freeze();
                    return env;
                },
                100);
        assertThat(problems).isEmpty();
    }

    @Test
    void mergingTwoBatchesEqualsSeeingThemOneByOne() {
        NormalizeObservation oneByOne = new NormalizeObservation(new CountingEnv());
        oneByOne.reset(1);
        List<Double> xs = new ArrayList<>();
        xs.add(0.0);
        for (int k = 1; k <= 40; k++) {
            oneByOne.step(new double[] {Math.cos(k)});
            xs.add(Math.cos(k));
        }
        // the same 41 samples of component "last" as one batch: population mean and variance
        double m = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double v = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / xs.size();
        NormalizeObservation batch = new NormalizeObservation(new CountingEnv());
        batch.merge(41, new double[] {0, m, 0}, new double[] {0, v, 0});
        assertThat(batch.mean(1)).isCloseTo(oneByOne.mean(1), within(1e-14));
        assertThat(batch.variance(1)).isCloseTo(oneByOne.variance(1), within(1e-14));
        assertThat(batch.count()).isCloseTo(oneByOne.count(), within(1e-12));
        assertThatThrownBy(() -> batch.merge(0, new double[3], new double[3])).hasMessageContaining("batchCount");
        assertThatThrownBy(() -> batch.merge(1, new double[2], new double[3]))
                .hasMessageContaining("batchMean has 2 values, the space has 3 components");
    }

    @Test
    void saveAndLoadRoundTripExactly(@TempDir Path dir) throws IOException {
        NormalizeObservation a = new NormalizeObservation(new PendulumEnv());
        a.reset(2);
        for (int k = 0; k < 77; k++) {
            a.step(new double[] {-1.3});
        }
        Path file = dir.resolve("norm.properties");
        a.save(file);
        String text = Files.readString(file);
        assertThat(text)
                .contains("format=rala-normalize-observation-1")
                .contains("env=Pendulum-v1")
                .contains("components=cos_theta,sin_theta,theta_dot")
                .contains("count=78.0001");
        NormalizeObservation b = new NormalizeObservation(new PendulumEnv());
        b.load(file);
        assertThat(b.count()).isEqualTo(a.count());
        for (int i = 0; i < 3; i++) {
            assertThat(b.mean(i)).isEqualTo(a.mean(i));
            assertThat(b.variance(i)).isEqualTo(a.variance(i));
        }
        a.freeze();
        b.freeze();
        assertThat(b.reset(5).observation).containsExactly(a.reset(5).observation);
    }

    @Test
    void loadNamesWhatIsWrong(@TempDir Path dir) throws IOException {
        NormalizeObservation env = new NormalizeObservation(new PendulumEnv());
        Path f = dir.resolve("bad.properties");
        String good = "format=rala-normalize-observation-1\ncomponents=cos_theta,sin_theta,theta_dot\n"
                + "count=3\nmean=0,0,1\nvar=1,1,2\n";
        Files.writeString(f, good.replace("theta_dot", "omega"));
        assertThatThrownBy(() -> env.load(f))
                .hasMessageContaining("components = [cos_theta, sin_theta, omega] do not match")
                .hasMessageContaining("[cos_theta, sin_theta, theta_dot]");
        Files.writeString(f, good.replace("mean=0,0,1", "mean=0,1"));
        assertThatThrownBy(() -> env.load(f)).hasMessageContaining("mean has 2 values");
        Files.writeString(f, good.replace("var=1,1,2", "var=1,x,2"));
        assertThatThrownBy(() -> env.load(f)).hasMessageContaining("var value 'x' is not a number");
        Files.writeString(f, good.replace("var=1,1,2", "var=1,-1,2"));
        assertThatThrownBy(() -> env.load(f)).hasMessageContaining("var of sin_theta = -1.0 must not be negative");
        Files.writeString(f, good.replace("count=3\n", ""));
        assertThatThrownBy(() -> env.load(f)).hasMessageContaining("no 'count'");
        Files.writeString(f, good.replace("format=rala-normalize-observation-1", "format=other"));
        assertThatThrownBy(() -> env.load(f)).hasMessageContaining("format = 'other'");
        assertThat(env.count()).isEqualTo(1e-4); // nothing was half-loaded
        Files.writeString(f, good);
        env.load(f);
        assertThat(env.variance(2)).isEqualTo(2.0);
    }
}
