package systems.rala.train.ppo;

/**
 * The trainer's random numbers: SplitMix64 (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number
 * generators", OOPSLA) with Gaussian draws by the polar Box–Muller method. Its whole state — one long and a
 * cached Gaussian — can be saved and restored, so a resumed run draws exactly what the uninterrupted run would
 * have drawn.
 */
public final class Rng {

    private long state;
    private double spare;
    private boolean hasSpare;

    /** A generator seeded with {@code seed}. */
    public Rng(long seed) {
        this.state = seed;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, n). */
    public int nextInt(int n) {
        return (int) ((nextLong() >>> 33) % n);
    }

    /** Standard normal. */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    /** The full state: {state, cached Gaussian bits, cached flag}. */
    public long[] state() {
        return new long[] {state, Double.doubleToRawLongBits(spare), hasSpare ? 1 : 0};
    }

    /** Restores a state from {@link #state()}. */
    public void restore(long[] s) {
        state = s[0];
        spare = Double.longBitsToDouble(s[1]);
        hasSpare = s[2] != 0;
    }
}
