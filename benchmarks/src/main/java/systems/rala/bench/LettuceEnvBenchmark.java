package systems.rala.bench;

import java.util.Map;
import java.util.SplittableRandom;
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
import systems.rala.env.lettuce.LettuceEnv;

/**
 * Environment steps per second of {@code GreenhouseLettuce-v0}: {@link #single} is one step of one
 * environment on one thread, with a reset every 1920 steps counted in; {@link #vector8on2Threads} is one step
 * of a vector of 8 environments on 2 threads, reported per environment step (8 per call). Actions are fixed
 * random vectors, so the policy costs nothing. Weather {@code cached}: a fixed validation scenario, generated
 * once, so a reset costs microseconds; {@code fresh}: the default train split, a newly generated year of
 * weather at every reset (tens of milliseconds each), to show that cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class LettuceEnvBenchmark {

    private static final int VECTOR = 8;

    @Param({"cached"})
    public String weather;

    @Param({"0", "12"})
    public String forecast;

    private Env env;
    private VectorEnv vector;
    private double[][] actions;
    private double[] vectorActions;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        env = make(0);
        env.reset(1);
        vector = new VectorEnv(this::make, VECTOR, 2);
        actions = new double[1024][3];
        SplittableRandom rng = new SplittableRandom(7);
        for (double[] a : actions) {
            env.actionSpace().sample(rng, a);
        }
        vectorActions = new double[VECTOR * 3];
        for (int i = 0; i < vectorActions.length; i++) {
            vectorActions[i] = 2 * rng.nextDouble() - 1;
        }
    }

    private Env make(int index) {
        Map<String, String> options = weather.equals("cached")
                ? Map.of("forecast_steps", forecast, "split", "validation", "scenario", "0")
                : Map.of("forecast_steps", forecast);
        return EnvRegistry.make(LettuceEnv.ID, options);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        vector.close();
    }

    @Benchmark
    public double single() {
        Step s = env.step(actions[next++ & 1023]);
        if (s.terminated) {
            env.reset();
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
