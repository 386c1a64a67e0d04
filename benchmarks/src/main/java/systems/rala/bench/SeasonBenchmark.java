package systems.rala.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Wall time of the full 350-day season of Katzin (2021) — 27 September, Δt = 300 s, 100,800 control steps,
 * rule-based controller — on generated Amsterdam weather, one thread. GreenLight (MATLAB) takes about 22
 * minutes at 75 steps/s; GreenLight-Gym2 about a minute at 1,800 steps/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class SeasonBenchmark {

    @Param({"tomato-hps"})
    public String model;

    private WeatherSeries weather;

    @Setup
    public void setUp() {
        LocalDate from = LocalDate.of(2030, 9, 27);
        weather = new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(1, from, from.plusDays(351));
    }

    @Benchmark
    public double season() {
        Simulation sim = Simulation.of(
                model.equals("tomato-hps") ? TomatoModel.hps() : TomatoModel.led(),
                weather,
                LocalDateTime.of(2030, 9, 27, 0, 0));
        ClosedLoop loop =
                new ClosedLoop(sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.CONTINUOUS);
        for (int k = 0; k < 350 * 288; k++) {
            loop.step(300);
        }
        return sim.state(TomatoModel.E_BOIL);
    }
}
