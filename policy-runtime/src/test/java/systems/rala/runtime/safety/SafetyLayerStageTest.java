package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_EXT_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_ROOF;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.tick.ControlTick;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.MessageIds;

/** The safety layer as the control tick's safety stage. */
class SafetyLayerStageTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final double NOON = 12 * 3600;

    private final SafetyLayerStage stage = new SafetyLayerStage(new SafetyLayer(SafetyConfig.greenhouseDefaults()));
    private final List<Point> commands = RuleBasedClimateController.COMMAND_POINTS;
    private final ControlInput readings = new ControlInput(RuleBasedClimateController.READING_POINTS);
    private final double[] safe = new double[8];

    private List<String> apply(long nowMillis, double airC, double co2, double[] raw) {
        double[] v = readings.values();
        v[RuleBasedClimateController.AIR_TEMPERATURE] = airC;
        v[RuleBasedClimateController.AIR_RELATIVE_HUMIDITY] = 70;
        v[RuleBasedClimateController.AIR_CO2] = co2;
        List<String> interventions = new ArrayList<>();
        stage.apply(nowMillis, commands, readings, raw, safe, interventions);
        return interventions;
    }

    @Test
    void elapsedTimeComesFromTheTicksClock() {
        double[] raw = {0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(apply(T0, 20, 800, raw)).isEmpty();
        raw[U_ROOF] = 1;
        // 60 s later: uRoof may move 60/300 = 0.2
        assertThat(apply(T0 + 60_000, 20, 800, raw)).containsExactly("rate_limited:uRoof");
        assertThat(safe[U_ROOF]).isCloseTo(0.2, within(1e-15));
        assertThat(stage.lastResult().elapsedS()).isEqualTo(60.0);
        // the clock steps back: no movement allowed
        assertThat(apply(T0 + 30_000, 20, 800, raw)).containsExactly("rate_limited:uRoof");
        assertThat(safe[U_ROOF]).isCloseTo(0.2, within(1e-15));
        assertThat(ReasonCode.INVALID_INTERVAL.in(stage.lastResult().tickReasons()))
                .isTrue();
    }

    @Test
    void interventionsListEveryReasonOfEveryChangedCommandOnly() {
        double[] raw = {0.2, 0.2, 0.1, 0.5, 0, 0, 0, Double.NaN};
        // 36 °C: vents open, heating off; CO2 reading missing: dosing off (also a NaN command)
        List<String> interventions = apply(T0, 36, Double.NaN, raw);
        assertThat(interventions)
                .containsExactly(
                        "over_temperature:uBoil",
                        "over_temperature:uBoilGro",
                        "over_temperature:uRoof",
                        "non_finite_command:uExtCo2",
                        "reading_unavailable:uExtCo2");
        assertThat(safe[U_ROOF]).isEqualTo(1.0);
        assertThat(safe[U_BOIL]).isEqualTo(0.0);
        assertThat(safe[U_EXT_CO2]).isEqualTo(0.0);
        // a missing temperature is recorded on the heating and vents, but changes nothing: no intervention
        assertThat(apply(T0 + 1000, Double.NaN, 800, new double[] {0, 0, 1, 0.5, 0, 0, 0, 0}))
                .isEmpty();
        assertThat(stage.lastResult().has(U_ROOF, ReasonCode.READING_UNAVAILABLE))
                .isTrue();
    }

    @Test
    void aCommandListThatIsNotTheConfigurationsIsRefused() {
        List<Point> other = List.of(new Point("uRoof", "-", "", 0, 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> stage.apply(T0, other, readings, new double[1], new double[1], new ArrayList<>()))
                .withMessageStartingWith("safety: actuators do not match the commands:");
    }

    @Test
    void controlTickSendsSafeCommandsAndItsAuditRecordCarriesTheCodes() {
        ReadingStore store = new ReadingStore();
        ControlTick tick = ControlTick.builder(store).safety(stage).build();
        store.put("air_temperature", 20, "°C", T0);
        store.put("air_relative_humidity", 70, "%", T0);
        store.put("air_co2", 600, "ppm", T0);
        store.put("outdoor_temperature", 5, "°C", T0);
        store.put("outdoor_global_radiation", 300, "W/m2", T0);
        store.put("outdoor_daily_radiation_sum", 5, "MJ/m2", T0);
        tick.setManual(new double[] {0, 0, 0, 0, 0, 0, 0, 0});
        tick.requestMode(ControlMode.MANUAL);
        tick.tick(T0, NOON, 15);

        // the operator throws the vents and the CO2 valve fully open a minute later, in a CO2-rich house
        store.put("air_co2", 1600, "ppm", T0 + 60_000);
        tick.setManual(new double[] {0, 0, 1, 0, 0, 0, 0, 1});
        TickRecord r = tick.tick(T0 + 60_000, NOON + 60, 15);

        assertThat(r.commands().get("uRoof")).isEqualTo(1.0);
        assertThat(r.safeCommands().get("uRoof")).isCloseTo(0.2, within(1e-15));
        assertThat(r.safeCommands().get("uExtCo2")).isEqualTo(0.0);
        assertThat(r.interventions()).containsExactly("rate_limited:uRoof", "co2_ceiling:uExtCo2");
        AuditRecord audit = r.toWire(MessageIds.newId(), "gw-1", Instant.ofEpochMilli(T0 + 60_100));
        assertThat(audit.interventions()).containsExactly("rate_limited:uRoof", "co2_ceiling:uExtCo2");
    }
}
