package systems.rala.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.export.MlpPolicy;
import systems.rala.train.export.OnnxExporter;

/**
 * One decision of an exported tanh policy with random weights, written by {@link OnnxExporter}, through
 * {@link OnnxPolicy#act}, one thread: mean time per decision and, in {@code SampleTime} mode, its
 * percentiles; run with {@code -prof gc} for the bytes allocated per decision. The {@link #shape} is
 * observations-hidden...-actions:
 *
 * <ul>
 *   <li>{@code 36-128-128-4}: a GreenhouseTomato-v0 policy as trained, 36 observations (6 climate, 5 crop,
 *       5 weather, 12 forecast, 4 time, 4 last action), two hidden layers of 128 (the {@code net_arch} in
 *       {@code training/configs/GreenhouseTomato-v0.properties}) and the 4 set-point actions;
 *   <li>{@code 16-64-64-4}: a smaller policy over the 16 current-state observations;
 *   <li>{@code 36-4}: no hidden layer, so nearly all of its time is ONNX Runtime's fixed cost per run.
 * </ul>
 *
 * The observations cycle through 1024 random vectors around the normalisation mean (one in ten far enough
 * out to be clipped). {@code reference} is the same decision by {@link MlpPolicy#act} in plain Java double
 * precision (which allocates its scratch arrays), for comparison.
 *
 * <pre>benchmarks/run InferenceBenchmark -prof gc -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InferenceBenchmark {

    /** Layer widths, observations first and actions (always 4, the set points below) last. */
    @Param({"36-128-128-4", "16-64-64-4", "36-4"})
    public String shape;

    private Path file;
    private MlpPolicy mlp;
    private OnnxPolicy policy;
    private double[][] observations;
    private double[] action;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        int[] widths =
                Arrays.stream(shape.split("-")).mapToInt(Integer::parseInt).toArray();
        int observationCount = widths[0];
        SplittableRandom rnd = new SplittableRandom(2030);
        double[] mean = new double[observationCount];
        double[] var = new double[observationCount];
        List<Point> obs = new ArrayList<>();
        for (int i = 0; i < observationCount; i++) {
            mean[i] = 100 * rnd.nextDouble();
            var[i] = 1 + 100 * rnd.nextDouble();
            obs.add(new Point("obs" + i, "-", "", -1e6, 1e6));
        }
        List<Point> act = List.of(
                new Point("heating_setpoint", "C", "", 10, 25),
                new Point("ventilation_setpoint", "C", "", 15, 35),
                new Point("co2_setpoint", "ppm", "", 400, 1600),
                new Point("lamps", "-", "", 0, 1));
        if (widths.length < 2 || widths[widths.length - 1] != act.size()) {
            throw new IllegalArgumentException(
                    "shape " + shape + ": expected observations-hidden...-" + act.size() + " (the set points)");
        }
        List<MlpPolicy.Dense> hidden = new ArrayList<>();
        for (int k = 1; k < widths.length - 1; k++) {
            hidden.add(dense(rnd, widths[k], widths[k - 1]));
        }
        mlp = new MlpPolicy(
                new MlpPolicy.Normalization(mean, var, MlpPolicy.DEFAULT_EPSILON, 10),
                hidden,
                dense(rnd, act.size(), widths[widths.length - 2]),
                act.stream().mapToDouble(Point::min).toArray(),
                act.stream().mapToDouble(Point::max).toArray());
        PolicyManifest manifest = new PolicyManifest(
                PolicyManifest.VERSION,
                "GreenhouseTomato-v0",
                "",
                obs,
                act,
                "running mean/variance, clip 10",
                "benchmark",
                2030,
                "none",
                "");
        file = Files.createTempFile("rala-inference-benchmark", ".onnx");
        OnnxExporter.write(mlp, manifest, file);
        policy = OnnxPolicy.load(file);
        action = new double[act.size()];
        observations = new double[1024][observationCount];
        for (double[] o : observations) {
            double spread = rnd.nextInt(10) == 0 ? 15 : 3;
            for (int i = 0; i < observationCount; i++) {
                o[i] = mean[i] + Math.sqrt(var[i]) * spread * (2 * rnd.nextDouble() - 1);
            }
        }
    }

    private static MlpPolicy.Dense dense(SplittableRandom rnd, int out, int in) {
        float[][] w = new float[out][in];
        float[] b = new float[out];
        double bound = Math.sqrt(3.0 / in); // uniform with variance 1/in
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[o][i] = (float) (bound * (2 * rnd.nextDouble() - 1));
            }
            b[o] = (float) (0.1 * (2 * rnd.nextDouble() - 1));
        }
        return new MlpPolicy.Dense(w, b);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        policy.close();
        Files.deleteIfExists(file);
    }

    @Benchmark
    public double onnx() {
        policy.act(observations[next++ & 1023], action);
        return action[0];
    }

    @Benchmark
    public double reference() {
        mlp.act(observations[next++ & 1023], action);
        return action[0];
    }
}
