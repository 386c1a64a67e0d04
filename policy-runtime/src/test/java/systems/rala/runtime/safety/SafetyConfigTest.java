package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;

/** Building and loading safety configuration: every invalid value fails with its field, value and allowed range. */
class SafetyConfigTest {

    private static ActuatorLimits.Builder roof() {
        return ActuatorLimits.continuous("uRoof", "-").range(0, 1).maxRatePerS(0.01);
    }

    private static ActuatorLimits.Builder lamp() {
        return ActuatorLimits.onOff("uLamp", "-")
                .range(0, 1)
                .thresholds(0.6, 0.4)
                .minOnS(600)
                .minOffS(900);
    }

    @Test
    void defaultsAreTheRuleBasedControllersCommands() {
        SafetyConfig d = SafetyConfig.greenhouseDefaults();
        assertThatCode(() -> d.requireMatches(RuleBasedClimateController.COMMAND_POINTS))
                .doesNotThrowAnyException();
        assertThat(d.actuatorPoints())
                .extracting(Point::min, Point::max)
                .allSatisfy(t -> assertThat(t.toList()).containsExactly(0.0, 1.0));
        assertThat(d.heating()).containsExactly("uBoil", "uBoilGro");
        assertThat(d.vents()).containsExactly("uRoof");
        assertThat(d.co2Dosing()).containsExactly("uExtCo2");
        assertThat(d.co2TripPpm()).isEqualTo(1500);
        assertThat(d.overTemperatureTripC()).isEqualTo(35);
        assertThat(d.frostTripC()).isEqualTo(5);
        assertThat(d.humidityTripPct()).isEqualTo(95);
        assertThat(d.actuators().get(RuleBasedClimateController.U_LAMP).kind()).isEqualTo(ActuatorLimits.Kind.ON_OFF);
        assertThat(d.actuators().get(RuleBasedClimateController.U_EXT_CO2).maxRatePerS())
                .isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void requireMatchesListsEveryMismatch() {
        List<Point> commands = List.of(
                new Point("uBoil", "-", "", 0, 1),
                new Point("uRoof", "-", "", 0, 1),
                new Point("uBoilGro", "%", "", 0, 100));
        SafetyConfig c = SafetyConfig.greenhouseDefaults();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> c.requireMatches(commands))
                .withMessageContaining("position 1: command uRoof, actuator uBoilGro")
                .withMessageContaining("position 2: command uBoilGro, actuator uRoof")
                .withMessageContaining("actuator 3 (uThScr) is not a command")
                .withMessageContaining("actuator 7 (uExtCo2) is not a command");
    }

    @Nested
    class Actuators {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "rate -0.1 | safety: uRoof.max_rate_per_s = -0.1 is outside [0, inf)",
                    "rate NaN | safety: uRoof.max_rate_per_s = NaN is outside [0, inf)",
                    "max = min | safety: uRoof.max = 0 is outside (0, inf)",
                    "min NaN | safety: uRoof.min = NaN is not a finite number",
                    "max inf | safety: uRoof.max = inf is outside (0, inf)",
                    "fallback 2 | safety: uRoof.fallback = 2 is outside [0, 1]",
                })
        void continuousValuesOutsideTheirRangeAreNamed(String test, String message) {
            UnaryOperator<ActuatorLimits.Builder> change = switch (test) {
                case "rate -0.1" -> b -> b.maxRatePerS(-0.1);
                case "rate NaN" -> b -> b.maxRatePerS(Double.NaN);
                case "max = min" -> b -> b.range(0, 0);
                case "min NaN" -> b -> b.range(Double.NaN, 1);
                case "max inf" -> b -> b.range(0, Double.POSITIVE_INFINITY);
                case "fallback 2" -> b -> b.fallback(2);
                default -> throw new IllegalStateException(test);
            };
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> change.apply(roof()).build())
                    .withMessage(message);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "off at min | safety: uLamp.off_threshold = 0 is outside (0, 1]",
                    "on below off | safety: uLamp.on_threshold = 0.3 is outside [0.4, 1]",
                    "on above max | safety: uLamp.on_threshold = 1.5 is outside [0.4, 1]",
                    "min on negative | safety: uLamp.min_on_s = -1 is outside [0, inf)",
                    "min off infinite | safety: uLamp.min_off_s = inf is outside [0, inf)",
                })
        void onOffValuesOutsideTheirRangeAreNamed(String test, String message) {
            UnaryOperator<ActuatorLimits.Builder> change = switch (test) {
                case "off at min" -> b -> b.thresholds(0.6, 0);
                case "on below off" -> b -> b.thresholds(0.3, 0.4);
                case "on above max" -> b -> b.thresholds(1.5, 0.4);
                case "min on negative" -> b -> b.minOnS(-1);
                case "min off infinite" -> b -> b.minOffS(Double.POSITIVE_INFINITY);
                default -> throw new IllegalStateException(test);
            };
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> change.apply(lamp()).build())
                    .withMessage(message);
        }

        @Test
        void requiredValuesMustBeGiven() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            ActuatorLimits.continuous("uRoof", "-").range(0, 1).build())
                    .withMessage("safety: uRoof.max_rate_per_s is missing (a rate in [0, inf) per second, or none)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ActuatorLimits.continuous("uRoof", "-")
                            .noRateLimit()
                            .build())
                    .withMessage("safety: uRoof.min is missing (the hard minimum)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ActuatorLimits.onOff("uLamp", "-")
                            .range(0, 1)
                            .thresholds(0.6, 0.4)
                            .minOnS(1)
                            .build())
                    .withMessage("safety: uLamp.min_off_s is missing (seconds in [0, inf))");
        }

        @Test
        void settingsOfTheOtherKindAreRejectedNotIgnored() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> roof().minOnS(10).build())
                    .withMessage("safety: uRoof.min_on_s does not apply to uRoof, which is continuous");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> lamp().maxRatePerS(1).build())
                    .withMessage("safety: uLamp.max_rate_per_s does not apply to uLamp, which is on_off");
        }

        @Test
        void namesMustBeUsableAsPropertyKeys() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ActuatorLimits.continuous("u.Roof", "-")
                            .range(0, 1)
                            .noRateLimit()
                            .build())
                    .withMessageStartingWith("safety: actuator name 'u.Roof' must start with a letter");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> ActuatorLimits.continuous("uRoof", " ")
                            .range(0, 1)
                            .noRateLimit()
                            .build())
                    .withMessageStartingWith("safety: uRoof.unit is missing");
        }

        @Test
        void toBuilderRebuildsEqualLimits() {
            for (ActuatorLimits a : SafetyConfig.greenhouseDefaults().actuators()) {
                assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
            }
            assertThat(roof().build().fallback()).isEqualTo(0.0);
        }
    }

    @Nested
    class GuardsAndRoles {

        private final SafetyConfig.Builder d = SafetyConfig.greenhouseDefaults().toBuilder();

        @Test
        void guardThresholdsOutsideTheirRangesAreNamed() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.overTemperature(85, 33).build())
                    .withMessage("safety: over_temperature.trip_c = 85 is outside [-50, 80]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.overTemperature(35, 36).build())
                    .withMessage("safety: over_temperature.release_c = 36 is outside [-50, 35]");
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> d.overTemperature(35, 33).frostGuard(5, 34, 1).build())
                    .withMessage("safety: frost_guard.release_c = 34 is outside [5, 33) (below"
                            + " over_temperature.release_c, so that the two guards are never tripped together)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.frostGuard(5, 7, 1.5).build())
                    .withMessage(
                            "safety: frost_guard.heating_min = 1.5 is outside [0, 1] (the bounds of every heating actuator)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            d.frostGuard(5, 7, 1).humidityGuard(101, 90, 0.1).build())
                    .withMessage("safety: humidity_guard.trip_pct = 101 is outside [0, 100]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.humidityGuard(95, 90, -0.1).build())
                    .withMessage(
                            "safety: humidity_guard.vent_min = -0.1 is outside [0, 1] (the bounds of every vent actuator)");
            assertThatIllegalArgumentException()
                    .isThrownBy(
                            () -> d.humidityGuard(95, 90, 0.1).co2Ceiling(0, 0).build())
                    .withMessage("safety: co2_ceiling.trip_ppm = 0 is outside (0, 10000]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.co2Ceiling(1500, 1600).build())
                    .withMessage("safety: co2_ceiling.release_ppm = 1600 is outside [0, 1500]");
        }

        @Test
        void rolesNameKnownActuatorsOnceEach() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.heating("uBoil", "uPipe").build())
                    .withMessage("safety: heating names uPipe, which is not an actuator (actuators: uBoil, uBoilGro,"
                            + " uRoof, uThScr, uBlScr, uLamp, uIntLamp, uExtCo2)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.heating("uBoil").vents("uRoof", "uBoil").build())
                    .withMessage("safety: uBoil is in both heating and vents; an actuator has at most one role");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.heating("uBoil", "uBoil").vents("uRoof").build())
                    .withMessage("safety: heating names uBoil twice");
        }

        @Test
        void emptyRolesAreAllowedAndDisableTheirGuardsActions() {
            SafetyConfig c = d.heating().vents().co2Dosing().build();
            assertThat(c.heating()).isEmpty();
            SafetyLayer l = new SafetyLayer(c);
            double[] out = new double[8];
            SafetyResult r = l.apply(new double[] {40, 99, 5000}, new double[] {1, 1, 0, 0, 0, 0, 0, 1}, 1, out);
            assertThat(out).containsExactly(1, 1, 0, 0, 0, 0, 0, 1);
            assertThat(r.tickReasons())
                    .isEqualTo(ReasonCode.mask(
                            ReasonCode.OVER_TEMPERATURE, ReasonCode.HUMIDITY_GUARD, ReasonCode.CO2_CEILING));
        }

        @Test
        void everyPartMustBeGiven() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.builder().build())
                    .withMessage("safety: actuators is missing (at least one actuator)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() ->
                            SafetyConfig.builder().actuator(roof().build()).build())
                    .withMessage("safety: heating is missing (names of the heating actuators, possibly none)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.builder()
                            .actuator(roof().build())
                            .heating()
                            .vents("uRoof")
                            .co2Dosing()
                            .build())
                    .withMessage("safety: over_temperature.trip_c is missing (°C)");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.builder()
                            .actuator(roof().build())
                            .actuator(roof().build())
                            .build())
                    .withMessage("safety: actuator uRoof is given twice");
        }

        @Test
        void replaceKeepsThePositionAndRefusesUnknownNames() {
            SafetyConfig c = d.replace(roof().build()).build();
            assertThat(c.actuators().get(RuleBasedClimateController.U_ROOF).maxRatePerS())
                    .isEqualTo(0.01);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> d.replace(ActuatorLimits.continuous("uFan", "-")
                            .range(0, 1)
                            .noRateLimit()
                            .build()))
                    .withMessageStartingWith("safety: cannot replace uFan, which is not an actuator");
        }
    }

    @Nested
    class PropertiesFiles {

        private static Properties parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        }

        private static String defaultsText() {
            return SafetyConfig.greenhouseDefaults().toPropertiesText();
        }

        @Test
        void defaultsSurviveTheRoundTrip() throws IOException {
            SafetyConfig back = SafetyConfig.fromProperties(parse(defaultsText()));
            assertThat(back).isEqualTo(SafetyConfig.greenhouseDefaults());
            assertThat(back.hashCode())
                    .isEqualTo(SafetyConfig.greenhouseDefaults().hashCode());
            assertThat(defaultsText())
                    .contains("uRoof.max_rate_per_s = 0.0033333333333333335\n")
                    .contains("uExtCo2.max_rate_per_s = none\n")
                    .contains("uLamp.kind = on_off\n")
                    .contains("co2_ceiling.trip_ppm = 1500\n");
        }

        @Test
        void loadsAUtf8File(@TempDir Path dir) throws IOException {
            String text = """
                    # a small site: one heating valve, one vent, top-lights, CO2
                    actuators = uBoil, uRoof, uLamp, uExtCo2
                    uBoil.kind = continuous
                    uBoil.unit = -
                    uBoil.min = 0
                    uBoil.max = 1
                    uBoil.max_rate_per_s = 0.01
                    uRoof.kind = continuous
                    uRoof.unit = -
                    uRoof.min = 0
                    uRoof.max = 1
                    uRoof.max_rate_per_s = 0.005
                    uRoof.fallback = 0.05
                    uLamp.kind = on_off
                    uLamp.unit = -
                    uLamp.min = 0
                    uLamp.max = 1
                    uLamp.on_threshold = 0.5
                    uLamp.off_threshold = 0.5
                    uLamp.min_on_s = 1800
                    uLamp.min_off_s = 1800
                    uExtCo2.kind = continuous
                    uExtCo2.unit = -
                    uExtCo2.min = 0
                    uExtCo2.max = 1
                    uExtCo2.max_rate_per_s = none
                    heating = uBoil
                    vents = uRoof
                    co2_dosing = uExtCo2
                    over_temperature.trip_c = 32
                    over_temperature.release_c = 30
                    frost_guard.trip_c = 4
                    frost_guard.release_c = 6
                    frost_guard.heating_min = 0.8
                    humidity_guard.trip_pct = 95
                    humidity_guard.release_pct = 92.5
                    humidity_guard.vent_min = 0.05
                    co2_ceiling.trip_ppm = 2000
                    co2_ceiling.release_ppm = 1800
                    """;
            Path file = dir.resolve("safety.properties");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            SafetyConfig c = SafetyConfig.load(file);
            assertThat(c.actuators())
                    .extracting(ActuatorLimits::name)
                    .containsExactly("uBoil", "uRoof", "uLamp", "uExtCo2");
            assertThat(c.actuators().get(1).fallback()).isEqualTo(0.05);
            assertThat(c.actuators().get(2).minOnS()).isEqualTo(1800);
            assertThat(c.humidityReleasePct()).isEqualTo(92.5);
            assertThat(c.frostHeatingMin()).isEqualTo(0.8);
            assertThat(SafetyConfig.fromProperties(parse(c.toPropertiesText()))).isEqualTo(c);
        }

        @Test
        void invalidValuesInAFileNameTheirKey() throws IOException {
            String bad = defaultsText()
                    .replace("uRoof.max_rate_per_s = 0.0033333333333333335", "uRoof.max_rate_per_s = -0.1");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(bad)))
                    .withMessage("safety: uRoof.max_rate_per_s = -0.1 is outside [0, inf)");
        }

        @Test
        void unknownKeysAreRejected() throws IOException {
            String typo = defaultsText() + "uRoof.max_rate_per_sec = 0.01\nfrost.trip_c = 3\n";
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(typo)))
                    .withMessageStartingWith("safety: unknown key frost.trip_c, uRoof.max_rate_per_sec");
            String lampFallback = defaultsText() + "uLamp.fallback = 0\n";
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(lampFallback)))
                    .withMessageStartingWith("safety: unknown key uLamp.fallback");
        }

        @Test
        void missingKeysAndBadNumbersAreNamed() throws IOException {
            String noCo2 = defaultsText().replace("co2_ceiling.release_ppm = 1400\n", "");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(noCo2)))
                    .withMessage("safety: co2_ceiling.release_ppm is missing (see SafetyConfig for the file format)");
            String word = defaultsText().replace("uBoil.max = 1\n", "uBoil.max = one\n");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(word)))
                    .withMessage("safety: uBoil.max = one is not a number");
            String kind = defaultsText().replace("uLamp.kind = on_off", "uLamp.kind = switch");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> SafetyConfig.fromProperties(parse(kind)))
                    .withMessage("safety: uLamp.kind = switch is not one of continuous, on_off");
        }
    }
}
