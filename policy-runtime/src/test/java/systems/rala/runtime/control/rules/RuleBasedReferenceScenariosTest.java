package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BL_SCR;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_BOIL_GRO;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_EXT_CO2;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_INT_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_LAMP;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_ROOF;
import static systems.rala.runtime.control.rules.RuleBasedClimateController.U_TH_SCR;

import org.junit.jupiter.api.Test;

/**
 * The Katzin 2021 controller at the three test points of the GreenLight notes ({@code notes/greenlight/states.md} §4,
 * "Selected auxiliaries", LED configuration): auxiliaries evaluated from GreenLight v2's own JSON definitions of {@code
 * main_katzin_2021.json}, independently of this code.
 *
 * <p>Readings are the scenarios' states and inputs as the controller sees them: tAir from the scenario (A, B: the v2
 * initial value 16.5 °C, states.md §1), rhIn and co2InPpm as listed in states.md §4 (B has A's states, so A's values),
 * tOut, iGlob, dayRadSum and the clock (time_state 0, 0.25, 0.5 days) from the scenario definitions. GreenLight v2's day
 * of year is "days since start"; it only matters through dayLampStart/Stop (−1/400: every day), so day 1 is used.
 */
class RuleBasedReferenceScenariosTest {

    private final RuleBasedClimateController controller = new RuleBasedClimateController();

    @Test
    void scenarioA_midnightCoolGreenhouseDefaultWeather() {
        double[] u = Scenario.at(0.0)
                .day(1)
                .tAir(16.5)
                .rh(90.0000)
                .co2(389.921)
                .tOut(20)
                .iGlob(0)
                .dayRadSum(0)
                .run(controller);
        var g = controller.signals();

        // states.md §4 A: heatSetPoint 19.5 and isDayInside = 1 at 00:00 (controls.md §3: with lampTimeOn = 0 the
        // switch-on ramp never acts, so smoothLamp = 1 at exactly 00:00)
        assertThat(g.heatSetPoint()).isEqualTo(19.5);
        assertThat(g.isDayInside()).isEqualTo(1.0);
        assertThat(g.smoothLamp()).isEqualTo(1.0);
        // states.md §4 A: uBoil ≈ 1 (hBoilPipe 300 W/m2 = full boiler capacity)
        assertThat(u[U_BOIL]).isCloseTo(1.0, within(1e-6));
        assertThat(u[U_BOIL_GRO]).isEqualTo(u[U_BOIL]);
        // states.md §4 A: uRoof ≈ 1e-6 (cold lock-out of the vents)
        assertThat(u[U_ROOF]).isCloseTo(1e-6, withinPercentage(1));
        // states.md §4 A: uThScr ≈ 0 (tOut 20 °C is far above the night screen set-point 10 °C)
        assertThat(u[U_TH_SCR]).isCloseTo(0.0, within(1e-9));
        // states.md §4 A: uLamp 0. The lamp window is strict (lampTimeOn < timeOfDay, controls.md §3), so at exactly
        // 00:00 lampNoCons = 0, although smoothLamp (which sets isDayInside) is already 1.
        assertThat(g.lampNoCons()).isEqualTo(0.0);
        assertThat(u[U_LAMP]).isEqualTo(0.0);
        assertThat(u[U_INT_LAMP]).isEqualTo(0.0);
        assertThat(u[U_BL_SCR]).isEqualTo(0.0);
        // states.md §4 A: uExtCo2 ≈ 1 (mcExtAir 5.14 mg/m2/s = full dosing capacity), since isDayInside = 1 makes the
        // CO2 set-point 1000 ppm
        assertThat(g.co2SetPoint()).isEqualTo(1000.0);
        assertThat(u[U_EXT_CO2]).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void scenarioB_lampsOnColdNight() {
        double[] u = Scenario.at(6.0)
                .day(1)
                .tAir(16.5)
                .rh(90.0000)
                .co2(389.921)
                .tOut(2)
                .iGlob(0)
                .dayRadSum(2)
                .run(controller);

        // states.md §4 B: uLamp 1 (qLampIn 66.667 W/m2 = thetaLampMax of the LED set)
        assertThat(u[U_LAMP]).isEqualTo(1.0);
        assertThat(u[U_INT_LAMP]).isEqualTo(1.0);
        // states.md §4 B: uThScr ≈ 1 (0.999999): cold outside, and the humidity opening (rhIn 90 % > 85 %) is
        // overruled by 1 − ventCold because the air is too cold to ventilate
        assertThat(u[U_TH_SCR]).isCloseTo(0.999999, within(5e-7));
        // controls.md §7: useBlScr = 0 in Katzin 2021
        assertThat(u[U_BL_SCR]).isEqualTo(0.0);
    }

    @Test
    void scenarioC_sunnyDay() {
        double[] u = Scenario.at(12.0)
                .day(1)
                .tAir(22)
                .rh(68.4705)
                .co2(880.499)
                .tOut(10)
                .iGlob(300)
                .dayRadSum(5)
                .run(controller);

        // states.md §4 C: uBoil ≈ 1e-12
        assertThat(u[U_BOIL]).isCloseTo(1e-12, withinPercentage(1));
        // states.md §4 C: uRoof 3.29226e-4 (humidity ventilation). The reading rhIn 68.4705 is rounded to ±5e-5 %;
        // ventRh changes by 18.4 %/% RH there, so the reference can only be matched to ~1e-5 relative.
        assertThat(u[U_ROOF]).isCloseTo(3.29226e-4, withinPercentage(0.002));
        // states.md §4 C: uExtCo2 0.998343 (co2InPpm 880.499 given to ±5e-4 ppm: < 1e-7 effect)
        assertThat(u[U_EXT_CO2]).isCloseTo(0.998343, within(1e-6));
        // controls.md §3: 12:00 inside (0, 18), iGlob 300 < 400 W/m2, dayRadSum 5 < 10 MJ/m2 ⇒ lamps on
        // (states.md §4 C lists non-zero lamp heat, hLampAir 41.4 W/m2)
        assertThat(u[U_LAMP]).isEqualTo(1.0);
        // controls.md §6: day screen set-point 5 °C, tOut 10 °C ⇒ screen open
        assertThat(u[U_TH_SCR]).isCloseTo(0.0, within(1e-9));
    }
}
