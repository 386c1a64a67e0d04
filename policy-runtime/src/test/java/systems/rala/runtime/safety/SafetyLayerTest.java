package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL_GRO;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_EXT_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_INT_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_ROOF;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_TH_SCR;
import static systems.rala.runtime.safety.ReasonCode.ABOVE_MAX;
import static systems.rala.runtime.safety.ReasonCode.BELOW_MIN;
import static systems.rala.runtime.safety.ReasonCode.CO2_CEILING;
import static systems.rala.runtime.safety.ReasonCode.FROST_GUARD;
import static systems.rala.runtime.safety.ReasonCode.HUMIDITY_GUARD;
import static systems.rala.runtime.safety.ReasonCode.HYSTERESIS;
import static systems.rala.runtime.safety.ReasonCode.INVALID_INTERVAL;
import static systems.rala.runtime.safety.ReasonCode.MIN_OFF_TIME;
import static systems.rala.runtime.safety.ReasonCode.MIN_ON_TIME;
import static systems.rala.runtime.safety.ReasonCode.NON_FINITE_COMMAND;
import static systems.rala.runtime.safety.ReasonCode.OVER_TEMPERATURE;
import static systems.rala.runtime.safety.ReasonCode.RATE_LIMITED;
import static systems.rala.runtime.safety.ReasonCode.READING_UNAVAILABLE;

import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.rules.RuleBasedClimateController;

/**
 * Each rule of the safety layer on {@link SafetyConfig#greenhouseDefaults()}, with expected values worked out by hand
 * from the defaults: uBoil and uBoilGro at most 1/120 per s, uRoof, uThScr and uBlScr 1/300 per s, uLamp on at ≥ 0.6 and
 * off below 0.4 with 600 s minimum on and 900 s minimum off, uIntLamp the same thresholds with 60 s, uExtCo2 unlimited;
 * over-temperature 35/33 °C, frost 5/7 °C with heating ≥ 1, humidity 95/90 % with vents ≥ 0.1, CO2 1,500/1,400 ppm.
 */
class SafetyLayerTest {

    /** Readings that trip no guard: 20 °C, 70 %, 800 ppm. */
    private static final double[] CALM = {20, 70, 800};

    private final SafetyLayer layer = new SafetyLayer(SafetyConfig.greenhouseDefaults());
    private final double[] out = new double[8];

    /** Commands within every bound and threshold: lamps exactly off or on. */
    private static double[] raw() {
        return new double[] {0.2, 0.2, 0.1, 0.5, 0, 0, 1, 0.3};
    }

    private static double[] with(double[] base, int i, double v) {
        double[] c = base.clone();
        c[i] = v;
        return c;
    }

    private SafetyResult tick(double[] readings, double[] raw, double dt) {
        return layer.apply(readings, raw, dt, out);
    }

    @Test
    void safeCommandsPassUnchangedWithoutReasons() {
        double[] raw = raw();
        SafetyResult r = tick(CALM, raw, 300);
        assertThat(out).containsExactly(raw);
        for (int i = 0; i < 8; i++) {
            assertThat(r.reasons(i)).as(r.actuator(i)).isZero();
            assertThat(r.intervened(i)).isFalse();
            assertThat(r.raw(i)).isEqualTo(raw[i]);
            assertThat(r.safe(i)).isEqualTo(raw[i]);
        }
        assertThat(r.tickReasons()).isZero();
        assertThat(r.anyIntervention()).isFalse();
        assertThat(r.elapsedS()).isEqualTo(300);
    }

    @Test
    void readingIndicesAreThoseOfTheRuleBasedController() {
        assertThat(SafetyLayer.AIR_TEMPERATURE).isEqualTo(RuleBasedClimateController.AIR_TEMPERATURE);
        assertThat(SafetyLayer.AIR_RELATIVE_HUMIDITY).isEqualTo(RuleBasedClimateController.AIR_RELATIVE_HUMIDITY);
        assertThat(SafetyLayer.AIR_CO2).isEqualTo(RuleBasedClimateController.AIR_CO2);
        for (int i = 0; i < layer.readings().size(); i++) {
            assertThat(layer.readings().get(i).name())
                    .isEqualTo(
                            new RuleBasedClimateController().readings().get(i).name());
        }
        assertThat(layer.actuators())
                .extracting(p -> p.name())
                .containsExactly("uBoil", "uBoilGro", "uRoof", "uThScr", "uBlScr", "uLamp", "uIntLamp", "uExtCo2");
    }

    @Nested
    class HardBounds {

        @Test
        void clampsBelowMinAndAboveMax() {
            double[] raw = raw();
            raw[U_BOIL] = 1.5;
            raw[U_ROOF] = -0.2;
            raw[U_TH_SCR] = 1e300;
            raw[U_EXT_CO2] = -Double.MAX_VALUE;
            SafetyResult r = tick(CALM, raw, 300);
            assertThat(out[U_BOIL]).isEqualTo(1.0);
            assertThat(r.reasons(U_BOIL)).isEqualTo(ABOVE_MAX.bit());
            assertThat(out[U_ROOF]).isEqualTo(0.0);
            assertThat(r.reasons(U_ROOF)).isEqualTo(BELOW_MIN.bit());
            assertThat(out[U_TH_SCR]).isEqualTo(1.0);
            assertThat(r.has(U_TH_SCR, ABOVE_MAX)).isTrue();
            assertThat(out[U_EXT_CO2]).isEqualTo(0.0);
            assertThat(r.has(U_EXT_CO2, BELOW_MIN)).isTrue();
            assertThat(r.reasons(U_BOIL_GRO)).isZero();
        }

        @Test
        void onOffActuatorAboveMaxIsOnWithTheBoundReason() {
            SafetyResult r = tick(CALM, with(raw(), U_LAMP, 7), 300);
            assertThat(out[U_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_LAMP)).isEqualTo(ABOVE_MAX.bit());
        }
    }

    @Nested
    class NonFiniteCommands {

        @Test
        void firstTickFallsBackToMinimumThenHoldsTheLastOutput() {
            SafetyResult r = tick(CALM, with(raw(), U_ROOF, Double.NaN), 300);
            assertThat(out[U_ROOF]).isEqualTo(0.0); // fall-back = min
            assertThat(r.reasons(U_ROOF)).isEqualTo(NON_FINITE_COMMAND.bit());
            assertThat(r.intervened(U_ROOF)).isTrue();

            tick(CALM, with(raw(), U_ROOF, 0.4), 300); // 300 s × 1/300 per s: the whole way
            assertThat(out[U_ROOF]).isEqualTo(0.4);
            r = tick(CALM, with(raw(), U_ROOF, Double.POSITIVE_INFINITY), 300);
            assertThat(out[U_ROOF]).isEqualTo(0.4);
            assertThat(r.reasons(U_ROOF)).isEqualTo(NON_FINITE_COMMAND.bit());
            r = tick(CALM, with(raw(), U_ROOF, Double.NEGATIVE_INFINITY), 300);
            assertThat(out[U_ROOF]).isEqualTo(0.4);
        }

        @Test
        void configuredFallBackIsUsedBeforeTheFirstOutput() {
            SafetyConfig c = SafetyConfig.greenhouseDefaults().toBuilder()
                    .replace(ActuatorLimits.continuous("uThScr", "-")
                            .range(0, 1)
                            .maxRatePerS(1.0 / 300)
                            .fallback(1)
                            .build())
                    .build();
            SafetyLayer l = new SafetyLayer(c);
            l.apply(CALM, with(raw(), U_TH_SCR, Double.NaN), 300, out);
            assertThat(out[U_TH_SCR]).isEqualTo(1.0);
        }

        @Test
        void onOffActuatorHoldsItsStateAndStartsOff() {
            tick(CALM, with(raw(), U_INT_LAMP, Double.NaN), 300);
            assertThat(out[U_INT_LAMP]).isEqualTo(0.0);
            tick(CALM, with(raw(), U_INT_LAMP, 1), 300);
            assertThat(out[U_INT_LAMP]).isEqualTo(1.0);
            SafetyResult r = tick(CALM, with(raw(), U_INT_LAMP, Double.NaN), 300);
            assertThat(out[U_INT_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_INT_LAMP)).isEqualTo(NON_FINITE_COMMAND.bit());
        }

        @Test
        void negativeZeroIsSentAsZero() {
            SafetyResult r = tick(CALM, with(raw(), U_ROOF, -0.0), 300);
            assertThat(Double.doubleToRawLongBits(out[U_ROOF])).isEqualTo(Double.doubleToRawLongBits(0.0));
            assertThat(r.reasons(U_ROOF)).isZero();
        }
    }

    @Nested
    class RateLimits {

        @Test
        void stepIsCutToRateTimesElapsedTime() {
            tick(CALM, with(raw(), U_ROOF, 0), 300);
            // 60 s × 1/300 per s = 0.2
            SafetyResult r = tick(CALM, with(raw(), U_ROOF, 1), 60);
            assertThat(out[U_ROOF]).isCloseTo(0.2, within(1e-15));
            assertThat(r.reasons(U_ROOF)).isEqualTo(RATE_LIMITED.bit());
            // 30 s later, down again: 0.2 − 0.1
            r = tick(CALM, with(raw(), U_ROOF, 0), 30);
            assertThat(out[U_ROOF]).isCloseTo(0.1, within(1e-15));
            assertThat(r.has(U_ROOF, RATE_LIMITED)).isTrue();
            // within the allowance: passes (0.1 + 60/300 = 0.3 ≥ 0.25)
            r = tick(CALM, with(raw(), U_ROOF, 0.25), 60);
            assertThat(out[U_ROOF]).isEqualTo(0.25);
            assertThat(r.reasons(U_ROOF)).isZero();
        }

        @Test
        void boilerValveMovesHalfItsStrokeInAMinute() {
            tick(CALM, with(raw(), U_BOIL, 0), 300);
            tick(CALM, with(raw(), U_BOIL, 1), 60); // 60 s × 1/120 per s
            assertThat(out[U_BOIL]).isCloseTo(0.5, within(1e-15));
        }

        @Test
        void firstTickIsNotRateLimited() {
            SafetyResult r = tick(CALM, with(raw(), U_ROOF, 1), 1);
            assertThat(out[U_ROOF]).isEqualTo(1.0);
            assertThat(r.reasons(U_ROOF)).isZero();
        }

        @Test
        void unlimitedActuatorJumps() {
            tick(CALM, with(raw(), U_EXT_CO2, 0), 300);
            SafetyResult r = tick(CALM, with(raw(), U_EXT_CO2, 1), 0.001);
            assertThat(out[U_EXT_CO2]).isEqualTo(1.0);
            assertThat(r.reasons(U_EXT_CO2)).isZero();
        }

        @Test
        void invalidElapsedTimeCountsAsZero() {
            tick(CALM, with(raw(), U_ROOF, 0.5), 300);
            for (double dt : new double[] {Double.NaN, -1, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                SafetyResult r = tick(CALM, with(raw(), U_ROOF, 1), dt);
                assertThat(out[U_ROOF]).as("dt %s", dt).isEqualTo(0.5);
                assertThat(r.has(U_ROOF, RATE_LIMITED)).isTrue();
                assertThat(r.tickReasons()).isEqualTo(INVALID_INTERVAL.bit());
                assertThat(r.elapsedS()).isZero();
            }
        }
    }

    @Nested
    class OnOffActuators {

        @Test
        void hysteresisSwitchesOnAtTheOnThresholdAndOffBelowTheOffThreshold() {
            // uIntLamp: on at ≥ 0.6, off below 0.4, 60 s minimum times; 100-s ticks never hit them.
            SafetyResult r = tick(CALM, with(raw(), U_INT_LAMP, 0), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(0.0);
            r = tick(CALM, with(raw(), U_INT_LAMP, 0.59), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(0.0);
            assertThat(r.reasons(U_INT_LAMP)).isEqualTo(HYSTERESIS.bit());
            r = tick(CALM, with(raw(), U_INT_LAMP, 0.6), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_INT_LAMP)).isEqualTo(HYSTERESIS.bit()); // 0.6 sent as 1
            r = tick(CALM, with(raw(), U_INT_LAMP, 0.4), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(1.0);
            r = tick(CALM, with(raw(), U_INT_LAMP, 1), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_INT_LAMP)).isZero();
            r = tick(CALM, with(raw(), U_INT_LAMP, 0.3999), 100);
            assertThat(out[U_INT_LAMP]).isEqualTo(0.0);
            assertThat(r.reasons(U_INT_LAMP)).isEqualTo(HYSTERESIS.bit());
        }

        @Test
        void minimumOnAndOffTimesHoldTheState() {
            // uLamp: 600 s on, 900 s off.
            tick(CALM, with(raw(), U_LAMP, 1), 300); // on at t = 0
            SafetyResult r = tick(CALM, with(raw(), U_LAMP, 0), 300); // 300 s on < 600
            assertThat(out[U_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_LAMP)).isEqualTo(MIN_ON_TIME.bit());
            r = tick(CALM, with(raw(), U_LAMP, 0), 300); // 600 s: may switch off
            assertThat(out[U_LAMP]).isEqualTo(0.0);
            assertThat(r.reasons(U_LAMP)).isZero();
            r = tick(CALM, with(raw(), U_LAMP, 1), 600); // 600 s off < 900
            assertThat(out[U_LAMP]).isEqualTo(0.0);
            assertThat(r.reasons(U_LAMP)).isEqualTo(MIN_OFF_TIME.bit());
            r = tick(CALM, with(raw(), U_LAMP, 1), 299); // 899 s
            assertThat(out[U_LAMP]).isEqualTo(0.0);
            r = tick(CALM, with(raw(), U_LAMP, 1), 1); // 900 s
            assertThat(out[U_LAMP]).isEqualTo(1.0);
            assertThat(r.reasons(U_LAMP)).isZero();
        }

        @Test
        void firstTickStartsTheTimers() {
            tick(CALM, with(raw(), U_LAMP, 0), 300); // off at t = 0
            SafetyResult r = tick(CALM, with(raw(), U_LAMP, 1), 300);
            assertThat(out[U_LAMP]).isEqualTo(0.0);
            assertThat(r.has(U_LAMP, MIN_OFF_TIME)).isTrue();
        }

        @Test
        void aHysteresisCutAndAMinimumTimeAreBothRecorded() {
            tick(CALM, with(raw(), U_LAMP, 1), 300);
            SafetyResult r = tick(CALM, with(raw(), U_LAMP, 0.1), 60);
            assertThat(out[U_LAMP]).isEqualTo(1.0);
            assertThat(ReasonCode.decode(r.reasons(U_LAMP))).containsExactly(HYSTERESIS, MIN_ON_TIME);
        }
    }

    @Nested
    class Guards {

        @Test
        void overTemperatureOpensVentsAndStopsHeatingAtOnceUntilBelowRelease() {
            double[] raw = raw(); // uRoof 0.1, uBoil 0.2
            tick(CALM, raw, 300);
            SafetyResult r = tick(new double[] {35.1, 70, 800}, raw, 10);
            assertThat(out[U_ROOF]).isEqualTo(1.0); // beyond the rate limit: 0.1 + 10/300
            assertThat(r.reasons(U_ROOF)).isEqualTo(OVER_TEMPERATURE.bit());
            assertThat(out[U_BOIL]).isEqualTo(0.0);
            assertThat(out[U_BOIL_GRO]).isEqualTo(0.0);
            assertThat(r.has(U_BOIL, OVER_TEMPERATURE)).isTrue();
            assertThat(r.reasons(U_TH_SCR)).isZero();
            assertThat(r.tickReasons()).isEqualTo(OVER_TEMPERATURE.bit());

            r = tick(new double[] {33.0, 70, 800}, raw, 10); // 33 is not below the release value
            assertThat(out[U_ROOF]).isEqualTo(1.0);
            r = tick(new double[] {32.9, 70, 800}, raw, 30); // released: vents close at the rate limit
            assertThat(r.tickReasons()).isZero();
            assertThat(out[U_ROOF]).isCloseTo(0.9, within(1e-15));
            assertThat(r.reasons(U_ROOF)).isEqualTo(RATE_LIMITED.bit());
            assertThat(out[U_BOIL]).isCloseTo(0.2, within(1e-15)); // 30/120 = 0.25 ≥ 0.2
        }

        @Test
        void overTemperatureDoesNotTripAtTheLimitItself() {
            SafetyResult r = tick(new double[] {35.0, 70, 800}, raw(), 300);
            assertThat(r.tickReasons()).isZero();
            assertThat(out[U_ROOF]).isEqualTo(0.1);
        }

        @Test
        void frostGuardHeatsFullyAndClosesVentsAndBeatsTheHumidityGuard() {
            double[] raw = with(raw(), U_ROOF, 0.5);
            tick(CALM, raw, 300);
            SafetyResult r = tick(new double[] {4.9, 99, 800}, raw, 1);
            assertThat(out[U_BOIL]).isEqualTo(1.0);
            assertThat(out[U_BOIL_GRO]).isEqualTo(1.0);
            assertThat(r.reasons(U_BOIL)).isEqualTo(FROST_GUARD.bit()); // 0.2 → 1 in 1 s
            assertThat(out[U_ROOF]).isEqualTo(0.0);
            assertThat(r.has(U_ROOF, FROST_GUARD)).isTrue();
            assertThat(r.tickReasons()).isEqualTo(ReasonCode.mask(FROST_GUARD, HUMIDITY_GUARD));

            tick(new double[] {7.0, 70, 800}, raw, 1); // not above release
            assertThat(out[U_BOIL]).isEqualTo(1.0);
            r = tick(new double[] {7.1, 70, 800}, raw, 1);
            assertThat(r.tickReasons()).isZero();
            assertThat(out[U_BOIL]).isCloseTo(1.0 - 1.0 / 120, within(1e-15));
        }

        @Test
        void humidityGuardOpensAGapButLeavesWiderOpeningsAlone() {
            tick(CALM, with(raw(), U_ROOF, 0), 300);
            SafetyResult r = tick(new double[] {20, 95.5, 800}, with(raw(), U_ROOF, 0), 1);
            assertThat(out[U_ROOF]).isEqualTo(0.1);
            assertThat(r.reasons(U_ROOF)).isEqualTo(HUMIDITY_GUARD.bit());
            r = tick(new double[] {20, 91, 800}, with(raw(), U_ROOF, 0.3), 300);
            assertThat(out[U_ROOF]).isEqualTo(0.3);
            assertThat(r.reasons(U_ROOF)).isZero();
            assertThat(r.tickReasons()).isEqualTo(HUMIDITY_GUARD.bit());
            r = tick(new double[] {20, 89.9, 800}, with(raw(), U_ROOF, 0), 300);
            assertThat(out[U_ROOF]).isEqualTo(0.0);
            assertThat(r.tickReasons()).isZero();
        }

        @Test
        void co2CeilingStopsDosingUntilBelowRelease() {
            double[] raw = with(raw(), U_EXT_CO2, 1);
            SafetyResult r = tick(new double[] {20, 70, 1500.5}, raw, 300);
            assertThat(out[U_EXT_CO2]).isEqualTo(0.0);
            assertThat(r.reasons(U_EXT_CO2)).isEqualTo(CO2_CEILING.bit());
            tick(new double[] {20, 70, 1400}, raw, 300);
            assertThat(out[U_EXT_CO2]).isEqualTo(0.0);
            r = tick(new double[] {20, 70, 1399}, raw, 300);
            assertThat(out[U_EXT_CO2]).isEqualTo(1.0);
            assertThat(r.reasons(U_EXT_CO2)).isZero();
        }

        @Test
        void guardOverridesTheMinimumTimesOfAnOnOffActuator() {
            // An on/off boiler with long minimum times: frost switches it on during its minimum off time.
            SafetyConfig c = SafetyConfig.greenhouseDefaults().toBuilder()
                    .replace(ActuatorLimits.onOff("uBoil", "-")
                            .range(0, 1)
                            .thresholds(0.5, 0.5)
                            .minOnS(3600)
                            .minOffS(3600)
                            .build())
                    .build();
            SafetyLayer l = new SafetyLayer(c);
            double[] raw = with(raw(), U_BOIL, 0);
            l.apply(CALM, raw, 300, out);
            SafetyResult r = l.apply(new double[] {3, 70, 800}, raw, 300, out);
            assertThat(out[U_BOIL]).isEqualTo(1.0);
            assertThat(r.reasons(U_BOIL)).isEqualTo(FROST_GUARD.bit());
            // released, the boiler now keeps its minimum on time from the forced switch
            r = l.apply(CALM, raw, 300, out);
            assertThat(out[U_BOIL]).isEqualTo(1.0);
            assertThat(r.reasons(U_BOIL)).isEqualTo(MIN_ON_TIME.bit());
        }
    }

    @Nested
    class MissingReadings {

        @Test
        void missingCo2StopsDosing() {
            for (double co2 : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1, 10_001}) {
                SafetyResult r = tick(new double[] {20, 70, co2}, with(raw(), U_EXT_CO2, 1), 300);
                assertThat(out[U_EXT_CO2]).as("CO2 %s", co2).isEqualTo(0.0);
                assertThat(r.reasons(U_EXT_CO2)).isEqualTo(READING_UNAVAILABLE.bit());
                assertThat(r.unavailableReadings()).isEqualTo(1 << SafetyLayer.AIR_CO2);
                assertThat(r.tickReasons()).isEqualTo(READING_UNAVAILABLE.bit());
            }
        }

        @Test
        void missingTemperatureKeepsTheGuardsLastState() {
            double[] raw = raw();
            tick(new double[] {36, 70, 800}, raw, 300);
            assertThat(out[U_ROOF]).isEqualTo(1.0);
            for (double t : new double[] {Double.NaN, Double.NEGATIVE_INFINITY, 80.5, -273.15}) {
                SafetyResult r = tick(new double[] {t, 70, 800}, raw, 300);
                assertThat(out[U_ROOF]).as("T %s", t).isEqualTo(1.0);
                assertThat(r.reasons(U_ROOF)).isEqualTo(ReasonCode.mask(OVER_TEMPERATURE, READING_UNAVAILABLE));
                assertThat(r.reasons(U_BOIL)).isEqualTo(ReasonCode.mask(OVER_TEMPERATURE, READING_UNAVAILABLE));
                assertThat(r.tickReasons()).isEqualTo(ReasonCode.mask(OVER_TEMPERATURE, READING_UNAVAILABLE));
            }
            SafetyResult r = tick(CALM, raw, 300);
            assertThat(r.tickReasons()).isZero();
        }

        @Test
        void missingTemperatureWithoutTrippedGuardChangesNothingButIsRecorded() {
            SafetyResult r = tick(new double[] {Double.NaN, 70, 800}, raw(), 300);
            assertThat(out).containsExactly(raw());
            assertThat(r.reasons(U_ROOF)).isEqualTo(READING_UNAVAILABLE.bit());
            assertThat(r.reasons(U_BOIL)).isEqualTo(READING_UNAVAILABLE.bit());
            assertThat(r.reasons(U_TH_SCR)).isZero();
            assertThat(r.unavailableReadings()).isEqualTo(1 << SafetyLayer.AIR_TEMPERATURE);
        }

        @Test
        void missingHumidityFlagsTheVentsOnly() {
            SafetyResult r = tick(new double[] {20, 100.1, 800}, raw(), 300);
            assertThat(r.reasons(U_ROOF)).isEqualTo(READING_UNAVAILABLE.bit());
            assertThat(r.reasons(U_BOIL)).isZero();
        }
    }

    @Nested
    class LifeCycle {

        @Test
        void resetForgetsPreviousOutputsAndGuards() {
            tick(new double[] {36, 70, 800}, with(raw(), U_ROOF, 0), 300);
            layer.reset();
            assertThat(layer.result().safe(U_ROOF)).isNaN();
            SafetyResult r = tick(CALM, with(raw(), U_ROOF, 0.7), 1);
            assertThat(out[U_ROOF]).isEqualTo(0.7); // not rate-limited from 1, not over-temperature
            assertThat(r.reasons(U_ROOF)).isZero();
        }

        @Test
        void restoreRateLimitsFromTheLastCommandsAndRestartsTheTimers() {
            double[] last = {0.5, 0.5, 0.2, 1, 0, 1, 0, 0};
            layer.restore(last);
            double[] raw = {0.5, 0.5, 1, 1, 0, 0, 0, 0};
            SafetyResult r = tick(CALM, raw, 30);
            assertThat(out[U_ROOF]).isCloseTo(0.3, within(1e-15)); // 0.2 + 30/300
            assertThat(r.has(U_ROOF, RATE_LIMITED)).isTrue();
            assertThat(out[U_LAMP]).isEqualTo(1.0); // on for only 30 s since restore
            assertThat(r.has(U_LAMP, MIN_ON_TIME)).isTrue();
        }

        @Test
        void restoreRejectsValuesOutsideTheBounds() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> layer.restore(new double[] {0, 0, 1.5, 0, 0, 0, 0, 0}))
                    .withMessage("safety: restore uRoof = 1.5 is outside [0, 1]");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> layer.restore(new double[] {0, 0, 0, 0, 0, 0, 0, Double.NaN}))
                    .withMessage("safety: restore uExtCo2 = NaN is outside [0, 1]");
        }

        @Test
        void outMayBeTheRawArray() {
            tick(CALM, raw(), 300);
            double[] raw = with(raw(), U_ROOF, 1);
            SafetyResult r = layer.apply(CALM, raw, 30, raw);
            assertThat(raw[U_ROOF]).isCloseTo(0.2, within(1e-15));
            assertThat(r.raw(U_ROOF)).isEqualTo(1.0);
        }

        @Test
        void arraysTooShortAreRejected() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> layer.apply(new double[2], raw(), 1, out))
                    .withMessage("safety: expected 3 readings, got 2");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> layer.apply(CALM, new double[7], 1, out))
                    .withMessage("safety: expected 8 commands, got raw 7 and room for 8");
        }

        @Test
        void auditRecordReadsBackAsText() {
            SafetyResult r = tick(new double[] {36, 70, 800}, with(raw(), U_BOIL, Double.NaN), 300);
            assertThat(ReasonCode.decode(r.reasons(U_BOIL))).isEqualTo(Set.of(NON_FINITE_COMMAND));
            assertThat(r.toString())
                    .contains("uBoil: raw NaN -> safe 0.0 [NON_FINITE_COMMAND]")
                    .contains("uRoof: raw 0.1 -> safe 1.0 [OVER_TEMPERATURE]")
                    .contains("uBlScr: raw 0.0 -> safe 0.0\n");
        }
    }

    /** The defaults never fight the rule-based controller on a normal day at 300-s steps. */
    @Test
    void defaultsLeaveTheRuleBasedControllerAloneOnANormalDay() {
        RuleBasedClimateController c = new RuleBasedClimateController();
        ControlInput in = new ControlInput(c.readings());
        double[] raw = new double[8];
        double[] v = in.values();
        int interventions = 0;
        // From 00:30, so that the lamps (on from 00:05) are past their minimum off time counted from the first tick.
        for (int step = 6; step < 6 + 288; step++) {
            double h = (step % 288) / 12.0;
            double sun = Math.max(0, Math.sin(Math.PI * (h - 6) / 12));
            v[RuleBasedClimateController.AIR_TEMPERATURE] = 17 + 10 * sun;
            v[RuleBasedClimateController.AIR_RELATIVE_HUMIDITY] = 85 - 20 * sun;
            v[RuleBasedClimateController.AIR_CO2] = 700 + 300 * (1 - sun);
            v[RuleBasedClimateController.OUTDOOR_TEMPERATURE] = 8 + 6 * sun;
            v[RuleBasedClimateController.OUTDOOR_GLOBAL_RADIATION] = 500 * sun;
            v[RuleBasedClimateController.OUTDOOR_DAILY_RADIATION_SUM] = 8;
            in.setClock((step % 288) * 300.0, step < 288 ? 100 : 101);
            c.decide(in, raw);
            SafetyResult r = layer.apply(v, raw, 300, out);
            if (r.anyIntervention()) {
                interventions++;
            }
            assertThat(out).as("step %d: %s", step, r).containsExactly(raw);
        }
        assertThat(interventions).isZero();
    }
}
