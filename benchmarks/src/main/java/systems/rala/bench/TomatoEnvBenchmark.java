package systems.rala.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.env.core.VectorEnv;
import systems.rala.env.wrappers.NormalizeObservation;
import systems.rala.env.wrappers.RescaleAction;

/**
 * Environment steps per second of {@code GreenhouseTomato-v0} (set-point mode, a fixed mid-winter start so
 * every reset starts from the same cached reference day, 10-day episodes): one env on one thread ({@link
 * #single}), the same inside RescaleAction and NormalizeObservation ({@link #wrapped}), and a vector of 8 on
 * 2 threads per environment step ({@link #vector8on2Threads}). The action is a constant set of set-points.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TomatoEnvBenchmark {

    private static final int VECTOR = 8;
    private static final double[] SETPOINTS = {19, 25, 900, 1};

    @Param({"900", "300"})
    public String dt;

    private Env env;
    private Env wrapped;
    private VectorEnv vector;
    private double[] vectorActions;
    private final double[] scaled = {0.2, -0.2, 0.1, 0.9};

    private Env make(int i) {
        return EnvRegistry.make("GreenhouseTomato-v0", Map.of("start", "01-10", "dt", dt));
    }

    @Setup(Level.Trial)
    public void setUp() {
        env = make(0);
        env.reset(1);
        wrapped = new NormalizeObservation(new RescaleAction(make(0)));
        wrapped.reset(1);
        vector = new VectorEnv(this::make, VECTOR, 2);
        vectorActions = new double[VECTOR * SETPOINTS.length];
        for (int i = 0; i < VECTOR; i++) {
            System.arraycopy(SETPOINTS, 0, vectorActions, i * SETPOINTS.length, SETPOINTS.length);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vector.close();
        env.close();
        wrapped.close();
    }

    @Benchmark
    public double single() {
        Step s = env.step(SETPOINTS);
        if (s.done()) {
            env.reset();
        }
        return s.reward;
    }

    @Benchmark
    public double wrapped() {
        Step s = wrapped.step(scaled);
        if (s.done()) {
            wrapped.reset();
        }
        return s.reward;
    }

    @Benchmark
    @OperationsPerInvocation(VECTOR)
    public double vector8on2Threads() {
        vector.step(vectorActions);
        return vector.rewards()[0];
    }
}
