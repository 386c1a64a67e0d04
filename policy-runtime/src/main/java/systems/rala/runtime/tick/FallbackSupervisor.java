package systems.rala.runtime.tick;

/**
 * Decides, tick by tick, whether the policy may drive or the rule-based fall-back takes over. The fall-back
 * takes over at once when the policy is not loaded or fails, when a reading it needs is missing or stale,
 * or when an observation lies far outside what the policy saw in training (the manifest bounds plus a
 * margin, see {@code ObservationAssembler}). Control returns to the policy only after {@link
 * #stableTicks()} healthy ticks in a row, so a flickering sensor cannot toggle the greenhouse between two
 * controllers. Allocation-free.
 */
public final class FallbackSupervisor {

    /** Why the fall-back drives (or {@link #NONE}). Codes for the audit trail. */
    public enum Reason {
        /** The policy drives. */
        NONE,
        /** No policy is loaded, or it failed to load. */
        POLICY_NOT_LOADED,
        /** The policy threw or returned a non-finite action. */
        POLICY_FAILED,
        /** A reading the policy needs is missing, stale or non-finite. */
        READINGS_UNUSABLE,
        /** An observation lies far outside the policy's training range. */
        OUT_OF_TRAINING_RANGE,
        /** Healthy again, waiting for the stable period before handing back. */
        RECOVERING
    }

    private final int stableTicks;
    private int healthyInARow;
    private boolean fallback = true;
    private Reason reason = Reason.POLICY_NOT_LOADED;

    /**
     * @param stableTicks healthy ticks in a row needed before the policy drives again (1–10,000; at 1 the
     *     first healthy tick hands back)
     */
    public FallbackSupervisor(int stableTicks) {
        if (stableTicks < 1 || stableTicks > 10_000) {
            throw new IllegalArgumentException("fallback stable_ticks = " + stableTicks + " is outside [1, 10000]");
        }
        this.stableTicks = stableTicks;
        this.healthyInARow = stableTicks; // a policy that is healthy from the first tick drives at once
    }

    /** Healthy ticks in a row needed before the policy drives again. */
    public int stableTicks() {
        return stableTicks;
    }

    /**
     * Records the health of this tick and returns whether the policy may drive.
     *
     * @param problem {@link Reason#NONE} if the policy is loaded, ran, and its observation was usable and in
     *     range; otherwise the first problem found
     */
    public boolean update(Reason problem) {
        if (problem != Reason.NONE) {
            healthyInARow = 0;
            fallback = true;
            reason = problem;
            return false;
        }
        if (fallback) {
            healthyInARow = Math.min(healthyInARow + 1, stableTicks);
            if (healthyInARow >= stableTicks) {
                fallback = false;
                reason = Reason.NONE;
            } else {
                reason = Reason.RECOVERING;
            }
        }
        return !fallback;
    }

    /** Why the fall-back drives after the last {@link #update}, or {@link Reason#NONE}. */
    public Reason reason() {
        return reason;
    }

    /** Healthy ticks in a row so far (capped at {@link #stableTicks()}). */
    public int healthyInARow() {
        return healthyInARow;
    }
}
