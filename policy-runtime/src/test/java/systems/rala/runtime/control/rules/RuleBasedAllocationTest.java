package systems.rala.runtime.control.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.ControlInput;

/** {@link RuleBasedClimateController#decide} allocates nothing: it runs on gateways every control tick. */
class RuleBasedAllocationTest {

    private static final int WARM_UP = 200_000;
    private static final int CALLS = 1_000_000;

    @Test
    void decideAllocatesNothing() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        var mx = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();

        RuleBasedClimateController c = new RuleBasedClimateController(
                RuleBasedSettings.builder().useBlScr(true).lampExtraHeat(2).build());
        ControlInput in = new ControlInput(c.readings());
        double[] out = new double[c.commands().size()];

        double sink = run(c, in, out, WARM_UP);
        long before = mx.getThreadAllocatedBytes(thread);
        long overhead = mx.getThreadAllocatedBytes(thread) - before; // the measuring call itself
        before = mx.getThreadAllocatedBytes(thread);
        sink += run(c, in, out, CALLS);
        long allocated = mx.getThreadAllocatedBytes(thread) - before - overhead;

        assertThat(sink).isFinite();
        // one allocation per call would be at least 16 bytes x 1e6 calls; allow a few bytes of measuring noise
        assertThat(allocated).as("bytes allocated by %d decide() calls", CALLS).isLessThan(1024);
    }

    /** Sweeps the clock over days and the readings over their ranges, including missing readings. */
    private static double run(RuleBasedClimateController c, ControlInput in, double[] out, int calls) {
        double[] v = in.values();
        double sum = 0;
        for (int i = 0; i < calls; i++) {
            double phase = (i % 288) / 288.0; // 5-minute steps over a day
            v[RuleBasedClimateController.AIR_TEMPERATURE] = (i % 997 == 0) ? Double.NaN : 14.0 + 14.0 * phase;
            v[RuleBasedClimateController.AIR_RELATIVE_HUMIDITY] = 60.0 + 40.0 * phase;
            v[RuleBasedClimateController.AIR_CO2] = 300.0 + 900.0 * (1 - phase);
            v[RuleBasedClimateController.OUTDOOR_TEMPERATURE] = -5.0 + 20.0 * phase;
            v[RuleBasedClimateController.OUTDOOR_GLOBAL_RADIATION] = phase > 0.3 && phase < 0.7 ? 600.0 * phase : 0.0;
            v[RuleBasedClimateController.OUTDOOR_DAILY_RADIATION_SUM] = (i / 288) % 20;
            in.setClock(phase * 86_400.0, 1 + (i / 288) % 365);
            c.decide(in, out);
            sum += out[i & 7];
        }
        return sum;
    }
}
