package systems.rala.twin.sim;

/**
 * Everything needed to continue a {@link Simulation} exactly from a point: time, state (model, crop and
 * accumulators), held inputs and the integrator's step size. O(number of states) to take and to restore.
 *
 * @param time simulation time [s since the start]
 * @param state the state vector
 * @param inputs the held actuator inputs
 * @param stepSize the integrator's next step size [s]
 */
public record Snapshot(double time, double[] state, double[] inputs, double stepSize) {

    public Snapshot {
        state = state.clone();
        inputs = inputs.clone();
    }

    @Override
    public double[] state() {
        return state.clone();
    }

    @Override
    public double[] inputs() {
        return inputs.clone();
    }
}
