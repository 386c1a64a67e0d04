package systems.rala.env.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.testing.SharedData;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.EpwReader;
import systems.rala.twin.weather.WeatherSeries;

/**
 * The published result the twin is held to: Katzin, Marcelis &amp; van Mourik (2021), Applied Energy
 * 281:116019, Fig. 6, Amsterdam (IWEC typical year), season from 27 September for 350 days, 200 µmol m⁻²
 * s⁻¹ of top-lights from 00:00 to 18:00, GreenLight's rule-based climate control: HPS heating 831 and
 * lighting 1,459 MJ m⁻²; LED heating 1,040 and lighting 875 MJ m⁻², 16.4 % less energy in total, LEDs
 * raising heating.
 *
 * <p>Tolerances: lighting ±2 % (it follows from the lamp hours alone); heating ±5 % (the published runs used
 * GreenLight v1 with 5-minute weather, a slightly different screen rule and a MATLAB solver; GreenLight's own
 * v2 is expected to agree only within a few per cent); the saving within 10–25 % (issue target) and within 2
 * points of the published 16.4 %.
 */
class PublishedSeasonTest {

    private static double[] season(WeatherSeries weather, Parameters params, String id) {
        Simulation sim = Simulation.of(
                new TomatoModel(id, params.with("hElevation", -2.0)), weather, LocalDateTime.of(2030, 9, 27, 0, 0));
        ClosedLoop loop =
                new ClosedLoop(sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.CONTINUOUS);
        for (int k = 0; k < 350 * 288; k++) {
            loop.step(300);
        }
        return new double[] {
            sim.state(TomatoModel.E_BOIL) / 1e6,
            sim.state(TomatoModel.E_LAMP) / 1e6,
            ((TomatoModel) sim.model()).freshYieldKg(sim.stateView())
        };
    }

    @Test
    void amsterdamHpsAndLedSeasonsMatchKatzin2021() {
        WeatherSeries ams = EpwReader.read(SharedData.weather("NLD_Amsterdam.062400_IWEC.epw"));
        double[] hps = season(ams, TomatoParameters.katzin2021Hps(), "tomato-hps");
        double[] led = season(ams, TomatoParameters.katzin2021Led(), "tomato-led");
        assertThat(hps[0]).as("HPS heating MJ/m2").isCloseTo(831, within(0.05 * 831));
        assertThat(hps[1]).as("HPS lighting MJ/m2").isCloseTo(1459, within(0.02 * 1459));
        assertThat(led[0]).as("LED heating MJ/m2").isCloseTo(1040, within(0.05 * 1040));
        assertThat(led[1]).as("LED lighting MJ/m2").isCloseTo(875, within(0.02 * 875));
        double saving = 1 - (led[0] + led[1]) / (hps[0] + hps[1]);
        assertThat(saving).isBetween(0.10, 0.25);
        assertThat(saving).isCloseTo(0.164, within(0.02));
        assertThat(led[0]).isGreaterThan(hps[0]);
        // both crops produce a commercial yield; with the same light they yield alike
        assertThat(hps[2]).isBetween(50.0, 120.0);
        assertThat(led[2]).isCloseTo(hps[2], within(0.03 * hps[2]));
    }
}
