package systems.rala.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
import systems.rala.twin.sim.Snapshot;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Control steps per second of the tomato twin at Δt = 300 s under GreenLight's rule-based controller, one
 * thread: each operation is one 5-minute step of the full model (27 states plus accumulators) through a
 * season starting 27 September on generated Amsterdam weather. When the season ends the run restarts from
 * its first snapshot, so every operation is a real step of the season.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TwinStepBenchmark {

    @Param({"tomato-hps", "tomato-led"})
    public String model;

    @Param({"CONTINUOUS", "SAMPLED"})
    public String control;

    private ClosedLoop loop;
    private Simulation sim;
    private Snapshot start;

    @Setup(Level.Trial)
    public void setUp() {
        LocalDate from = LocalDate.of(2030, 9, 27);
        WeatherSeries weather =
                new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(1, from, from.plusDays(352));
        sim = Simulation.of(
                model.equals("tomato-hps") ? TomatoModel.hps() : TomatoModel.led(),
                weather,
                LocalDateTime.of(2030, 9, 27, 0, 0));
        loop = new ClosedLoop(
                sim, new RuleBasedClimateController(), TomatoPlant::reading, ClosedLoop.Mode.valueOf(control));
        start = sim.snapshot();
    }

    @Benchmark
    public double step() {
        if (sim.time() >= 350 * 86_400.0) {
            sim.restore(start);
        }
        loop.step(300);
        return sim.state(TomatoModel.T_AIR);
    }
}
