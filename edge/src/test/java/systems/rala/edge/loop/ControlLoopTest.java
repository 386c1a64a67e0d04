package systems.rala.edge.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.FakeDriver;
import systems.rala.edge.RecordingUplink;
import systems.rala.edge.TestSites;
import systems.rala.edge.bus.FieldBusDriver;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.tick.FallbackSupervisor;
import systems.rala.runtime.tick.TickRecord;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;

/**
 * The control loop's own logic over in-memory devices, on the site clock point so that a test moves time: five
 * minutes per tick, the rule-based controller's step.
 */
class ControlLoopTest {

    /** 2030-01-15T00:00Z, a winter night (01:00 local standard time at +01:00). */
    static final long T0 = 1_894_665_600L;

    @TempDir
    Path dir;

    FakeDriver plc = new FakeDriver("plc");
    FakeDriver weather = new FakeDriver("weather");
    RecordingUplink up = new RecordingUplink();
    GatewayConfig config;
    ControlLoop loop;
    long clock = T0;

    @BeforeEach
    void site() throws Exception {
        config = TestSites.gateway(dir, TestSites.Ports.free(), """
                { "tick": "1s", "tickBudget": "500ms", "policyBudget": "100ms", "clockPoint": "site_clock",
                  "timezone": "+01:00", "maxAge": "10m", "stableTicks": 3 }
                """, null);
        // a cold night: air below the night heating set-point of 18.5 °C
        plc.values.putAll(Map.of(
                "air_temperature", 15.0,
                "air_relative_humidity", 80.0,
                "air_co2", 600.0,
                "canopy_temperature", 15.5,
                "pipe_temperature", 30.0,
                "air_vpd", 0.3,
                "site_clock", (double) T0));
        weather.values.putAll(Map.of(
                "outdoor_temperature", 2.0,
                "outdoor_relative_humidity", 90.0,
                "outdoor_global_radiation", 0.0,
                "outdoor_wind_speed", 3.0,
                "outdoor_daily_radiation_sum", 1.5));
        // the actuators read back what they were last written; the start-up state until then
        for (String a : List.of("uBoil", "uBoilGro", "uRoof", "uExtCo2", "uLamp", "uIntLamp")) {
            plc.values.put(a, 0.0);
        }
        weather.values.put("uThScr", 0.0);
        weather.values.put("uBlScr", 0.0);
        loop = new ControlLoop(config, Map.<String, FieldBusDriver>of("plc", plc, "weather", weather), up);
    }

    @AfterEach
    void close() {
        loop.close();
    }

    /** Points whose value moves a little every tick, as live sensors do (else they go stale after 30 min). */
    java.util.Set<String> live =
            new java.util.HashSet<>(List.of("air_temperature", "air_relative_humidity", "air_co2"));

    /** One tick, five minutes of site time after the previous one. */
    TickRecord tick() {
        TickRecord r = loop.tickOnce();
        clock += 300;
        plc.values.put("site_clock", (double) clock);
        double wiggle = (clock / 300) % 2 == 0 ? 0.01 : -0.01;
        for (String p : live) {
            plc.values.computeIfPresent(p, (k, v) -> Double.isFinite(v) ? v + wiggle : v);
        }
        return r;
    }

    String lastWrite(String point) {
        List<String> w =
                plc.writes.stream().filter(s -> s.startsWith(point + "=")).toList();
        if (w.isEmpty()) {
            w = weather.writes.stream().filter(s -> s.startsWith(point + "=")).toList();
        }
        return w.get(w.size() - 1);
    }

    @Test
    void startUpPutsEveryOutputInItsStartUpState() {
        plc.values.put("uRoof", 55.0);
        loop.writeStartup();
        assertThat(plc.writes)
                .contains("uBoil=0.0", "uBoilGro=0.0", "uRoof=0.0", "uExtCo2=0.0", "uLamp=0.0", "uIntLamp=0.0");
        assertThat(weather.writes).contains("uThScr=0.0", "uBlScr=0.0");
        assertThat(up.eventCodes()).containsExactly("startup");
        plc.failing.put("uRoof", "device busy");
        loop.writeStartup();
        assertThat(up.events.get(1).code()).isEqualTo("startup_write_failed");
        assertThat(up.events.get(1).text()).contains("uRoof: device busy");
    }

    @Test
    void withoutAPolicyTheRuleBasedControllerActsThroughTheSafetyLayer() {
        TickRecord first = tick();
        assertThat(first.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(first.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_NOT_LOADED);
        // the rule-based controller opens the boiler fully at 15 °C (3.5 K below 18.5 °C, band 1 K) ...
        assertThat(first.commands().get("uBoil")).isGreaterThan(0.99);
        // ... but the safety layer continues from the start-up value 0 and the first tick has no elapsed time
        assertThat(first.safeCommands().get("uBoil")).isEqualTo(0.0);
        assertThat(first.interventions()).contains("rate_limited:uBoil");
        TickRecord second = tick();
        // 300 s later the valve may move 300/120 of its stroke: fully open
        assertThat(second.safeCommands().get("uBoil")).isGreaterThan(0.99);
        assertThat(Double.parseDouble(lastWrite("uBoil").substring("uBoil=".length())))
                .isGreaterThan(0.99);
        // commands are written in the points' units: uRoof is in per cent on this site
        assertThat(Double.parseDouble(lastWrite("uRoof").substring("uRoof=".length())))
                .isLessThan(1e-6);
        // the tick ran on the site clock: 01:05 local standard time
        assertThat(second.tickAt()).isEqualTo(Instant.ofEpochSecond(T0 + 300));
        // telemetry: every telemetry point, good
        assertThat(up.telemetry).hasSize(2);
        List<Reading> readings = up.telemetry.get(1).readings();
        assertThat(readings)
                .extracting(Reading::point)
                .contains("air_temperature", "outdoor_wind_speed")
                .doesNotContain("site_clock", "uRoof");
        assertThat(readings).allSatisfy(r -> assertThat(r.quality()).isEqualTo(Quality.GOOD));
        assertThat(up.audit).hasSize(2);
        assertThat(up.audit.get(1).safeAction().get("uBoil")).isGreaterThan(0.99);
    }

    @Test
    void garbageReadingsAreBadAndNotActedOn() {
        tick();
        plc.values.put("air_temperature", 150.0); // beyond the point's 60 °C
        weather.values.put("outdoor_temperature", Double.NaN);
        weather.failing.put("outdoor_wind_speed", "timed out");
        TickRecord r = tick();
        assertThat(r.readings().get("air_temperature")).isNaN();
        assertThat(r.readings().get("outdoor_temperature")).isNaN();
        live.remove("air_temperature");
        Map<String, Reading> sent = new HashMap<>();
        up.telemetry.get(1).readings().forEach(x -> sent.put(x.point(), x));
        assertThat(sent.get("air_temperature").quality()).isEqualTo(Quality.BAD);
        assertThat(sent.get("air_temperature").value()).isCloseTo(150.0, org.assertj.core.data.Offset.offset(0.02));
        assertThat(sent.get("outdoor_temperature").quality()).isEqualTo(Quality.BAD);
        assertThat(sent.get("outdoor_temperature").value()).isNaN();
        assertThat(sent.get("outdoor_wind_speed").quality()).isEqualTo(Quality.BAD);
        assertThat(sent.get("air_co2").quality()).isEqualTo(Quality.GOOD);
        assertThat(up.events)
                .filteredOn(e -> e.code().equals("reading_bad"))
                .extracting(e -> e.point())
                .containsExactlyInAnyOrder("air_temperature", "outdoor_temperature", "outdoor_wind_speed");
        // the safety layer sees no air temperature: its guards hold, the boiler follows the controller's last
        // finite value, and nothing is decided on 150 °C (which would trip the over-temperature guard)
        assertThat(r.interventions()).noneMatch(i -> i.startsWith("over_temperature"));
        plc.values.put("air_temperature", 15.0);
        tick();
        assertThat(up.eventCodes()).contains("reading_good");
    }

    @Test
    void aFrozenSensorGoesBadAfterItsStaleTime() {
        live.remove("air_co2");
        // air_co2 is stale after 30 minutes unchanged: six ticks of five minutes
        for (int i = 0; i < 6; i++) {
            tick();
        }
        assertThat(up.events).noneMatch(e -> e.code().equals("reading_bad"));
        TickRecord r = tick(); // 30 minutes since the value was first seen
        assertThat(r.readings().get("air_co2")).isNaN();
        assertThat(up.events)
                .filteredOn(e -> e.code().equals("reading_bad"))
                .singleElement()
                .satisfies(e -> assertThat(e.text()).contains("air_co2: unchanged at 600.0 ppm for 30 min"));
        plc.values.put("air_co2", 601.0);
        assertThat(tick().readings().get("air_co2")).isEqualTo(601.0);
        assertThat(up.eventCodes()).endsWith("reading_good");
    }

    @Test
    void aPolicyActsWhileItsReadingsAreGood_andTheFallBackTakesOverWhenTheyAreNot() throws Exception {
        loop.swapPolicy(OnnxPolicy.load(Path.of("src/test/resources/policies/direct-a.onnx")), "direct-a");
        TickRecord first = tick();
        assertThat(first.mode())
                .as(first.fallbackReason() + " " + first.problems())
                .isEqualTo(ControlMode.POLICY);
        // the fixture's constant action (policies/README.md): uBoil 0.25, uRoof 0.5, uExtCo2 0
        assertThat(first.rawAction()).containsEntry("uBoil", 0.25).containsEntry("uRoof", 0.5);
        tick();
        assertThat(lastWrite("uRoof")).isEqualTo("uRoof=50.0"); // 0.5 of the vent in per cent
        assertThat(lastWrite("uBoil")).isEqualTo("uBoil=0.25");
        plc.failing.put("air_temperature", "timed out");
        // a failed read stores nothing: the last value ages until it is stale (10 min) -> fall-back
        tick();
        tick();
        TickRecord stale = tick();
        assertThat(stale.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(stale.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.READINGS_UNUSABLE);
        assertThat(up.eventCodes()).contains("fallback_entered");
        plc.failing.clear();
        assertThat(tick().mode()).isEqualTo(ControlMode.FALLBACK); // recovering: 1 of 3
        assertThat(tick().mode()).isEqualTo(ControlMode.FALLBACK); // 2 of 3
        assertThat(tick().mode()).isEqualTo(ControlMode.POLICY);
        assertThat(up.eventCodes()).containsSubsequence("fallback_entered", "policy_acting");
    }

    @Test
    void aPolicyThatOverrunsItsBudgetIsReplacedByTheFallBackAtOnce() throws Exception {
        OnnxPolicy real = OnnxPolicy.load(Path.of("src/test/resources/policies/direct-a.onnx"));
        DecisionPolicy slow = new DecisionPolicy() {
            @Override
            public PolicyManifest manifest() {
                return real.manifest();
            }

            @Override
            public void act(double[] observation, double[] action) {
                try {
                    Thread.sleep(400);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                real.act(observation, action);
            }
        };
        loop.swapPolicy(slow, "slow");
        TickRecord r = tick();
        assertThat(r.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(r.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_FAILED);
        assertThat(r.problems()).singleElement().asString().contains("longer than its budget of 100 ms");
        // while the late decision is still running, the next tick does not wait for it
        TickRecord next = tick();
        assertThat(next.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_FAILED);
        real.close();
    }

    @Test
    void aTickThatOverrunsItsBudgetHandsTheNextDecisionToTheFallBack() throws Exception {
        loop.swapPolicy(OnnxPolicy.load(Path.of("src/test/resources/policies/direct-a.onnx")), "direct-a");
        assertThat(tick().mode()).isEqualTo(ControlMode.POLICY);
        plc.readDelayMillis = 700; // the bus is slow: the tick takes longer than its 500 ms budget
        tick();
        assertThat(up.eventCodes()).contains("tick_overrun");
        assertThat(loop.overruns()).isEqualTo(1);
        plc.readDelayMillis = 0;
        TickRecord after = tick();
        assertThat(after.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(after.problems()).singleElement().asString().contains("more than its budget of 500 ms");
    }

    static Command command(Command.Action action, String target, double value, String unit, ControlMode mode) {
        Instant now = Instant.now();
        return new Command(
                MessageIds.newId(),
                "gw-test",
                now,
                now.plusSeconds(600),
                "user:alice",
                action,
                target,
                value,
                unit,
                mode);
    }

    @Test
    void commandsChangeSetPointsOverridesAndModes_andSurviveARestart() throws Exception {
        Instant now = Instant.now();
        ControlLoop.Outcome sp = loop.execute(command(Command.Action.SETPOINT, "tSpNight", 20.5, "°C", null), now);
        assertThat(sp.state()).isEqualTo(Acknowledgement.State.APPLIED);
        assertThat(loop.ruleSettings().tSpNight()).isEqualTo(20.5);
        assertThat(loop.execute(command(Command.Action.SETPOINT, "tSpNight", 293.65, "K", null), now)
                        .state())
                .isEqualTo(Acknowledgement.State.APPLIED);
        assertThat(loop.ruleSettings().tSpNight()).isCloseTo(20.5, org.assertj.core.data.Offset.offset(1e-9));
        ControlLoop.Outcome tooHot = loop.execute(command(Command.Action.SETPOINT, "tSpNight", 60, "°C", null), now);
        assertThat(tooHot.state()).isEqualTo(Acknowledgement.State.REJECTED);
        assertThat(tooHot.reason()).contains("tSpNight").contains("60");
        assertThat(loop.execute(command(Command.Action.SETPOINT, "nonsense", 1, "°C", null), now)
                        .reason())
                .contains("tSpDay");

        tick();
        ControlLoop.Outcome ov = loop.execute(command(Command.Action.OVERRIDE, "uRoof", 40, "%", null), now);
        assertThat(ov.state()).isEqualTo(Acknowledgement.State.APPLIED);
        TickRecord held = tick();
        assertThat(held.interventions()).contains("operator_override:uRoof");
        assertThat(held.safeCommands().get("uRoof")).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lastWrite("uRoof")).startsWith("uRoof=40.0");
        assertThat(loop.execute(command(Command.Action.OVERRIDE, "uRoof", 150, "%", null), now)
                        .reason())
                .contains("outside [0.0, 100.0]");
        assertThat(loop.execute(command(Command.Action.OVERRIDE, "uSide", 0.5, "-", null), now)
                        .reason())
                .contains("no actuator uSide");
        assertThat(loop.execute(command(Command.Action.MODE, null, Double.NaN, null, ControlMode.FALLBACK), now)
                        .state())
                .isEqualTo(Acknowledgement.State.REJECTED);
        assertThat(loop.execute(command(Command.Action.MODE, null, Double.NaN, null, ControlMode.ADVISORY), now)
                        .reason())
                .contains("needs a policy");
        Command old = new Command(
                MessageIds.newId(),
                "gw-test",
                now.minusSeconds(900),
                now.minusSeconds(1),
                "user:alice",
                Command.Action.RELEASE,
                "uRoof",
                Double.NaN,
                null,
                null);
        assertThat(loop.execute(old, now).state()).isEqualTo(Acknowledgement.State.EXPIRED);

        // a restart keeps the set-point and the override
        loop.close();
        loop = new ControlLoop(config, Map.<String, FieldBusDriver>of("plc", plc, "weather", weather), up);
        assertThat(loop.ruleSettings().tSpNight()).isCloseTo(20.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(tick().interventions()).contains("operator_override:uRoof");
        assertThat(loop.execute(command(Command.Action.RELEASE, "uRoof", Double.NaN, null, null), now)
                        .state())
                .isEqualTo(Acknowledgement.State.APPLIED);
        assertThat(tick().interventions()).doesNotContain("operator_override:uRoof");
        assertThat(loop.execute(command(Command.Action.RELEASE, "uRoof", Double.NaN, null, null), now)
                        .reason())
                .contains("not overridden");

        assertThat(loop.execute(command(Command.Action.MODE, null, Double.NaN, null, ControlMode.MANUAL), now)
                        .state())
                .isEqualTo(Acknowledgement.State.APPLIED);
        assertThat(tick().mode()).isEqualTo(ControlMode.MANUAL);
    }
}
