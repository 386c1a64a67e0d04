package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** {@link SafetyLayer#apply} allocates nothing: it runs on gateways every control tick, after every controller. */
class SafetyLayerAllocationTest {

    private static final int WARM_UP = 200_000;
    private static final int CALLS = 1_000_000;

    @Test
    void applyAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        var mx = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();

        SafetyLayer layer = new SafetyLayer(SafetyConfig.greenhouseDefaults());
        double[] readings = new double[3];
        double[] raw = new double[8];
        double[] out = new double[8];

        double sink = run(layer, readings, raw, out, WARM_UP);
        long before = mx.getThreadAllocatedBytes(thread);
        long overhead = mx.getThreadAllocatedBytes(thread) - before; // the measuring call itself
        before = mx.getThreadAllocatedBytes(thread);
        sink += run(layer, readings, raw, out, CALLS);
        long allocated = mx.getThreadAllocatedBytes(thread) - before - overhead;

        assertThat(sink).isFinite();
        // apply() has no allocation site outside its argument checks (no boxing, varargs, iterators or lambdas), so
        // it allocates nothing even when interpreted: expect exactly zero, not "little"
        assertThat(allocated).as("bytes allocated by %d apply() calls", CALLS).isZero();
    }

    /**
     * Drives every branch: readings sweep through all four guards and go missing, commands go out of bounds, NaN and
     * infinite, lamps switch and are held, intervals are now and then invalid.
     */
    private static double run(SafetyLayer layer, double[] v, double[] raw, double[] out, int calls) {
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            double phase = (i % 500) / 500.0;
            v[SafetyLayer.AIR_TEMPERATURE] = i % 997 == 0 ? Double.NaN : 0.0 + 40.0 * phase;
            v[SafetyLayer.AIR_RELATIVE_HUMIDITY] = i % 991 == 0 ? 150.0 : 60.0 + 40.0 * phase;
            v[SafetyLayer.AIR_CO2] = i % 983 == 0 ? Double.POSITIVE_INFINITY : 400.0 + 1400.0 * (1 - phase);
            for (int j = 0; j < raw.length; j++) {
                int k = (i + 37 * j) % 211;
                raw[j] = k == 0
                        ? Double.NaN
                        : k == 1 ? Double.NEGATIVE_INFINITY : k == 2 ? 1e300 : (k % 13) / 10.0 - 0.1;
            }
            double dt = i % 1009 == 0 ? Double.NaN : 1.0 + (i % 7) * 50.0;
            SafetyResult r = layer.apply(v, raw, dt, out);
            sum += out[i & 7] + r.reasons(i & 7) + r.tickReasons();
        }
        return sum;
    }
}
