package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RuleBasedSettingsTest {

    @Test
    void katzin2021MatchesGreenLightsK21Column() {
        // notes/greenlight/params.md §7, column K21 (GreenLight v2 extension_greenhouse_katzin_2021_vanthoor_2011.json)
        RuleBasedSettings s = RuleBasedSettings.katzin2021();
        assertThat(s.tSpDay()).isEqualTo(19.5);
        assertThat(s.tSpNight()).isEqualTo(18.5);
        assertThat(s.heatCorrection()).isEqualTo(0.0);
        assertThat(s.tHeatBand()).isEqualTo(-1.0);
        assertThat(s.heatDeadZone()).isEqualTo(5.0);
        assertThat(s.ventHeatPband()).isEqualTo(4.0);
        assertThat(s.rhMax()).isEqualTo(87.0);
        assertThat(s.ventRhPband()).isEqualTo(50.0);
        assertThat(s.tVentOff()).isEqualTo(1.0);
        assertThat(s.ventColdPband()).isEqualTo(-1.0);
        assertThat(s.thScrSpDay()).isEqualTo(5.0);
        assertThat(s.thScrSpNight()).isEqualTo(10.0);
        assertThat(s.thScrPband()).isEqualTo(-1.0);
        assertThat(s.thScrMaxRh()).isEqualTo(-2.0);
        assertThat(s.thScrRhPband()).isEqualTo(10.0);
        assertThat(s.thScrDeadZone()).isEqualTo(4.0);
        assertThat(s.useBlScr()).isFalse();
        assertThat(s.blScrExtraRh()).isEqualTo(100.0);
        assertThat(s.lampTimeOn()).isEqualTo(0.0);
        assertThat(s.lampTimeOff()).isEqualTo(18.0);
        assertThat(s.dayLampStart()).isEqualTo(-1.0);
        assertThat(s.dayLampStop()).isEqualTo(400.0);
        assertThat(s.lampsOffSun()).isEqualTo(400.0);
        assertThat(s.lampRadSumLimit()).isEqualTo(10.0);
        assertThat(s.lampExtraHeat()).isEqualTo(100.0);
        assertThat(s.co2SpDay()).isEqualTo(1000.0);
        assertThat(s.co2Band()).isEqualTo(-100.0);
    }

    @Test
    void builderStartsFromKatzin2021AndToBuilderChangesOnlyWhatIsSet() {
        assertThat(RuleBasedSettings.builder().build().toString())
                .isEqualTo(RuleBasedSettings.katzin2021().toString());
        RuleBasedSettings warmer = RuleBasedSettings.katzin2021().toBuilder()
                .tSpDay(20.5)
                .useBlScr(true)
                .build();
        assertThat(warmer.tSpDay()).isEqualTo(20.5);
        assertThat(warmer.useBlScr()).isTrue();
        assertThat(warmer.toString())
                .isEqualTo(RuleBasedSettings.katzin2021()
                        .toString()
                        .replace("tSpDay=19.5", "tSpDay=20.5")
                        .replace("useBlScr=false", "useBlScr=true"));
        assertThat(RuleBasedSettings.katzin2021().tSpDay()).isEqualTo(19.5);
    }

    @Test
    void limitsOfTheRangesAreAccepted() {
        RuleBasedSettings s = RuleBasedSettings.builder()
                .lampTimeOn(24)
                .lampTimeOff(0)
                .rhMax(100)
                .thScrMaxRh(-100)
                .tHeatBand(-10)
                .ventRhPband(100)
                .co2SpDay(0)
                .build();
        assertThat(s.lampTimeOn()).isEqualTo(24);
        assertThat(s.lampTimeOff()).isEqualTo(0);
        assertThat(s.rhMax()).isEqualTo(100);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad("tSpDay", b -> b.tSpDay(Double.NaN), "tSpDay = NaN is not a finite number", "[0, 40] °C"),
                bad("tSpNight", b -> b.tSpNight(Double.POSITIVE_INFINITY), "tSpNight = Infinity", "[0, 40] °C"),
                bad("tHeatBand", b -> b.tHeatBand(0), "tHeatBand = 0 °C is outside", "[-10, 0) °C"),
                bad("tHeatBand", b -> b.tHeatBand(1), "tHeatBand = 1 °C is outside", "[-10, 0) °C"),
                bad("ventHeatPband", b -> b.ventHeatPband(0), "ventHeatPband = 0 °C", "(0, 20] °C"),
                bad("ventRhPband", b -> b.ventRhPband(-5), "ventRhPband = -5 %", "(0, 100] %"),
                bad("ventColdPband", b -> b.ventColdPband(0), "ventColdPband = 0 °C", "[-10, 0) °C"),
                bad("thScrPband", b -> b.thScrPband(0.5), "thScrPband = 0.5 °C", "[-10, 0) °C"),
                bad("thScrRhPband", b -> b.thScrRhPband(0), "thScrRhPband = 0 %", "(0, 100] %"),
                bad("co2Band", b -> b.co2Band(100), "co2Band = 100 ppm", "[-1000, 0) ppm"),
                bad("rhMax", b -> b.rhMax(101), "rhMax = 101 %", "[0, 100] %"),
                bad("rhMax", b -> b.rhMax(-0.5), "rhMax = -0.5 %", "[0, 100] %"),
                bad("lampTimeOn", b -> b.lampTimeOn(25), "lampTimeOn = 25 h", "[0, 24] h"),
                bad("lampTimeOff", b -> b.lampTimeOff(-1), "lampTimeOff = -1 h", "[0, 24] h"),
                bad("lampsOffSun", b -> b.lampsOffSun(-1), "lampsOffSun = -1 W/m2", "[0, 1500] W/m2"),
                bad(
                        "lampRadSumLimit",
                        b -> b.lampRadSumLimit(Double.NaN),
                        "lampRadSumLimit = NaN",
                        "[0, 50] MJ/m2/day"),
                bad("co2SpDay", b -> b.co2SpDay(6000), "co2SpDay = 6000 ppm", "[0, 5000] ppm"),
                bad("heatDeadZone", b -> b.heatDeadZone(-1), "heatDeadZone = -1 °C", "[0, 20] °C"),
                bad("dayLampStop", b -> b.dayLampStop(401), "dayLampStop = 401 day of year", "[-1, 400]"));
    }

    private static Arguments bad(
            String field, UnaryOperator<RuleBasedSettings.Builder> set, String value, String range) {
        return Arguments.of(field, set, value, range);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("invalid")
    void invalidValuesFailAtBuildNamingFieldValueAndRange(
            String field, UnaryOperator<RuleBasedSettings.Builder> set, String value, String range) {
        RuleBasedSettings.Builder b = set.apply(RuleBasedSettings.builder());
        assertThatIllegalArgumentException()
                .isThrownBy(b::build)
                .withMessageStartingWith("rule-based settings: " + field + " = ")
                .withMessageContaining(value)
                .withMessageContaining(range);
    }

    @Test
    void aPBandOfTheWrongSignSaysWhichWayItMustPoint() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RuleBasedSettings.builder().tHeatBand(1).build())
                .withMessage("rule-based settings: tHeatBand = 1 °C is outside the allowed range [-10, 0) °C"
                        + " (a P-band whose action grows as the value falls)");
    }
}
