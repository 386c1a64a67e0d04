package systems.rala.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.policy.OnnxPolicy;

/**
 * What {@link OnnxPolicy#act} allocates per call on the Java heap once warm. The runtime's own code
 * allocates nothing; ONNX Runtime's Java {@code OrtSession.run} creates its name and handle arrays and a
 * {@code Result} (with a map and a list) per call, which this test measures and bounds.
 */
class OnnxPolicyAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int CALLS = 50_000;

    @TempDir
    Path dir;

    @Test
    void actAllocatesOnlyWhatOnnxRuntimesRunDoes() throws IOException {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        var mx = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();

        MlpPolicy policy = TestPolicies.random(9, 64, 64);
        Path file = dir.resolve("policy.onnx");
        OnnxExporter.write(policy, TestPolicies.manifest(), file);
        double[][] observations = new double[256][policy.observationSize()];
        float[][] floatObservations = new float[256][policy.observationSize()];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int k = 0; k < observations.length; k++) {
            TestPolicies.observation(rnd, policy, observations[k]);
            for (int i = 0; i < observations[k].length; i++) {
                floatObservations[k][i] = (float) observations[k][i];
            }
        }
        double[] action = new double[policy.actionSize()];

        try (OnnxPolicy onnx = OnnxPolicy.load(file)) {
            double sink = run(onnx, observations, floatObservations, action, WARM_UP);
            long before = mx.getThreadAllocatedBytes(thread);
            long overhead = mx.getThreadAllocatedBytes(thread) - before; // the measuring call itself
            before = mx.getThreadAllocatedBytes(thread);
            sink += run(onnx, observations, floatObservations, action, CALLS);
            long allocated = mx.getThreadAllocatedBytes(thread) - before - overhead;
            double perCall = (double) allocated / CALLS;
            System.out.printf(
                    "OnnxPolicy.act: %.1f bytes allocated per call after warm-up (%d calls)%n", perCall, CALLS);

            assertThat(sink).isFinite();
            // OrtSession.run's own objects: measured 368 bytes on ONNX Runtime 1.29.0 / JDK 17; an
            // allocation growing with the model (a copied output array: 16 + 4 x 4 bytes plus its tensor
            // object) or a per-call buffer of the runtime's own would push this up
            assertThat(perCall).as("bytes allocated per act() call").isLessThan(512);
        }
    }

    /** Alternates the double and float overloads over a fixed set of observations. */
    private static double run(OnnxPolicy p, double[][] obs, float[][] fobs, double[] action, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            int k = i & 255;
            if ((i & 1) == 0) {
                p.act(obs[k], action);
            } else {
                p.act(fobs[k], action);
            }
            sum += action[i & 3];
        }
        return sum;
    }
}
