package systems.rala.twin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.sim.InputSchedule;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/** The twin as an objective: outputs from one run, the three ways to give inputs, and configuration errors. */
class SimulationObjectiveTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 1);
    private static final LocalDateTime START = DAY.atTime(6, 0);
    private static final int STEPS = 24; // two hours of 5-minute steps

    private static WeatherSeries weather;
    private static double[] held;

    @BeforeAll
    static void march() {
        weather = new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(3, DAY, DAY.plusDays(1));
        held = new double[TomatoModel.INPUTS];
        held[TomatoModel.U_BOIL] = 0.4;
        held[TomatoModel.U_EXT_CO2] = 0.2;
    }

    private static SimulationObjective.Builder tomato() {
        return SimulationObjective.builder(p -> new TomatoModel("tomato-led", p), weather, START)
                .steps(STEPS, 300);
    }

    @Test
    void meanAndRmseAreComputedFromTheSampledSeries() {
        Parameters led = TomatoParameters.katzin2021Led();
        SimulationObjective probe = tomato().heldInputs(held)
                .mean("air", x -> x[TomatoModel.T_AIR], 0)
                .build();
        double[] air = probe.series(led, x -> x[TomatoModel.T_AIR]);
        double[] measured = air.clone();
        measured[3] = Double.NaN; // a gap in the record
        measured[7] = air[7] + 2.0; // one reading 2 K off
        SimulationObjective objective = tomato().heldInputs(held)
                .mean("air, all", x -> x[TomatoModel.T_AIR], 0)
                .mean("air, last hour", x -> x[TomatoModel.T_AIR], 12)
                .rmse("air RMSE", x -> x[TomatoModel.T_AIR], measured)
                .build();
        assertThat(objective.outputs()).containsExactly("air, all", "air, last hour", "air RMSE");
        double[] y = objective.evaluate(led);
        double all = 0;
        double last = 0;
        for (int k = 0; k < STEPS; k++) {
            all += air[k] / STEPS;
            last += k >= 12 ? air[k] / 12 : 0;
        }
        assertThat(y[0]).isCloseTo(all, within(1e-12));
        assertThat(y[1]).isCloseTo(last, within(1e-12));
        assertThat(y[2]).isCloseTo(Math.sqrt(4.0 / (STEPS - 1)), within(1e-12)); // 23 readings, one 2 K off
        assertThat(air[STEPS - 1]).isNotEqualTo(air[0]); // the run moved
    }

    @Test
    void replayedScheduleAndInputLawGiveTheRunOfHeldInputs() {
        Parameters led = TomatoParameters.katzin2021Led();
        double[] time = {0, 3600, 7200};
        InputSchedule constant = InputSchedule.of(
                TomatoModel.led(),
                time,
                Map.of("uBoil", new double[] {0.4, 0.4, 0.4}, "uExtCo2", new double[] {0.2, 0.2, 0.2}),
                "constant");
        double[] viaHeld = tomato().heldInputs(held)
                .mean("co2", TomatoModel::co2Ppm, 0)
                .build()
                .series(led, TomatoModel::co2Ppm);
        double[] viaSchedule = tomato().inputs(constant)
                .mean("co2", TomatoModel::co2Ppm, 0)
                .build()
                .series(led, TomatoModel::co2Ppm);
        double[] viaLaw = tomato().inputLaw(sim -> (t, x, d, u) -> System.arraycopy(held, 0, u, 0, u.length))
                .mean("co2", TomatoModel::co2Ppm, 0)
                .build()
                .series(led, TomatoModel::co2Ppm);
        for (int k = 0; k < STEPS; k++) {
            assertThat(viaSchedule[k]).isCloseTo(viaHeld[k], within(1e-6));
            assertThat(viaLaw[k]).isCloseTo(viaHeld[k], within(1e-6));
        }
    }

    @Test
    void configurationErrorsNameWhatIsWrong() {
        assertThatThrownBy(() -> tomato().mean("a", x -> x[0], 0).build()).hasMessageContaining("inputs are required");
        assertThatThrownBy(() -> SimulationObjective.builder(p -> new TomatoModel("t", p), weather, START)
                        .heldInputs(held)
                        .mean("a", x -> x[0], 0)
                        .build())
                .hasMessageContaining("steps(count, dt) is required");
        assertThatThrownBy(() -> tomato().heldInputs(held).build()).hasMessageContaining("no output");
        assertThatThrownBy(() -> tomato().heldInputs(held).inputLaw(sim -> (t, x, d, u) -> {}))
                .hasMessageContaining("inputs already set");
        assertThatThrownBy(
                        () -> tomato().heldInputs(held).mean("a", x -> x[0], 0).mean("a", x -> x[1], 0))
                .hasMessageContaining("output a is defined twice");
        assertThatThrownBy(() ->
                        tomato().heldInputs(held).mean("a", x -> x[0], STEPS).build())
                .hasMessageContaining("output a: skips 24 steps of 24; allowed: 0 to 23");
        assertThatThrownBy(() -> tomato().heldInputs(held)
                        .rmse("a", x -> x[0], new double[5])
                        .build())
                .hasMessageContaining("reference has 5 values for 24 steps");
        assertThatThrownBy(() -> tomato().steps(0, 300)).hasMessageContaining("steps = 0");
        assertThatThrownBy(() -> tomato().steps(3 * 288, 300)
                        .heldInputs(held)
                        .mean("a", x -> x[0], 0)
                        .build())
                .hasMessageContaining("does not cover the requested period 2030-03-01T06:00 to 2030-03-04T06:00");
        InputSchedule hour = InputSchedule.of(
                TomatoModel.led(), new double[] {0, 3600}, Map.of("uBoil", new double[] {0.1, 0.1}), "one hour");
        assertThatThrownBy(() -> tomato().inputs(hour).mean("a", x -> x[0], 0).build())
                .hasMessageContaining("inputs one hour cover 0.0 to 3600.0 s; the simulation needs 0 to 7200.0 s");
    }

    @Test
    void aFailingRunInAScreeningNamesItsParameters() {
        SimulationObjective wrongInputs = tomato().heldInputs(new double[3])
                .mean("air", x -> x[TomatoModel.T_AIR], 0)
                .build();
        MorrisScreening s = MorrisScreening.builder(TomatoParameters.katzin2021Led())
                .vary("cLeakage", 0.5e-4, 2e-4)
                .trajectories(2)
                .threads(1)
                .build();
        assertThatThrownBy(() -> s.run(wrongInputs))
                .isInstanceOf(ScreeningException.class)
                .hasMessageContaining("evaluation 1 of 4 at cLeakage = ")
                .hasMessageContaining("3 held inputs given; model tomato-led has 9 inputs")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }
}
