package systems.rala.twin.ode;

/**
 * An integration that could not go on: the step size fell below its minimum, the step budget of one call
 * ran out, or the system kept producing NaN or infinite values. Carries the time reached and the step size
 * last tried, so a caller (an environment ending an episode, say) can report where it happened.
 */
public final class IntegrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final double time;
    private final double stepSize;

    /**
     * An integration failure.
     *
     * @param message what went wrong, naming t and h
     * @param time the time reached [system time unit]
     * @param stepSize the step size last tried [system time unit]
     */
    public IntegrationException(String message, double time, double stepSize) {
        super(message);
        this.time = time;
        this.stepSize = stepSize;
    }

    /** The time the integration had reached when it stopped [system time unit]. */
    public double time() {
        return time;
    }

    /** The step size last tried [system time unit]. */
    public double stepSize() {
        return stepSize;
    }
}
