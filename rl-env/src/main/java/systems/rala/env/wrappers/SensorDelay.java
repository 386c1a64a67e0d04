package systems.rala.env.wrappers;

import systems.rala.env.core.Env;

/**
 * Delayed sensors. Changes one thing: the observation after step t of an episode is the inner observation
 * after step t − k (k = {@code steps}); for the first k steps after a reset, where t − k would be before the
 * reset, it is the reset observation. With k = 0 nothing changes. Reward, flags and info are not delayed.
 */
public final class SensorDelay extends ObservationWrapper {

    private final int delay;
    private final double[][] ring;
    private int written;

    /** Wraps {@code env} with observations delayed by {@code steps} (0 or more) steps. */
    public SensorDelay(Env env, int steps) {
        super(env, env.observationSpace().size());
        if (steps < 0) {
            throw new IllegalArgumentException("SensorDelay: steps = " + steps + " must not be negative");
        }
        this.delay = steps;
        this.ring = new double[steps + 1][env.observationSpace().size()];
    }

    /** The delay, in steps. */
    public int delay() {
        return delay;
    }

    @Override
    protected void observation(double[] in, double[] out, boolean reset) {
        if (reset) {
            for (double[] slot : ring) {
                System.arraycopy(in, 0, slot, 0, in.length);
            }
            written = 0;
        } else {
            written = written == delay ? 0 : written + 1;
            System.arraycopy(in, 0, ring[written], 0, in.length);
        }
        // slot (t − k) mod (k + 1) is slot (t + 1) mod (k + 1): the oldest one kept
        int read = written == delay ? 0 : written + 1;
        System.arraycopy(ring[read], 0, out, 0, out.length);
    }
}
