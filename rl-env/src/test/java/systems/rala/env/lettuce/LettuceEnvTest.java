package systems.rala.env.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.EnvOptions;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.twin.lettuce.VanHentenParameters;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.testing.SharedData;

/** The contract of {@code GreenhouseLettuce-v0}: episode length, seeding, spaces, options and errors. */
class LettuceEnvTest {

    private static LettuceEnv make(String... keyValues) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return (LettuceEnv) EnvRegistry.make(LettuceEnv.ID, options);
    }

    /** Observations and rewards of one episode under seeded uniform random actions, row per step. */
    private static double[][] episode(LettuceEnv env, long seed) {
        List<double[]> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed + 99);
        double[] a = new double[3];
        Step s = env.reset(seed);
        rows.add(s.observation.clone());
        while (!s.done()) {
            env.actionSpace().sample(rng, a);
            s = env.step(a);
            double[] row = Arrays.copyOf(s.observation, s.observation.length + 1);
            row[row.length - 1] = s.reward;
            rows.add(row);
        }
        return rows.toArray(new double[0][]);
    }

    @Test
    void isRegisteredWithADescription() {
        assertThat(EnvRegistry.ids()).contains("GreenhouseLettuce-v0");
        assertThat(EnvRegistry.entries())
                .filteredOn(e -> e.id().equals(LettuceEnv.ID))
                .singleElement()
                .satisfies(e -> assertThat(e.description()).contains("van Laatum"));
        LettuceEnv env = (LettuceEnv) EnvRegistry.make(LettuceEnv.ID);
        assertThat(env.id()).isEqualTo("GreenhouseLettuce-v0");
        assertThat(env.observationSpace().size()).isEqualTo(12);
        assertThat(env.actionSpace().size()).isEqualTo(3);
    }

    /** benchmark.md section 3: 1920 steps, then terminated (the harvest), never truncated; then a reset is due. */
    @Test
    void anEpisodeIs1920StepsEndingTerminated() {
        LettuceEnv env = make();
        Step s = env.reset(11);
        double[] a = {0.3, -0.2, 0.1};
        for (int k = 1; k <= LettuceEnv.STEPS; k++) {
            s = env.step(a);
            assertThat(s.truncated).isFalse();
            assertThat(s.terminated).as("terminated after step %d", k).isEqualTo(k == LettuceEnv.STEPS);
            assertThat(s.observation[LettuceEnv.OBS_STEP]).isEqualTo(k);
        }
        assertThat(env.stepCount()).isEqualTo(1920);
        assertThatThrownBy(() -> env.step(a))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reset");
        env.reset();
        assertThat(env.stepCount()).isZero();
    }

    @Test
    void theSameSeedGivesTheSameTrajectory() {
        String[] options = {"forecast_steps", "12", "param_noise", "0.05"};
        double[][] first = episode(make(options), 42);
        double[][] again = episode(make(options), 42);
        assertThat(again).isDeepEqualTo(first);
        LettuceEnv one = make(options);
        episode(one, 7);
        assertThat(episode(one, 42)).as("a reset resets everything").isDeepEqualTo(first);
        assertThat(episode(make(options), 43)[0])
                .as("another seed, other weather")
                .isNotEqualTo(first[0]);
    }

    @Test
    void passesTheEnvChecker() {
        assertThat(EnvChecker.check(() -> make("split", "validation"), 300)).isEmpty();
        assertThat(EnvChecker.check(() -> make("forecast_steps", "12", "param_noise", "0.05"), 300))
                .isEmpty();
    }

    /** Random, all-up and all-down actions, with forecasts and perturbed coefficients: never outside the space. */
    @Test
    void observationsStayInsideTheirSpace() {
        for (String[] options : new String[][] {{}, {"forecast_steps", "12", "param_noise", "0.05", "split", "test"}}) {
            LettuceEnv env = make(options);
            BoxSpace space = env.observationSpace();
            SplittableRandom rng = new SplittableRandom(5);
            double[] a = new double[3];
            for (int mode = 0; mode < 3; mode++) {
                Step s = env.reset(mode);
                assertThat(space.violation(s.observation)).isNull();
                while (!s.done()) {
                    if (mode == 0) {
                        env.actionSpace().sample(rng, a);
                    } else {
                        Arrays.fill(a, mode == 1 ? 1.0 : -1.0);
                    }
                    s = env.step(a);
                    assertThat(space.violation(s.observation))
                            .as("mode %d, step %d", mode, env.stepCount())
                            .isNull();
                    assertThat(s.reward).isFinite();
                }
            }
        }
    }

    @Test
    void actionsOutsideTheBoxAreRefused() {
        LettuceEnv env = make();
        env.reset(1);
        assertThatThrownBy(() -> env.step(new double[] {1.01, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("co2_supply_change = 1.01")
                .hasMessageContaining("[-1.0, 1.0]");
        assertThatThrownBy(() -> env.step(new double[] {0, 0, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heating_change = NaN");
        assertThatThrownBy(() -> env.step(new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 components");
        assertThat(env.stepCount()).as("a refused action does not step").isZero();
    }

    /**
     * Same measurement as twin-physics' RosenbrockAllocationTest: the JVM's per-thread allocation counter around
     * 1500 steps after warm-up episodes, less the counter's own reading cost; 1 KiB of one-off noise allowed.
     */
    @Test
    void stepAllocatesNothing() {
        LettuceEnv env = LettuceEnv.onWeather(
                LettuceEnvFirstStepsTest.firstSteps(LettuceEnv.STEPS + 13),
                new EnvOptions(Map.of("forecast_steps", "12")));
        double[] a = {0.5, -0.5, 0.25};
        for (int e = 0; e < 15; e++) {
            env.reset(e);
            for (int k = 0; k < LettuceEnv.STEPS; k++) {
                a[0] = -a[0];
                env.step(a);
            }
        }
        env.reset(99);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long baseline0 = threads.getCurrentThreadAllocatedBytes();
        long baseline1 = threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 1500; k++) {
            a[0] = -a[0];
            env.step(a);
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        assertThat((after - before) - (baseline1 - baseline0))
                .as("bytes allocated by 1500 steps")
                .isLessThanOrEqualTo(1024);
    }

    /** benchmark.md section 5: 8 + 4 x 13 = 60 values, the weather row-major (4, 13) as van Laatum's. */
    @Test
    void forecastObservationIsRowMajor() {
        LettuceEnv env = make("forecast_steps", "12", "split", "validation", "scenario", "3");
        BoxSpace space = env.observationSpace();
        assertThat(space.size()).isEqualTo(60);
        assertThat(space.components().get(8).name()).isEqualTo("outdoor_radiation_0");
        assertThat(space.components().get(20).name()).isEqualTo("outdoor_radiation_12");
        assertThat(space.components().get(21).name()).isEqualTo("outdoor_co2_0");
        assertThat(space.components().get(59).name()).isEqualTo("outdoor_vapour_12");
        assertThat(space.components().get(59).unit()).isEqualTo("kg m-3");
        Step s = env.reset(0);
        s = env.step(new double[3]);
        s = env.step(new double[3]);
        LettuceWeather w = env.weather();
        for (int j = 0; j <= 12; j++) {
            assertThat(s.observation[8 + j]).isEqualTo(w.radiation(2 + j));
            assertThat(s.observation[8 + 13 + j]).isEqualTo(w.co2(2 + j));
            assertThat(s.observation[8 + 26 + j]).isEqualTo(w.temperature(2 + j));
            assertThat(s.observation[8 + 39 + j]).isEqualTo(w.vapour(2 + j));
        }
        assertThat(w.rows()).isEqualTo(LettuceEnv.STEPS + 13);
        assertThat(w.start()).hasToString("2104-02-09T00:00");
    }

    /** The seed and year ranges of LettuceScenarios: disjoint between splits; fixed scenarios for evaluation. */
    @Test
    void splitsDrawFromDisjointScenarios() {
        LettuceEnv train = make();
        LettuceEnv validation = make("split", "validation");
        LettuceEnv test = make("split", "test");
        for (long seed = 0; seed < 4; seed++) {
            Step s = train.reset(seed);
            assertThat(s.info.get(LettuceEnv.WEATHER_SEED)).isBetween(0.0, 999_999.0);
            assertThat(s.info.get(LettuceEnv.WEATHER_YEAR)).isBetween(2001.0, 2100.0);
            assertThat(s.info.get(LettuceEnv.SCENARIO)).isEqualTo(-1.0);
            s = validation.reset(seed);
            double i = s.info.get(LettuceEnv.SCENARIO);
            assertThat(i).isBetween(0.0, 99.0);
            assertThat(s.info.get(LettuceEnv.WEATHER_SEED)).isEqualTo(1_000_000 + i);
            assertThat(s.info.get(LettuceEnv.WEATHER_YEAR)).isEqualTo(2101 + i);
            s = test.reset(seed);
            i = s.info.get(LettuceEnv.SCENARIO);
            assertThat(s.info.get(LettuceEnv.WEATHER_SEED)).isEqualTo(2_000_000 + i);
            assertThat(s.info.get(LettuceEnv.WEATHER_YEAR)).isEqualTo(2201 + i);
        }
        LettuceEnv fixed = make("split", "test", "scenario", "17");
        double[] first = fixed.reset(1).observation.clone();
        assertThat(fixed.reset(2).observation).isEqualTo(first);
        assertThat(fixed.weather().source()).contains("2000017");
        LettuceEnv pool = make("train_scenarios", "3");
        for (long seed = 0; seed < 6; seed++) {
            Step s = pool.reset(seed);
            double i = s.info.get(LettuceEnv.SCENARIO);
            assertThat(i).isBetween(0.0, 2.0);
            assertThat(s.info.get(LettuceEnv.WEATHER_SEED)).isEqualTo(i);
            assertThat(s.info.get(LettuceEnv.WEATHER_YEAR)).isEqualTo(2001 + i);
        }
    }

    /**
     * Each coefficient is drawn once per episode within ±δ of its nominal value; the switch is left alone;
     * another seed draws other values, the same seed the same.
     */
    @Test
    void parameterNoiseIsDrawnPerEpisode() {
        LettuceEnv env = make("param_noise", "0.05", "weather", "generated", "split", "validation", "scenario", "0");
        env.reset(1);
        var perturbed = env.model().parameters();
        int changed = 0;
        for (ParameterSpec p : VanHentenParameters.SPECS) {
            double v = perturbed.get(p.name());
            if (p.name().equals(VanHentenParameters.VENT_IN_HUMIDITY)) {
                assertThat(v).isEqualTo(1.0);
                continue;
            }
            assertThat(v / p.defaultValue()).as(p.name()).isBetween(0.95, 1.05);
            changed += v != p.defaultValue() ? 1 : 0;
        }
        assertThat(changed).isEqualTo(VanHentenParameters.SPECS.size() - 1);
        var model = env.model();
        env.step(new double[3]);
        assertThat(env.model())
                .as("the same coefficients for the whole episode")
                .isSameAs(model);
        env.reset(2);
        assertThat(env.model().parameters().values()).isNotEqualTo(perturbed.values());
        env.reset(1);
        assertThat(env.model().parameters().values()).isEqualTo(perturbed.values());
        // without noise the nominal model
        LettuceEnv nominal = make();
        nominal.reset(1);
        assertThat(nominal.model().parameters().values())
                .isEqualTo(VanHentenParameters.SPECS.stream()
                        .collect(java.util.stream.Collectors.toMap(ParameterSpec::name, ParameterSpec::defaultValue)));
    }

    /** The largest δ that keeps c_v,3 = 239 C within its declared 225 to 255 C: 1 - 225/239. */
    @Test
    void parameterNoiseBeyondTheDeclaredRangesIsRefused() {
        assertThat(LettuceEnv.maxParamNoise()).isCloseTo(1 - 225.0 / 239.0, within(1e-15));
        assertThatThrownBy(() -> make("param_noise", "0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option param_noise = 0.1 is outside the allowed range 0 to 0.0586")
                .hasMessageContaining("c_v_3 = 239.0 C would leave its physical range 225.0 to 255.0");
        assertThatThrownBy(() -> make("param_noise", "-0.01")).hasMessageContaining("param_noise");
    }

    @Test
    void badOptionsAreNamed() {
        assertThatThrownBy(() -> make("forcast_steps", "12"))
                .hasMessageContaining("unknown option(s) [forcast_steps]")
                .hasMessageContaining("forecast_steps");
        assertThatThrownBy(() -> make("forecast_steps", "49")).hasMessageContaining("forecast_steps = 49");
        assertThatThrownBy(() -> make("start", "9 Feb")).hasMessageContaining("option start = '9 Feb' is not a date");
        assertThatThrownBy(() -> make("start", "2014-02-09")).hasMessageContaining("the year comes from the split");
        assertThatThrownBy(() -> make("start", "02-29")).hasMessageContaining("29 February");
        assertThatThrownBy(() -> make("split", "dev")).hasMessageContaining("option split = 'dev' is not one of");
        assertThatThrownBy(() -> make("scenario", "100", "split", "test"))
                .hasMessageContaining("option scenario = 100");
        assertThatThrownBy(() -> make("scenario", "3")).hasMessageContaining("with split = train");
        assertThatThrownBy(() -> make("mapping", "x.properties")).hasMessageContaining("weather = generated has none");
        assertThatThrownBy(() -> make("weather", "/nonexistent/weather.csv"))
                .hasMessageContaining("option weather = '/nonexistent/weather.csv'");
        assertThatThrownBy(() -> LettuceEnv.onWeather(LettuceEnvFirstStepsTest.firstSteps(100), EnvOptions.none()))
                .hasMessageContaining("weather has 100 rows; 1920 steps with forecast_steps = 0 need 1921");
        assertThatThrownBy(() -> LettuceEnv.onWeather(
                        LettuceEnvFirstStepsTest.firstSteps(2000), new EnvOptions(Map.of("split", "test"))))
                .hasMessageContaining("option split chooses the weather");
    }

    /** A weather file gives the same weather every episode, from the start in the file's year. */
    @Test
    void aWeatherFileIsTheSameEveryEpisode() {
        String sel = SharedData.weather("SEL2000-seljaar.csv").toString();
        String mapping = SharedData.projectRoot()
                .resolve("examples/weather/sel2000.mapping.properties")
                .toString();
        LettuceEnv env = make("weather", sel, "mapping", mapping, "start", "03-01", "split", "test");
        double[] first = env.reset(1).observation.clone();
        assertThat(env.reset(2).observation).isEqualTo(first);
        assertThat(env.weather().start()).hasToString("2001-03-01T00:00");
        assertThat(env.reset(3).info.has(LettuceEnv.WEATHER_SEED)).isFalse();
        // a measured file that does not cover the season: the periods are named
        String bleiswijk = SharedData.weather("Bleiswijk-GL2009-5min.csv").toString();
        String bleiswijkMapping = SharedData.projectRoot()
                .resolve("examples/weather/bleiswijk.mapping.properties")
                .toString();
        assertThatThrownBy(() -> make("weather", bleiswijk, "mapping", bleiswijkMapping))
                .hasMessageContaining("does not cover the requested period 2009-02-09T00:00");
    }
}
