package systems.rala.edge.loop;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.policy.PolicyManifest;

/**
 * The watchdog around a policy: each decision runs on the policy's own thread and must return within its budget.
 * A decision that overruns, throws, or comes while an earlier one is still running fails the tick's policy step
 * with an exception, which the control tick's {@code FallbackSupervisor} answers by handing control to the
 * rule-based fall-back at once ({@code POLICY_FAILED}), and back only after its stable period. The control loop
 * also {@link #trip trips} it when a whole tick overran, so the next decision fails the same way.
 *
 * <p>The policy reads and writes private copies of the arrays, so a decision that returns late can never write
 * into a later tick's action.
 */
public final class GuardedPolicy implements DecisionPolicy, AutoCloseable {

    private final DecisionPolicy inner;
    private final String version;
    private final long budgetNanos;
    private final ExecutorService thread;
    private final double[] observation;
    private final double[] action;
    private Future<?> running;
    private long runningSince;
    private volatile String tripped;

    /**
     * @param inner the policy
     * @param version its version name, for the gateway's state
     * @param budget how long one decision may take
     */
    public GuardedPolicy(DecisionPolicy inner, String version, Duration budget) {
        this.inner = inner;
        this.version = version;
        this.budgetNanos = budget.toNanos();
        this.observation = new double[inner.manifest().observations().size()];
        this.action = new double[inner.manifest().actions().size()];
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "policy-" + version);
            t.setDaemon(true);
            return t;
        });
    }

    /** The guarded policy. */
    public DecisionPolicy inner() {
        return inner;
    }

    /** Its version name. */
    public String version() {
        return version;
    }

    @Override
    public PolicyManifest manifest() {
        return inner.manifest();
    }

    /** Makes the next decision fail with {@code reason} (a tick overran its budget). */
    public void trip(String reason) {
        this.tripped = reason;
    }

    @Override
    public void act(double[] obs, double[] out) {
        String t = tripped;
        if (t != null) {
            tripped = null;
            throw new IllegalStateException(t);
        }
        if (running != null && !running.isDone()) {
            throw new IllegalStateException("the policy has not returned from a decision started "
                    + (System.nanoTime() - runningSince) / 1_000_000 + " ms ago");
        }
        System.arraycopy(obs, 0, observation, 0, observation.length);
        runningSince = System.nanoTime();
        running = thread.submit(() -> inner.act(observation, action));
        try {
            running.get(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the policy took longer than its budget of " + budgetNanos / 1_000_000 + " ms");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw new IllegalStateException(c.getClass().getSimpleName() + ": " + c.getMessage(), c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the policy decided");
        }
        System.arraycopy(action, 0, out, 0, action.length);
    }

    /** Stops the policy's thread (a decision still running is left to finish on its own) and closes the policy. */
    @Override
    public void close() {
        thread.shutdownNow();
        if (inner instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) { // AutoCloseable.close declares Exception; OnnxPolicy's throws nothing checked
                throw new IllegalStateException("closing policy " + version + ": " + e.getMessage(), e);
            }
        }
    }
}
