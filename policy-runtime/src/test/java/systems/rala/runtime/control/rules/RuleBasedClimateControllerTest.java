package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_RELATIVE_HUMIDITY;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.AIR_TEMPERATURE;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_DAILY_RADIATION_SUM;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_GLOBAL_RADIATION;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.OUTDOOR_TEMPERATURE;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BL_SCR;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL_GRO;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_EXT_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_INT_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_ROOF;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_TH_SCR;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.Point;

/**
 * The rules of controls.md (GreenLight v2, Katzin 2021 settings unless stated). Expected values follow by hand from the
 * rule definitions there and from the P-band property of GreenLight's sigmoid: 1/101 of the action at the set-point,
 * 1/2 at set-point + band/2, 100/101 at set-point + band.
 */
class RuleBasedClimateControllerTest {

    private static final double ONE_PCT = 1.0 / 101.0;
    private static final double NINETY_NINE_PCT = 100.0 / 101.0;

    private final RuleBasedClimateController k21 = new RuleBasedClimateController();

    private static RuleBasedClimateController with(RuleBasedSettings.Builder b) {
        return new RuleBasedClimateController(b.build());
    }

    @Test
    void readingsAndCommandsAreTheAgreedPointsInOrder() {
        assertThat(k21.readings())
                .extracting(Point::name, Point::unit)
                .containsExactly(
                        Tuple.tuple("air_temperature", "°C"),
                        Tuple.tuple("air_relative_humidity", "%"),
                        Tuple.tuple("air_co2", "ppm"),
                        Tuple.tuple("outdoor_temperature", "°C"),
                        Tuple.tuple("outdoor_global_radiation", "W/m2"),
                        Tuple.tuple("outdoor_daily_radiation_sum", "MJ/m2"));
        assertThat(List.of(
                        AIR_TEMPERATURE,
                        AIR_RELATIVE_HUMIDITY,
                        AIR_CO2,
                        OUTDOOR_TEMPERATURE,
                        OUTDOOR_GLOBAL_RADIATION,
                        OUTDOOR_DAILY_RADIATION_SUM))
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(k21.commands())
                .extracting(Point::name)
                .containsExactly("uBoil", "uBoilGro", "uRoof", "uThScr", "uBlScr", "uLamp", "uIntLamp", "uExtCo2");
        assertThat(List.of(U_BOIL, U_BOIL_GRO, U_ROOF, U_TH_SCR, U_BL_SCR, U_LAMP, U_INT_LAMP, U_EXT_CO2))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(k21.commands()).allSatisfy(p -> {
            assertThat(p.unit()).isEqualTo("-");
            assertThat(p.min()).isEqualTo(0.0);
            assertThat(p.max()).isEqualTo(1.0);
        });
    }

    @Nested
    class LampWindowAndLightPeriod {

        /** controls.md §3–§4, lamps 00:00–18:00, dark outside, day sum 2 MJ/m2. */
        @ParameterizedTest(name = "{0} h: lampNoCons {1}, smoothLamp {2}, heatSetPoint {3}")
        @CsvSource({
            "0.0, 0, 1, 19.5", // strict window: off at exactly 00:00, but smoothLamp is already 1
            "0.000277778, 1, 1, 19.5", // 00:00:01
            "6.0, 1, 1, 19.5",
            "17.99, 1, 1, 19.5",
            "18.0, 0, 1, 19.5", // strict: off at 18:00; the switch-off ramp starts here
            "18.5, 0, 0.5, 19.0",
            "18.75, 0, 0.25, 18.75",
            "19.0, 0, 0, 18.5",
            "23.99, 0, 0, 18.5"
        })
        void defaultWindowIsStrictAndRampsDownForAnHourAfterSwitchOff(
                double hour, double lampNoCons, double smoothLamp, double heatSetPoint) {
            double[] u = Scenario.at(hour).run(k21);
            var g = k21.signals();
            assertThat(g.lampNoCons()).isEqualTo(lampNoCons);
            assertThat(u[U_LAMP]).isEqualTo(lampNoCons);
            assertThat(u[U_INT_LAMP]).isEqualTo(lampNoCons);
            assertThat(g.smoothLamp()).isCloseTo(smoothLamp, within(1e-9));
            assertThat(g.isDayInside()).isCloseTo(smoothLamp, within(1e-9)); // isDay = 0
            assertThat(g.heatSetPoint()).isCloseTo(heatSetPoint, within(1e-9));
            assertThat(g.co2SetPoint()).isCloseTo(1000.0 * smoothLamp, within(1e-6));
        }

        /** Lamps from 20:00 to 14:00, wrapping midnight (lampTimeOn > lampTimeOff). */
        @ParameterizedTest(name = "{0} h: lampNoCons {1}, smoothLamp {2}")
        @CsvSource({
            "22.0, 1, 1",
            "0.0, 1, 1",
            "2.0, 1, 1",
            "13.5, 1, 1",
            "14.0, 0, 1", // strict end; ramp down from 14:00 to 15:00
            "14.5, 0, 0.5",
            "17.0, 0, 0",
            "19.5, 0, 0.5", // ramp up from 19:00 to 20:00
            "20.0, 0, 1" // strict start
        })
        void windowWrappingMidnight(double hour, double lampNoCons, double smoothLamp) {
            RuleBasedClimateController c =
                    with(RuleBasedSettings.builder().lampTimeOn(20).lampTimeOff(14));
            double[] u = Scenario.at(hour).run(c);
            assertThat(u[U_LAMP]).isEqualTo(lampNoCons);
            assertThat(c.signals().smoothLamp()).isCloseTo(smoothLamp, within(1e-9));
            assertThat(c.signals().heatSetPoint()).isCloseTo(18.5 + smoothLamp, within(1e-9));
        }

        @Test
        void rampsDoNotWrapMidnightAsInGreenLight() {
            // controls.md §3: linearLampSwitchOn = clamp(timeOfDay − lampTimeOn + 1) on [0, 24): with lampTimeOn = 0.5
            // the ramp that should run from 23:30 the evening before is cut at midnight
            RuleBasedClimateController c = with(RuleBasedSettings.builder().lampTimeOn(0.5));
            Scenario.at(23.75).run(c);
            assertThat(c.signals().smoothLamp()).isEqualTo(0.0);
            Scenario.at(0.0).run(c);
            assertThat(c.signals().smoothLamp()).isEqualTo(0.5);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, 5.0, 6.0, 12.0, 23.0})
        void equalOnAndOffTimesMeanNoLightPeriod(double hour) {
            RuleBasedClimateController c =
                    with(RuleBasedSettings.builder().lampTimeOn(6).lampTimeOff(6));
            double[] u = Scenario.at(hour).run(c);
            assertThat(u[U_LAMP]).isEqualTo(0.0);
            assertThat(c.signals().smoothLamp()).isEqualTo(0.0);
        }

        @ParameterizedTest(name = "iGlob {0} W/m2 -> uLamp {1}")
        @CsvSource({"0, 1", "399.9, 1", "400, 0", "1000, 0"})
        void lampsOffAtOrAboveTheSunThreshold(double iGlob, double uLamp) {
            double[] u = Scenario.at(12.0).iGlob(iGlob).run(k21);
            assertThat(u[U_LAMP]).isEqualTo(uLamp);
            assertThat(k21.signals().isDay()).isEqualTo(iGlob > 0 ? 1.0 : 0.0);
            assertThat(k21.signals().isDayInside()).isEqualTo(1.0);
        }

        @Test
        void aSunnyDayKeepsTheLampsOffAllDayAndMakesTheNightBeforeSunriseDark() {
            // controls.md §3: the whole day's sum (known in advance) below lampRadSumLimit is a condition of both
            // lampNoCons and smoothLamp, so at 03:00 of a sunny day there is neither light period nor day set-points
            double[] lit = Scenario.at(3.0).dayRadSum(9.99).co2(400).run(k21);
            assertThat(lit[U_LAMP]).isEqualTo(1.0);
            assertThat(k21.signals().heatSetPoint()).isEqualTo(19.5);

            double[] dark = Scenario.at(3.0).dayRadSum(10.0).co2(400).run(k21);
            var g = k21.signals();
            assertThat(dark[U_LAMP]).isEqualTo(0.0);
            assertThat(g.smoothLamp()).isEqualTo(0.0);
            assertThat(g.isDayInside()).isEqualTo(0.0);
            assertThat(g.heatSetPoint()).isEqualTo(18.5);
            assertThat(g.co2SetPoint()).isEqualTo(0.0);
            assertThat(dark[U_EXT_CO2]).isLessThan(1e-12);
        }

        @ParameterizedTest(name = "days ({0}, {1}), day {2} -> {3}")
        @CsvSource({
            "100, 300, 100, 0",
            "100, 300, 101, 1",
            "100, 300, 299, 1",
            "100, 300, 300, 0",
            "300, 100, 350, 1",
            "300, 100, 50, 1",
            "300, 100, 200, 0"
        })
        void lampSeasonByDayOfYear(double start, double stop, int day, double uLamp) {
            RuleBasedClimateController c =
                    with(RuleBasedSettings.builder().dayLampStart(start).dayLampStop(stop));
            double[] u = Scenario.at(6.0).day(day).run(c);
            assertThat(u[U_LAMP]).isEqualTo(uLamp);
            assertThat(c.signals().smoothLamp()).isEqualTo(uLamp);
        }

        @Test
        void heatCorrectionRaisesTheSetPointWhileLampsAreInTheirLightPeriod() {
            RuleBasedClimateController c = with(RuleBasedSettings.builder().heatCorrection(1));
            Scenario.at(6.0).run(c);
            assertThat(c.signals().heatSetPoint()).isEqualTo(20.5);
            Scenario.at(0.0).run(c); // lampNoCons = 0 at exactly 00:00
            assertThat(c.signals().heatSetPoint()).isEqualTo(19.5);
        }
    }

    @Nested
    class HeatingAndVentilation {

        @ParameterizedTest(name = "tAir {0} -> uBoil {1}")
        @CsvSource({"18.5, 0.00990099", "18.0, 0.5", "17.5, 0.99009901", "25, 0", "10, 1"})
        void boilerValveOverTheOneDegreeBandBelowTheNightSetPoint(double tAir, double uBoil) {
            double[] u = Scenario.at(21.0).tAir(tAir).run(k21);
            assertThat(k21.signals().heatSetPoint()).isEqualTo(18.5);
            assertThat(u[U_BOIL]).isCloseTo(uBoil, within(1e-6));
            assertThat(u[U_BOIL_GRO]).isEqualTo(u[U_BOIL]);
        }

        @Test
        void ventsOpenForHeatAboveHeatMax() {
            // day: heatSetPoint 19.5, heatMax 24.5, ventHeatPband 4 ⇒ half open at 26.5 °C
            double[] u = Scenario.at(12.0).iGlob(300).tAir(26.5).rh(60).run(k21);
            assertThat(k21.signals().heatMax()).isEqualTo(24.5);
            assertThat(k21.signals().ventHeat()).isCloseTo(0.5, within(1e-12));
            assertThat(u[U_ROOF]).isCloseTo(0.5, within(1e-6));
        }

        @Test
        void ventsOpenForHumidityWithTheFiftyPercentBand() {
            // rhMax 87 %, ventRhPband 50 % ⇒ half open at 112 %, i.e. only a little at any real humidity
            double[] u = Scenario.at(12.0).iGlob(300).tAir(20).rh(112).run(k21);
            assertThat(u[U_ROOF]).isCloseTo(0.5, within(1e-6));
            Scenario.at(12.0).iGlob(300).tAir(20).rh(87).run(k21);
            assertThat(k21.signals().ventRh()).isCloseTo(ONE_PCT, within(1e-12));
        }

        @ParameterizedTest(name = "tAir {0} -> ventCold {1}")
        @CsvSource({"18.0, 0.5", "17.5, 0.00990099", "18.5, 0.99009901"})
        void coldLocksTheVentsBelowSetPointMinusTVentOff(double tAir, double ventCold) {
            // day set-point 19.5, tVentOff 1, ventColdPband −1 ⇒ 99 % allowed at 18.5, half at 18, 1 % at 17.5
            double[] u = Scenario.at(12.0).iGlob(300).tAir(tAir).rh(137).run(k21);
            assertThat(k21.signals().ventCold()).isCloseTo(ventCold, within(1e-6));
            // humidity asks for 99 % (137 = 87 + 50), the lock-out caps it
            assertThat(u[U_ROOF]).isCloseTo(Math.min(ventCold, NINETY_NINE_PCT), within(1e-6));
        }
    }

    @Nested
    class ThermalScreen {

        @Test
        void closesForColdOutsideWithDayAndNightSetPoints() {
            double[] night = Scenario.at(21.0).tAir(18.5).tOut(9.5).run(k21);
            assertThat(k21.signals().thScrSp()).isEqualTo(10.0);
            assertThat(night[U_TH_SCR]).isCloseTo(0.5, within(1e-12));
            double[] day = Scenario.at(12.0).iGlob(100).tAir(19.5).tOut(4.5).run(k21);
            assertThat(k21.signals().thScrSp()).isEqualTo(5.0);
            assertThat(day[U_TH_SCR]).isCloseTo(0.5, within(1e-12));
        }

        @Test
        void opensForExcessHeatFromSetPointPlusDeadZone() {
            // night set-point 18.5 + thScrDeadZone 4 = 22.5; band −thScrPband = +1 ⇒ half open at 23 °C
            Scenario.at(21.0).tAir(23.0).tOut(-10).run(k21);
            assertThat(k21.signals().thScrHeat()).isCloseTo(0.5, within(1e-12));
        }

        @Test
        void opensForHumidityUnlessTooColdToVentilate() {
            // thScrRh = max(pc(rhIn, 87 − 2, 10, 1, 0), 1 − ventCold): half open for humidity at 90 %
            double[] warm = Scenario.at(21.0).tAir(18.5).tOut(-10).rh(90).run(k21);
            assertThat(warm[U_TH_SCR]).isCloseTo(0.5, within(1e-5));
            // at 16.5 °C (night set-point − 2) ventCold is 1/101, so the screen may stay 100/101 closed (GreenLight v2;
            // the v1 code of the Applied Energy runs would have opened it half)
            double[] cold = Scenario.at(21.0).tAir(16.5).tOut(-10).rh(90).run(k21);
            assertThat(k21.signals().thScrRh()).isCloseTo(NINETY_NINE_PCT, within(1e-12));
            assertThat(cold[U_TH_SCR]).isCloseTo(NINETY_NINE_PCT, within(1e-9));
        }
    }

    @Nested
    class LampConstraintsAndBlackoutScreen {

        @Test
        void lampsDimForExcessHeatWhenLampExtraHeatIsSmall() {
            // GreenLight v1-final's lampExtraHeat 2: limit heatMax + 2 = 26.5 °C, band −0.5 ⇒ half at 26.25 °C
            RuleBasedClimateController c = with(RuleBasedSettings.builder().lampExtraHeat(2));
            assertThat(Scenario.at(6.0).tAir(26.25).run(c)[U_LAMP]).isCloseTo(0.5, within(1e-12));
            assertThat(Scenario.at(6.0).tAir(22).run(c)[U_LAMP]).isEqualTo(1.0);
        }

        @Test
        void lampsDimInTheDarkForHumidityUnlessTooColdToVentilate() {
            // blScrExtraRh 5 ⇒ limit 87 + 5 = 92 %, band −0.5 ⇒ half at 91.75 %
            RuleBasedClimateController c =
                    with(RuleBasedSettings.builder().blScrExtraRh(5).useBlScr(true));
            double[] warm = Scenario.at(6.0).tAir(20).rh(91.75).run(c);
            assertThat(warm[U_LAMP]).isCloseTo(0.5, within(1e-6));
            assertThat(warm[U_BL_SCR]).isCloseTo(0.5, within(1e-6));
            double[] cold = Scenario.at(6.0).tAir(16.5).rh(91.75).run(c); // ventCold ≈ 1e-6
            assertThat(cold[U_LAMP]).isCloseTo(1.0, within(1e-5));
            double[] day = Scenario.at(12.0).iGlob(100).tAir(20).rh(95).run(c);
            assertThat(day[U_LAMP]).isEqualTo(1.0);
        }

        @Test
        void blackoutScreenClosesInTheDarkWhileLampsAreOn() {
            RuleBasedClimateController c = with(RuleBasedSettings.builder().useBlScr(true));
            assertThat(Scenario.at(6.0).run(c)[U_BL_SCR]).isEqualTo(1.0);
            assertThat(Scenario.at(12.0).iGlob(100).run(c)[U_BL_SCR]).isEqualTo(0.0); // sun up
            assertThat(Scenario.at(20.0).run(c)[U_BL_SCR]).isEqualTo(0.0); // lamps off
            assertThat(Scenario.at(6.0).run(k21)[U_BL_SCR]).isEqualTo(0.0); // useBlScr false
        }
    }

    @Test
    void co2DosingTowardsTheDaySetPointAndNoneInTheDark() {
        double[] day = Scenario.at(12.0).iGlob(300).co2(950).run(k21);
        assertThat(day[U_EXT_CO2]).isCloseTo(0.5, within(1e-12));
        double[] night = Scenario.at(21.0).co2(400).run(k21);
        assertThat(k21.signals().co2SetPoint()).isEqualTo(0.0);
        assertThat(night[U_EXT_CO2]).isLessThan(1e-12);
    }

    @Test
    void commandsStayWithinTheirBoundsOverRandomReadings() {
        SplittableRandom r = new SplittableRandom(7);
        RuleBasedClimateController c =
                with(RuleBasedSettings.builder().useBlScr(true).lampExtraHeat(2).blScrExtraRh(5));
        ControlInput in = new ControlInput(c.readings());
        double[] out = new double[8];
        for (int i = 0; i < 20_000; i++) {
            double[] v = in.values();
            v[AIR_TEMPERATURE] = r.nextDouble(-60, 90);
            v[AIR_RELATIVE_HUMIDITY] = r.nextDouble(-10, 120);
            v[AIR_CO2] = r.nextDouble(0, 20_000);
            v[OUTDOOR_TEMPERATURE] = r.nextDouble(-60, 60);
            v[OUTDOOR_GLOBAL_RADIATION] = r.nextDouble(-5, 1500);
            v[OUTDOOR_DAILY_RADIATION_SUM] = r.nextDouble(0, 40);
            in.setClock(r.nextDouble(0, 86_400), r.nextInt(1, 367));
            c.decide(in, out);
            for (double u : out) {
                assertThat(u).isBetween(0.0, 1.0);
            }
        }
    }

    @Nested
    class ReadingsThatAreNotFinite {

        @Test
        void beforeAnyGoodValueTheNeutralValueIsUsed() {
            // a fresh controller for each case: nothing to hold yet
            // night: heatSetPoint 18.5; NaN air temperature is read as the set-point ⇒ boiler at its 1/101 floor
            RuleBasedClimateController c = new RuleBasedClimateController();
            double[] u = Scenario.at(21.0).tAir(Double.NaN).run(c);
            assertThat(c.signals().substitutedReadings()).isEqualTo(1 << AIR_TEMPERATURE);
            assertThat(u[U_BOIL]).isCloseTo(ONE_PCT, within(1e-12));

            c = new RuleBasedClimateController();
            double[] co2 = Scenario.at(12.0).iGlob(300).co2(Double.NaN).run(c);
            assertThat(co2[U_EXT_CO2]).isCloseTo(ONE_PCT, within(1e-12));

            c = new RuleBasedClimateController();
            Scenario.at(21.0).rh(Double.POSITIVE_INFINITY).run(c);
            assertThat(c.signals().ventRh()).isCloseTo(ONE_PCT, within(1e-12));

            c = new RuleBasedClimateController();
            Scenario.at(21.0).tOut(Double.NaN).run(c);
            assertThat(c.signals().thScrCold()).isCloseTo(ONE_PCT, within(1e-12));

            c = new RuleBasedClimateController();
            double[] sun = Scenario.at(12.0)
                    .iGlob(Double.NaN)
                    .dayRadSum(Double.NEGATIVE_INFINITY)
                    .run(c);
            assertThat(c.signals().substitutedReadings())
                    .isEqualTo((1 << OUTDOOR_GLOBAL_RADIATION) | (1 << OUTDOOR_DAILY_RADIATION_SUM));
            assertThat(c.signals().isDay()).isEqualTo(0.0);
            assertThat(sun[U_LAMP]).isEqualTo(1.0); // the lamps follow the clock alone
        }

        @Test
        void afterAGoodValueItIsHeldUntilReset() {
            RuleBasedClimateController c = new RuleBasedClimateController();
            ControlInput in = new ControlInput(c.readings());
            double[] good = new double[8];
            double[] held = new double[8];
            Scenario.at(21.0).tAir(17.2).rh(93).co2(500).tOut(-3).fill(in);
            c.decide(in, good);
            assertThat(c.signals().substitutedReadings()).isZero();
            for (int i = 0; i < 6; i++) {
                in.values()[i] = Double.NaN;
            }
            c.decide(in, held);
            assertThat(c.signals().substitutedReadings()).isEqualTo(0b111111);
            assertThat(held).containsExactly(good);

            c.reset();
            assertThat(c.signals().heatSetPoint()).isNaN();
            Scenario.at(21.0).tAir(Double.NaN).fill(in);
            c.decide(in, held);
            assertThat(held[U_BOIL]).isCloseTo(ONE_PCT, within(1e-12));
        }

        @ParameterizedTest(name = "reading {0}")
        @ValueSource(ints = {0, 1, 2, 3, 4, 5})
        void everyReadingMayBeMissingWithoutANaNCommand(int index) {
            for (double hour : new double[] {0.0, 6.0, 12.0, 18.5, 21.0}) {
                RuleBasedClimateController c = with(RuleBasedSettings.builder().useBlScr(true));
                ControlInput in = new ControlInput(c.readings());
                Scenario.at(hour).iGlob(hour == 12.0 ? 300 : 0).fill(in);
                in.values()[index] = Double.NaN;
                double[] out = new double[8];
                c.decide(in, out);
                for (double u : out) {
                    assertThat(u).isBetween(0.0, 1.0);
                }
                assertThat(c.signals().substitutedReadings()).isEqualTo(1 << index);
            }
        }
    }

    @Test
    void signalsAreNaNBeforeTheFirstDecision() {
        var g = new RuleBasedClimateController().signals();
        assertThat(g.heatSetPoint()).isNaN();
        assertThat(g.isDayInside()).isNaN();
        assertThat(g.substitutedReadings()).isZero();
    }

    @Test
    void wrongArraySizesAreRejected() {
        ControlInput five = new ControlInput(k21.readings().subList(0, 5));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> k21.decide(five, new double[8]))
                .withMessageContaining("expected 6 readings, got 5");
        ControlInput in = new ControlInput(k21.readings());
        assertThatIllegalArgumentException()
                .isThrownBy(() -> k21.decide(in, new double[7]))
                .withMessageContaining("room for 7 of 8 commands");
        double[] longer = new double[9];
        longer[8] = 42;
        Scenario.at(6.0).fill(in);
        k21.decide(in, longer);
        assertThat(longer[8]).isEqualTo(42);
    }
}
