package systems.rala.twin.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * The sensitivity-screening example proposed for the module README, verbatim in {@link ScreenJanuary} below
 * (imports above), compiles and gives the ranking its text claims.
 */
class ScreeningReadmeExampleTest {

    @Test
    void leakageRanksFirstForCo2AndTheShutVentsLast() {
        int[] last = new int[2];
        MorrisResult r = ScreenJanuary.screening((done, total) -> {
            last[0] = done;
            last[1] = total;
        });
        assertThat(last).containsExactly(32, 32);
        assertThat(r.output("CO2").rankedParameters()).containsExactly("cLeakage", "cHecIn", "aRoof");
        assertThat(r.output("air temperature").rankedParameters()).containsExactly("cHecIn", "cLeakage", "aRoof");
        assertThat(r.toMarkdown()).contains("### CO2");
    }
}

// --- README snippet starts here (the README carries the imports of this file's header)

class ScreenJanuary {
    static MorrisResult screening(MorrisScreening.Progress progress) {
        LocalDate from = LocalDate.of(2030, 1, 10);
        WeatherSeries weather =
                new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(11, from, from.plusDays(3));
        double[] u = new double[TomatoModel.INPUTS]; // vents, screens and lamps off
        u[TomatoModel.U_BOIL] = 0.5; // half the boiler
        u[TomatoModel.U_EXT_CO2] = 0.1; // a tenth of the CO2 capacity
        SimulationObjective objective = SimulationObjective.builder(
                        p -> new TomatoModel("tomato-led", p), weather, from.atStartOfDay())
                .steps(2 * 288, 300) // two days of 5-minute steps
                .heldInputs(u)
                .mean("air temperature", x -> x[TomatoModel.T_AIR], 288) // over the second day
                .mean("CO2", TomatoModel::co2Ppm, 288)
                .build();
        Parameters led = TomatoParameters.katzin2021Led();
        return MorrisScreening.builder(led)
                .vary("cLeakage", 0.5e-4, 2e-4) // within each parameter's declared range
                .vary("cHecIn", 1.0, 3.0)
                .vary("aRoof", 2000, 8000)
                .trajectories(8) // 8 x (3 + 1) = 32 runs, on every core
                .seed(1)
                .build()
                .run(objective, progress); // e.g. (done, total) -> System.out.println(done + "/" + total)
    }
}
