package systems.rala.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.VectorEnv;

/**
 * A VectorEnv of 8 {@code Pendulum-v1} (each under its registered TimeLimit(200), auto-reset included) on 1
 * or 2 threads: time per vector step, i.e. for 8 env steps. Pendulum steps are tens of nanoseconds, so this
 * measures the hand-off between threads more than the work it spreads.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VectorEnvBenchmark {

    @Param({"1", "2"})
    public int threads;

    private VectorEnv vec;
    private final double[] actions = new double[8];
    private int k;

    @Setup(Level.Trial)
    public void setUp() {
        vec = new VectorEnv(i -> EnvRegistry.make("Pendulum-v1"), 8, threads);
        vec.reset(1);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vec.close();
    }

    @Benchmark
    public double step() {
        k++;
        for (int i = 0; i < actions.length; i++) {
            actions[i] = ((k + i) % 9 - 4) * 0.5;
        }
        vec.step(actions);
        return vec.rewards()[0];
    }
}
