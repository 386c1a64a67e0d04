package systems.rala.env.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/** Bytes allocated by threads, from com.sun.management.ThreadMXBean (tests are skipped where it is missing). */
public final class Allocations {

    private final com.sun.management.ThreadMXBean mx;

    private Allocations(com.sun.management.ThreadMXBean mx) {
        this.mx = mx;
    }

    /** The counter, or the calling test skipped when the JVM cannot count allocations per thread. */
    public static Allocations counter() {
        var threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean, "no com.sun.management.ThreadMXBean");
        var mx = (com.sun.management.ThreadMXBean) threads;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "thread allocation counting not supported");
        mx.setThreadAllocatedMemoryEnabled(true);
        return new Allocations(mx);
    }

    /** Bytes allocated so far by the calling thread. */
    public long current() {
        return mx.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Bytes allocated so far by thread {@code t}. */
    public long of(Thread t) {
        return mx.getThreadAllocatedBytes(t.getId());
    }

    /** The bytes one {@link #current()} call itself allocates (subtract from a measurement). */
    public long overhead() {
        long a = current();
        long b = current();
        return b - a;
    }
}
