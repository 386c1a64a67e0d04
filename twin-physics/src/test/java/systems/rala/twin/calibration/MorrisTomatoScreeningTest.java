package systems.rala.twin.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import systems.rala.twin.calibration.MorrisResult.OutputEffects;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Screening the GreenLight tomato greenhouse where physics says what must matter. Two January days (generated
 * Amsterdam weather) with the roof vents shut, the screens open, no lamps, the boiler at half and CO2 dosed at
 * a tenth of capacity: indoor CO2 then settles where dosing balances leakage (crop uptake is small in January
 * light), so the leakage coefficient must dominate CO2; heat leaves through the cover (convection to its inner
 * surface, then to the outside air) and with the leaked air, so those coefficients must dominate the air
 * temperature and lower it; the roof vent area multiplies only the vent opening, which is 0 (and with no side
 * vents the roof's share of the vent area is 1 whatever its size), so it must have no effect at all. A fifth output is the RMSE of CO2 against a synthetic measurement made with leakage
 * 1.2e-4: the calibration objective, which is not monotonic in the leakage.
 */
class MorrisTomatoScreeningTest {

    private static final LocalDate FROM = LocalDate.of(2030, 1, 10);
    private static final int DAY = 288; // 5-minute steps

    private static WeatherSeries weather;
    private static double[] inputs;

    @BeforeAll
    static void january() {
        weather = new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(11, FROM, FROM.plusDays(3));
        inputs = new double[TomatoModel.INPUTS];
        inputs[TomatoModel.U_BOIL] = 0.5; // 150 W m-2
        inputs[TomatoModel.U_EXT_CO2] = 0.1; // 0.51 mg m-2 s-1
    }

    private static SimulationObjective.Builder twoDays() {
        return SimulationObjective.builder(p -> new TomatoModel("tomato-led", p), weather, FROM.atStartOfDay())
                .steps(2 * DAY, 300)
                .heldInputs(inputs);
    }

    @Test
    void leakageDominatesCo2CoverAndLeakageTheTemperatureAndShutVentsDoNothing() {
        Parameters led = TomatoParameters.katzin2021Led();
        // the "measurement": the twin itself with a leakier house, sampled every 5 minutes
        double[] measuredCo2 = twoDays()
                .mean("CO2", TomatoModel::co2Ppm, DAY)
                .build()
                .series(led.with("cLeakage", 1.2e-4), TomatoModel::co2Ppm);
        SimulationObjective objective = twoDays()
                .mean("air temperature", x -> x[TomatoModel.T_AIR], DAY) // second day: past the start-up
                .mean("CO2", TomatoModel::co2Ppm, DAY)
                .mean("vapour pressure", x -> x[TomatoModel.VP_AIR], DAY)
                .rmse("CO2 RMSE", TomatoModel::co2Ppm, measuredCo2)
                .build();
        AtomicInteger progress = new AtomicInteger();
        MorrisResult r = MorrisScreening.builder(led)
                .vary("cLeakage", 0.5e-4, 2e-4) // Vanthoor's 1e-4, halved and doubled
                .vary("aRoof", 2000, 8000) // m2 of the 4-ha house: 5 to 20 % of the floor
                .vary("cHecIn", 1.0, 3.0) // W m-2 K-1, around Vanthoor's 1.86
                .vary("cHecOut1", 1.4, 4.2) // W m-2 K-1, Vanthoor's 2.8 halved and x1.5
                .vary("rB", 100, 500) // s m-1, around 275
                .trajectories(8)
                .seed(1)
                .threads(2)
                .build()
                .run(objective, (done, total) -> progress.set(done));
        assertThat(progress.get()).isEqualTo(48);

        OutputEffects co2 = r.output("CO2");
        assertThat(co2.rankedParameters().get(0)).isEqualTo("cLeakage");
        assertThat(co2.effect("cLeakage").muStar())
                .isGreaterThan(10 * co2.ranking().get(1).muStar());
        assertThat(co2.effect("cLeakage").mu())
                .isEqualTo(-co2.effect("cLeakage").muStar()); // always lowers CO2

        OutputEffects air = r.output("air temperature");
        assertThat(air.rankedParameters().subList(0, 2)).containsExactlyInAnyOrder("cHecIn", "cLeakage");
        for (String lossCoefficient : List.of("cHecIn", "cLeakage", "cHecOut1")) {
            assertThat(air.effect(lossCoefficient).mu())
                    .as(lossCoefficient)
                    .isEqualTo(-air.effect(lossCoefficient).muStar());
        }
        // a larger boundary-layer resistance means less transpiration: less latent cooling, drier air
        assertThat(air.effect("rB").mu()).isEqualTo(air.effect("rB").muStar());
        assertThat(r.output("vapour pressure").effect("rB").mu())
                .isEqualTo(-r.output("vapour pressure").effect("rB").muStar());

        for (OutputEffects o : r.outputs()) {
            assertThat(o.effect("aRoof").muStar()).as(o.output()).isZero();
            assertThat(o.effect("aRoof").sigma()).isZero();
            assertThat(o.rankedParameters().get(4)).isEqualTo("aRoof");
        }

        // the calibration objective: leakage still ranks first, but its effect changes sign around the
        // measured 1.2e-4, which mu hides and mu* does not (Campolongo et al. 2007)
        OutputEffects rmse = r.output("CO2 RMSE");
        assertThat(rmse.rankedParameters().get(0)).isEqualTo("cLeakage");
        // on the grid 0.5, 1.0, 1.5, 2.0e-4 a step 0.5 <-> 1.5 approaches the measurement, 1.0 <-> 2.0 leaves it
        assertThat(rmse.effect("cLeakage").elementaryEffects())
                .anyMatch(ee -> ee > 0)
                .anyMatch(ee -> ee < 0);
        assertThat(Math.abs(rmse.effect("cLeakage").mu()))
                .isLessThan(rmse.effect("cLeakage").muStar());
        assertThat(r.overallRanking().get(0)).isEqualTo("cLeakage");
        assertThat(r.overallRanking().get(4)).isEqualTo("aRoof");
    }
}
