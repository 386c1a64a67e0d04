package systems.rala.runtime.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.observation.ReadingStore;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.wire.ControlMode;

class ControlTickTest {

    private static final long T0 = 1_800_000_000_000L;
    private static final double NOON = 12 * 3600;

    private static final List<Point> OBS = List.of(
            new Point("air_temperature", "C", "", -10, 50),
            new Point("air_co2", "ppm", "", 0, 3000),
            new Point("last_uBoil", "-", "", 0, 1));
    private static final List<Point> DIRECT =
            List.of(new Point("uBoil", "-", "", 0, 1), new Point("uRoof", "-", "", 0, 1));

    /** A policy that heats fully and opens the vents a quarter, or throws / returns NaN when told to. */
    private static final class FakePolicy implements DecisionPolicy {
        String failure;
        double uBoil = 1;
        int calls;
        double[] lastObservation;

        @Override
        public PolicyManifest manifest() {
            return new PolicyManifest(
                    PolicyManifest.VERSION, "Test-v0", "", OBS, DIRECT, "none", "run", 1, "abc", "hash-1");
        }

        @Override
        public void act(double[] observation, double[] action) {
            calls++;
            lastObservation = observation.clone();
            if ("throw".equals(failure)) {
                throw new IllegalStateException("ONNX Runtime failed");
            }
            action[0] = "nan".equals(failure) ? Double.NaN : uBoil;
            action[1] = 0.25;
        }
    }

    private static void climate(ReadingStore s, long t, double airC) {
        s.put("air_temperature", airC, "°C", t);
        s.put("air_relative_humidity", 70, "%", t);
        s.put("air_co2", 600, "ppm", t);
        s.put("outdoor_temperature", 5, "°C", t);
        s.put("outdoor_global_radiation", 300, "W/m2", t);
        s.put("outdoor_daily_radiation_sum", 5, "MJ/m2", t);
    }

    /** The rule-based controller's own commands on the same readings, for comparison. */
    private static double[] ruleBased(double airC) {
        RuleBasedClimateController c = new RuleBasedClimateController();
        ControlInput in = new ControlInput(c.readings());
        double[] v = in.values();
        v[0] = airC;
        v[1] = 70;
        v[2] = 600;
        v[3] = 5;
        v[4] = 300;
        v[5] = 5;
        in.setClock(NOON, 15);
        double[] out = new double[c.commands().size()];
        c.decide(in, out);
        return out;
    }

    @Test
    void withoutAPolicyTheRuleBasedControllerActs() {
        ReadingStore store = new ReadingStore();
        ControlTick tick = ControlTick.builder(store).safety(SafetyStage.NONE).build();
        climate(store, T0, 18);
        TickRecord r = tick.tick(T0, NOON, 15);
        assertThat(r.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(r.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_NOT_LOADED);
        assertThat(tick.safeCommands()).containsExactly(ruleBased(18));
        assertThat(r.rawAction()).isEmpty();
        assertThat(r.policyVersion()).isNull();
    }

    @Test
    void aHealthyPolicyActsThroughItsActuation() {
        ReadingStore store = new ReadingStore();
        FakePolicy p = new FakePolicy();
        ControlTick tick =
                ControlTick.builder(store).policy(p).safety(SafetyStage.NONE).build();
        climate(store, T0, 18);

        TickRecord r = tick.tick(T0, NOON, 15);

        assertThat(r.mode()).isEqualTo(ControlMode.POLICY);
        assertThat(r.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.NONE);
        assertThat(r.rawAction()).containsEntry("uBoil", 1.0).containsEntry("uRoof", 0.25);
        assertThat(r.safeCommands())
                .containsEntry("uBoil", 1.0)
                .containsEntry("uRoof", 0.25)
                .containsEntry("uLamp", 0.0);
        assertThat(r.policyVersion()).isEqualTo("hash-1");
        assertThat(p.lastObservation).containsExactly(18, 600, 0); // no previous action yet
        // the audit record goes over the wire and comes back equal
        systems.rala.runtime.wire.AuditRecord wire =
                r.toWire(systems.rala.runtime.wire.MessageIds.newId(), "gw-1", r.tickAt());
        assertThat(wire.inputs()).containsEntry("air_temperature", 18.0).containsEntry("last_uBoil", 0.0);
        assertThat(wire.safeAction()).isEqualTo(r.safeCommands());
        try {
            assertThat(systems.rala.runtime.wire.WireCodec.decode(systems.rala.runtime.wire.WireCodec.encode(wire)))
                    .isEqualTo(wire);
        } catch (systems.rala.runtime.wire.WireFormatException e) {
            throw new AssertionError(e);
        }
        tick.tick(T0 + 60_000, NOON + 60, 15);
        assertThat(p.lastObservation[2]).isEqualTo(1.0); // last_uBoil: the previous action
    }

    @Test
    void staleReadingsHandOverAtOnceAndControlReturnsAfterAStablePeriod() {
        ReadingStore store = new ReadingStore();
        FakePolicy p = new FakePolicy();
        ControlTick tick = ControlTick.builder(store)
                .policy(p)
                .safety(SafetyStage.NONE)
                .stableTicks(3)
                .build();
        climate(store, T0, 18);
        assertThat(tick.tick(T0, NOON, 15).mode()).isEqualTo(ControlMode.POLICY);

        // ten minutes later nothing new has arrived: the 5-minute maximum age is exceeded
        TickRecord stale = tick.tick(T0 + 600_000, NOON + 600, 15);
        assertThat(stale.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(stale.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.READINGS_UNUSABLE);
        assertThat(stale.problems()).containsExactly("air_temperature STALE (age 600 s)", "air_co2 STALE (age 600 s)");
        assertThat(stale.safeCommands().get("uBoil")).isEqualTo(ruleBased(18)[0]);

        for (int k = 1; k <= 3; k++) {
            long t = T0 + 600_000 + k * 60_000L;
            climate(store, t, 18);
            TickRecord r = tick.tick(t, NOON + 600 + k * 60, 15);
            if (k < 3) {
                assertThat(r.mode()).as("tick %d after recovery", k).isEqualTo(ControlMode.FALLBACK);
                assertThat(r.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.RECOVERING);
                assertThat(r.rawAction()).isNotEmpty(); // the policy runs, but does not act yet
            } else {
                assertThat(r.mode()).isEqualTo(ControlMode.POLICY);
            }
        }
    }

    @Test
    void aFailingPolicyOrOneFarOutsideItsTrainingRangeGivesWayToTheFallBack() {
        ReadingStore store = new ReadingStore();
        FakePolicy p = new FakePolicy();
        ControlTick tick = ControlTick.builder(store)
                .policy(p)
                .safety(SafetyStage.NONE)
                .stableTicks(1)
                .build();
        climate(store, T0, 18);

        p.failure = "throw";
        TickRecord thrown = tick.tick(T0, NOON, 15);
        assertThat(thrown.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(thrown.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_FAILED);
        assertThat(thrown.problems()).containsExactly("the policy failed: ONNX Runtime failed");

        p.failure = "nan";
        assertThat(tick.tick(T0, NOON, 15).fallbackReason()).isEqualTo(FallbackSupervisor.Reason.POLICY_FAILED);

        p.failure = null;
        climate(store, T0, 70); // 70 °C: beyond the policy's -10..50 °C by more than 10 % of the range
        TickRecord hot = tick.tick(T0, NOON, 15);
        assertThat(hot.fallbackReason()).isEqualTo(FallbackSupervisor.Reason.OUT_OF_TRAINING_RANGE);
        assertThat(hot.problems()).containsExactly("air_temperature OUT_OF_RANGE");
        assertThat(hot.safeCommands().get("uBoil")).isLessThan(1e-9); // the rule-based controller: no heating at 70 °C

        climate(store, T0, 18);
        assertThat(tick.tick(T0, NOON, 15).mode()).isEqualTo(ControlMode.POLICY);
    }

    @Test
    void advisoryRecordsThePolicyWhileTheRuleBasedControllerActsAndManualActsAsTold() {
        ReadingStore store = new ReadingStore();
        FakePolicy p = new FakePolicy();
        p.uBoil = 0.9;
        ControlTick tick =
                ControlTick.builder(store).policy(p).safety(SafetyStage.NONE).build();
        climate(store, T0, 18);

        tick.requestMode(ControlMode.ADVISORY);
        TickRecord advisory = tick.tick(T0, NOON, 15);
        assertThat(advisory.mode()).isEqualTo(ControlMode.ADVISORY);
        assertThat(advisory.rawAction()).containsEntry("uBoil", 0.9);
        assertThat(tick.safeCommands()).containsExactly(ruleBased(18));

        assertThatThrownBy(() -> tick.requestMode(ControlMode.FALLBACK))
                .hasMessageContaining("entered by the tick itself, not requested");
        double[] manual = new double[tick.commandPoints().size()];
        manual[RuleBasedClimateController.U_ROOF] = 0.5;
        tick.setManual(manual);
        tick.requestMode(ControlMode.MANUAL);
        TickRecord m = tick.tick(T0, NOON, 15);
        assertThat(m.mode()).isEqualTo(ControlMode.MANUAL);
        assertThat(m.safeCommands()).containsEntry("uRoof", 0.5).containsEntry("uBoil", 0.0);
        manual[0] = 1.5;
        assertThatThrownBy(() -> tick.setManual(manual))
                .hasMessageContaining("manual command uBoil = 1.5 is outside [0.0, 1.0]");
    }

    @Test
    void aPolicyTheSiteCannotFeedIsRefusedAndTheOldOneStays() {
        ReadingStore store = new ReadingStore();
        FakePolicy p = new FakePolicy();
        ControlTick tick =
                ControlTick.builder(store).policy(p).safety(SafetyStage.NONE).build();
        DecisionPolicy needsPar = new DecisionPolicy() {
            @Override
            public PolicyManifest manifest() {
                return new PolicyManifest(
                        PolicyManifest.VERSION,
                        "Test-v0",
                        "",
                        List.of(new Point("canopy_par", "umol/m2/s", "", 0, 2000)),
                        DIRECT,
                        "none",
                        "r2",
                        2,
                        "abc",
                        "hash-2");
            }

            @Override
            public void act(double[] observation, double[] action) {}
        };
        assertThatThrownBy(() -> tick.load(needsPar)).hasMessageContaining("canopy_par [umol/m2/s]: no reading");
        assertThat(tick.policy()).isSameAs(p);
        assertThatThrownBy(() -> ControlTick.builder(store).build()).hasMessageContaining("needs a safety stage");
    }
}
