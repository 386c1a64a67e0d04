package systems.rala.train.export;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;

/** {@link OnnxPolicy#requireMatches} names every observation and action that differs from the site's. */
class OnnxPolicyRequireMatchesTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void export() throws IOException {
        file = dir.resolve("policy.onnx");
        OnnxExporter.write(TestPolicies.random(1, 8), TestPolicies.manifest(), file);
    }

    @Test
    void theSitesOwnPointsMatch() throws IOException {
        try (OnnxPolicy p = OnnxPolicy.load(file)) {
            assertThatCode(() -> p.requireMatches(TestPolicies.OBSERVATIONS, TestPolicies.ACTIONS))
                    .doesNotThrowAnyException();
            // bounds are not compared
            List<Point> widened = new ArrayList<>(TestPolicies.ACTIONS);
            widened.set(0, new Point("heating_setpoint", "C", "site limit", 5, 30));
            assertThatCode(() -> p.requireMatches(TestPolicies.OBSERVATIONS, widened))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void everyMismatchIsNamed() throws IOException {
        List<Point> obs = new ArrayList<>(TestPolicies.OBSERVATIONS);
        obs.set(2, new Point("air_co2", "ppb", "", 0, 3e6)); // unit
        Point rh = obs.get(1);
        obs.set(1, obs.get(0)); // swapped: air_relative_humidity <-> air_temperature
        obs.set(0, rh);
        obs.set(11, new Point("wind", "m/s", "", 0, 60)); // renamed
        List<Point> act = new ArrayList<>(TestPolicies.ACTIONS.subList(0, 3)); // lamps missing
        act.set(1, new Point("ventilation_setpoint", "K", "", 288, 308)); // unit

        try (OnnxPolicy p = OnnxPolicy.load(file)) {
            assertThatThrownBy(() -> p.requireMatches(obs, act))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("observation 0: the policy expects air_temperature [C], the site has"
                            + " air_relative_humidity [%] (the site has air_temperature at 1;"
                            + " the policy has air_relative_humidity at 1)")
                    .hasMessageContaining("observation 1: the policy expects air_relative_humidity [%], the site"
                            + " has air_temperature [C]")
                    .hasMessageContaining(
                            "observation 2 (air_co2): the policy expects unit 'ppm', the site gives 'ppb'")
                    .hasMessageContaining("observation 11: the policy expects outdoor_wind_speed [m/s], the site has"
                            + " wind [m/s] (the site has no outdoor_wind_speed; the policy has no wind)")
                    .hasMessageContaining("the policy has 4 actions, the site 3")
                    .hasMessageContaining(
                            "action 1 (ventilation_setpoint): the policy expects unit 'C', the site gives 'K'")
                    .hasMessageContaining("action 3: the policy expects lamps [-], the site has none")
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(
                                    e.getMessage().lines().count())
                            .as("one line per problem after the heading")
                            .isEqualTo(1 + 7));
        }
    }

    @Test
    void extraSitePointsAreNamed() throws IOException {
        List<Point> act = new ArrayList<>(TestPolicies.ACTIONS);
        act.add(new Point("uBlScr", "-", "", 0, 1));
        try (OnnxPolicy p = OnnxPolicy.load(file)) {
            assertThatThrownBy(() -> p.requireMatches(TestPolicies.OBSERVATIONS, act))
                    .hasMessageContaining("the policy has 4 actions, the site 5")
                    .hasMessageContaining("action 4: the site has uBlScr [-], the policy has none");
        }
    }
}
