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
import org.openjdk.jmh.annotations.Warmup;
import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.wrappers.EpisodeStatistics;
import systems.rala.env.wrappers.NormalizeObservation;
import systems.rala.env.wrappers.RescaleAction;
import systems.rala.env.wrappers.TimeLimit;

/**
 * Wrapper overhead on {@code Pendulum-v1}, one thread, time per step: {@code raw} is the bare PendulumEnv,
 * {@code wrapped} the same env inside TimeLimit(200), RescaleAction, NormalizeObservation and
 * EpisodeStatistics (innermost first). Both start a new episode every 200 steps, so each operation's average
 * includes 1/200 of a reset; the actions sweep the torque range.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvStepBenchmark {

    @Param({"raw", "wrapped"})
    public String stack;

    private Env env;
    private final double[] action = new double[1];
    private final double[] sweep = new double[256];
    private double scale;
    private int k;
    private int inEpisode;

    @Setup(Level.Trial)
    public void setUp() {
        if (stack.equals("raw")) {
            env = new PendulumEnv();
            scale = PendulumEnv.MAX_TORQUE;
        } else {
            env = new EpisodeStatistics(
                    new NormalizeObservation(new RescaleAction(new TimeLimit(new PendulumEnv(), 200))));
            scale = 1.0;
        }
        for (int i = 0; i < sweep.length; i++) {
            sweep[i] = Math.sin(i * 2 * Math.PI / sweep.length);
        }
        env.reset(1);
    }

    @Benchmark
    public double step() {
        action[0] = scale * sweep[k++ & 255];
        Step s = env.step(action);
        if (++inEpisode == 200) {
            inEpisode = 0;
            env.reset();
        }
        return s.reward;
    }
}
