package systems.rala.twin.estimation;

/**
 * One model state the live twin estimates, with its initial uncertainty and the rate at which the model's own
 * error makes it uncertain.
 *
 * @param index the state's index in the model's state vector
 * @param initialSd standard deviation of the initial estimate [state unit]; positive and finite
 * @param processNoise standard deviation [state unit] of the random walk by which the model's error moves
 *     the state in one hour: over a step of dt seconds the variance grows by processNoise² · dt / 3600 (a
 *     continuous-time white-noise process, discretised; Bar-Shalom, Li &amp; Kirubarajan, <i>Estimation with
 *     Applications to Tracking and Navigation</i>, 2001, §6.2); non-negative and finite
 */
public record EstimatedState(int index, double initialSd, double processNoise) {

    public EstimatedState {
        if (index < 0) {
            throw new IllegalArgumentException("state index " + index + " is negative");
        }
        if (!(initialSd > 0.0 && initialSd < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "state " + index + ": initialSd = " + initialSd + "; allowed: positive and finite");
        }
        if (!(processNoise >= 0.0 && processNoise < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "state " + index + ": processNoise = " + processNoise + "; allowed: non-negative and finite");
        }
    }
}
