package systems.rala.env.core;

import java.util.SplittableRandom;

/**
 * Independent random streams from one seed, so that adding a random choice to one part of an episode does
 * not shift the draws of another: stream k of seed s is the k-th split of a SplittableRandom(s).
 */
public final class Seeds {

    /** Stream for the weather draw. */
    public static final int WEATHER = 0;
    /** Stream for weather perturbation and forecast errors. */
    public static final int NOISE = 1;
    /** Stream for parameter randomisation. */
    public static final int PARAMETERS = 2;
    /** Stream for initial-state perturbation. */
    public static final int INITIAL_STATE = 3;
    /** Stream for sensor noise (wrappers). */
    public static final int SENSORS = 4;

    private Seeds() {}

    /** An independent generator for {@code stream} of {@code seed}. */
    public static SplittableRandom stream(long seed, int stream) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom s = root.split();
        for (int i = 0; i < stream; i++) {
            s = root.split();
        }
        return s;
    }

    /** A seed for stream {@code stream} of {@code seed}. */
    public static long derive(long seed, int stream) {
        return stream(seed, stream).nextLong();
    }
}
