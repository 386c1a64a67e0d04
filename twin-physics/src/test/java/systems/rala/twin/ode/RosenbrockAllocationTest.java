package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No allocation per call once the work arrays for a dimension exist, measured with the JVM's per-thread
 * allocation counter (com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes). The counter is exact
 * for the thread's TLAB and heap allocations; reading it costs nothing on the heap, and the same reading
 * around an empty loop gives the baseline subtracted here. Allowed: 0 bytes per call, with 1 KiB in total
 * for one-off noise (a safepoint or JIT deoptimisation can allocate a few objects on the measuring thread).
 */
class RosenbrockAllocationTest {

    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"per-call", "every-step", "fixed"})
    void integrateAllocatesNothingPerCall(String mode) {
        RosenbrockIntegrator ros = switch (mode) {
            case "per-call" -> RosenbrockIntegrator.of(1e-4, 1e-6);
            case "every-step" ->
                RosenbrockIntegrator.builder()
                        .jacobianPolicy(RosenbrockIntegrator.JacobianPolicy.EVERY_STEP)
                        .build();
            default -> RosenbrockIntegrator.builder().fixedStep(100).build();
        };
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        double[] x = TestSystems.HeatChain.initial();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        int call = 0;
        for (; call < WARM_UP; call++) {
            step(ros, f, x, call);
        }
        long rejectedBefore = ros.rejectedSteps();
        long baseline0 = threads.getCurrentThreadAllocatedBytes();
        long baseline1 = threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < MEASURED; k++, call++) {
            step(ros, f, x, call);
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        long allocated = (after - before) - (baseline1 - baseline0);

        assertThat(allocated).as("bytes allocated by %d calls", MEASURED).isLessThanOrEqualTo(1024);
        if (!mode.equals("fixed")) {
            // the measured calls went through rejections too, not only the easy path
            assertThat(ros.rejectedSteps()).isGreaterThan(rejectedBefore);
        }
    }

    private static void step(RosenbrockIntegrator ros, TestSystems.HeatChain f, double[] x, int call) {
        f.heating = (call / 6) % 2 == 0 ? 0.0 : 40.0; // switches every half hour: transients, rejections
        ros.integrate(f, call * 300.0, x, (call + 1) * 300.0);
    }
}
