package systems.rala.env.wrappers;

import java.util.SplittableRandom;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.Seeds;
import systems.rala.env.core.Step;

/**
 * Noisy sensors. Changes one thing: each observation component i (after a reset and after each step) gets
 * Gaussian noise of standard deviation {@code sigma[i]} (in the component's unit) added, and is then clipped
 * into the observation space's bounds, as a sensor saturates at its range. Reward, flags and info are the
 * inner ones, computed from the true state.
 *
 * <p><b>Seeding.</b> The noise follows the contract of {@link systems.rala.env.core.AbstractEnv}: {@code
 * reset(seed)} starts a seed stream SplittableRandom(seed) whose next value is the episode seed, and {@code
 * reset()} takes the next value of that stream (a stream from 0 before any seed); the noise of an episode is
 * stream {@link Seeds#SENSORS} of its episode seed. The same seed thus gives the same noise, and the noise is
 * independent of the inner environment's draws, which use other streams of the same episode seed.
 */
public final class SensorNoise extends ObservationWrapper {

    private final double[] sigma;
    private final BoxSpace space;
    private SplittableRandom seeds = new SplittableRandom(0);
    private SplittableRandom noise = Seeds.stream(0, Seeds.SENSORS);

    /** Wraps {@code env} with noise of standard deviation {@code sigma[i]} (finite, not negative) on component i. */
    public SensorNoise(Env env, double[] sigma) {
        super(env, env.observationSpace().size());
        this.space = env.observationSpace();
        Boxes.requireLength("SensorNoise", "sigma", sigma, space.size());
        for (int i = 0; i < sigma.length; i++) {
            if (!(sigma[i] >= 0 && sigma[i] < Double.POSITIVE_INFINITY)) {
                BoxSpace.Component c = space.components().get(i);
                throw new IllegalArgumentException("SensorNoise: sigma of " + c.name() + " = " + sigma[i] + " "
                        + c.unit() + " must be finite and not negative");
            }
        }
        this.sigma = sigma.clone();
    }

    @Override
    public Step reset(long seed) {
        seeds = new SplittableRandom(seed);
        noise = Seeds.stream(seeds.nextLong(), Seeds.SENSORS);
        return super.reset(seed);
    }

    @Override
    public Step reset() {
        noise = Seeds.stream(seeds.nextLong(), Seeds.SENSORS);
        return super.reset();
    }

    @Override
    protected void observation(double[] in, double[] out, boolean reset) {
        for (int i = 0; i < in.length; i++) {
            double x = in[i] + sigma[i] * noise.nextGaussian(); // drawn for every component, so the stream
            double lo = space.low(i); // does not depend on which sigmas are 0
            double hi = space.high(i);
            out[i] = x < lo ? lo : x > hi ? hi : x;
        }
    }
}
