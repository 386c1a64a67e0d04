package systems.rala.env.tomato;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.env.scenario.Split;

class TomatoScenarioTest {

    private static double[] firstDay(Map<String, String> options, long seed) {
        try (TomatoEnv env = (TomatoEnv) EnvRegistry.make("GreenhouseTomato-v0", options)) {
            Step s = env.reset(seed);
            int iRad = env.observationSpace().index("outdoor_temperature");
            double[] temps = new double[env.episodeSteps()];
            double[] a = {18, 24, 800, 0};
            for (int k = 0; k < temps.length; k++) {
                temps[k] = s.observation[iRad];
                s = env.step(a);
            }
            return temps;
        }
    }

    @Test
    void splitsDrawFromDisjointWeatherPools() {
        // pool members of different splits never share a generator seed or a year
        for (int k = 0; k < Split.TRAIN.size(); k++) {
            for (int j = 0; j < Split.TEST.size(); j++) {
                assertThat(Split.TRAIN.seed(k)).isNotEqualTo(Split.TEST.seed(j));
                assertThat(Split.TRAIN.year(k)).isNotEqualTo(Split.TEST.year(j));
            }
        }
        Map<String, String> base = Map.of("episode_days", "1", "start", "12-01");
        double[] train =
                firstDay(new java.util.HashMap<>(Map.of("episode_days", "1", "start", "12-01", "split", "train")), 3);
        double[] test =
                firstDay(new java.util.HashMap<>(Map.of("episode_days", "1", "start", "12-01", "split", "test")), 3);
        assertThat(train).isNotEqualTo(test);
        assertThat(firstDay(base, 3)).isEqualTo(train); // train is the default
    }

    @Test
    void weatherNoiseChangesTheEpisodeButNotItsSeedability() {
        Map<String, String> noisy = Map.of("episode_days", "1", "start", "12-01", "weather_noise_temp_k", "2");
        Map<String, String> clean = Map.of("episode_days", "1", "start", "12-01");
        double[] a = firstDay(noisy, 4);
        double[] b = firstDay(noisy, 4);
        double[] c = firstDay(clean, 4);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        double meanAbs = 0;
        for (int k = 0; k < a.length; k++) {
            meanAbs += Math.abs(a[k] - c[k]) / a.length;
        }
        // an OU deviation of sigma 2 K: mean absolute deviation about 0.8 sigma, with wide allowance for one day
        assertThat(meanAbs).isBetween(0.1, 5.0);
    }

    @Test
    void aHeldOutClimateAndOtherPricesRunFromTheirOptions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a held-out climate: generator parameters fitted to Venice instead of Amsterdam
        java.nio.file.Path venice = dir.resolve("venice.properties");
        systems.rala.twin.weather.generator.WeatherGenerator.fit(systems.rala.twin.weather.EpwReader.read(
                        systems.rala.twin.testing.SharedData.weather("ITA_Venice.161050_IWEC.epw")))
                .write(venice);
        double[] ams = firstDay(Map.of("episode_days", "1", "start", "07-01"), 2);
        double[] ven = firstDay(Map.of("episode_days", "1", "start", "07-01", "site", venice.toString()), 2);
        double meanAms = java.util.Arrays.stream(ams).average().orElseThrow();
        double meanVen = java.util.Arrays.stream(ven).average().orElseThrow();
        // Venice is warmer in July than Amsterdam (IWEC monthly means 23.7 and 16.9 C)
        assertThat(meanVen).isGreaterThan(meanAms + 2);
        try (TomatoEnv env = (TomatoEnv) EnvRegistry.make(
                "GreenhouseTomato-v0", Map.of("episode_days", "1", "start", "07-01", "prices", "day-night"))) {
            Step s = env.reset(1);
            double elecDay = 0;
            double[] a = {18, 24, 800, 1};
            for (int k = 0; k < env.episodeSteps(); k++) {
                s = env.step(a);
                elecDay += s.info.get("elec_cost");
            }
            assertThat(elecDay).isGreaterThan(0);
        }
    }
}
