package systems.rala.service.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a gateway event's text is matched to an announced version, and how set-points are bounded. */
class RolloutsTest {

    @Test
    void anEventNamesAVersionOnlyAsAWholeWord() {
        assertThat(Rollouts.names("climate-v3: content hash mismatch", "climate-v3"))
                .isTrue();
        assertThat(Rollouts.names("loaded climate-v3.", "climate-v3")).isTrue();
        assertThat(Rollouts.names("refused (climate-v3)", "climate-v3")).isTrue();
        // a longer version, a version of a longer name, a dotted continuation
        assertThat(Rollouts.names("climate-v30 loaded", "climate-v3")).isFalse();
        assertThat(Rollouts.names("old-climate-v3 loaded", "climate-v3")).isFalse();
        assertThat(Rollouts.names("climate-v3.1 loaded", "climate-v3")).isFalse();
        // the version is quoted, not a pattern: '.' in a name matches only '.'
        assertThat(Rollouts.names("tomato-avb-v1 loaded", "tomato.a.b-v1")).isFalse();
        assertThat(Rollouts.names("tomato.a.b-v1 loaded", "tomato.a.b-v1")).isTrue();
    }

    @Test
    void setPointsCarryThePolicyRuntimesUnitsAndBounds() {
        // PolicyActuation.SETPOINT_MIN/MAX: heating 10..25 °C, ventilation 15..35 °C, CO2 400..1600 ppm, lamps 0..1
        assertThat(SetPoints.find("heating_setpoint").orElseThrow())
                .isEqualTo(new SetPoints.SetPoint("heating_setpoint", "°C", 10, 25, "heating"));
        assertThat(SetPoints.find("ventilation_setpoint").orElseThrow().max()).isEqualTo(35);
        assertThat(SetPoints.find("co2_setpoint").orElseThrow().min()).isEqualTo(400);
        assertThat(SetPoints.find("lamps").orElseThrow().unit()).isEqualTo("-");
        // RuleBasedSettings: rhMax 0..100 %, co2SpDay from 0 (no dosing)
        assertThat(SetPoints.find("rhMax").orElseThrow().max()).isEqualTo(100);
        assertThat(SetPoints.find("co2SpDay").orElseThrow().min()).isZero();
        assertThat(SetPoints.find("uRoof")).isEmpty();
        assertThat(SetPoints.allowed()).startsWith("tSpDay (°C, 10..25), tSpNight (°C, 10..25), rhMax (%, 0..100)");
    }
}
