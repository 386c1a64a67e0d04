package systems.rala.env.scenario;

import java.util.Locale;

/**
 * Which weather an episode may see. Generated weather is drawn from disjoint pools of generator seeds and
 * calendar years, so a policy is never tested on weather it trained on:
 *
 * <pre>
 * train       seeds 0..99         years 2001..2100 (seed k: year 2001 + k)
 * validation  seeds 100000..100019, years 2201..2220
 * test        seeds 200000..200019, years 2301..2320
 * </pre>
 *
 * A pool is finite so that generated years can be cached and shared between environments; 100 training
 * years of 8,760 hours each are far more weather than any season-long training run sees.
 */
public enum Split {
    TRAIN(0, 2001, 100),
    VALIDATION(100_000, 2201, 20),
    TEST(200_000, 2301, 20);

    private final long firstSeed;
    private final int firstYear;
    private final int size;

    Split(long firstSeed, int firstYear, int size) {
        this.firstSeed = firstSeed;
        this.firstYear = firstYear;
        this.size = size;
    }

    /** Number of distinct generated years in the pool. */
    public int size() {
        return size;
    }

    /** Generator seed of pool member {@code k}. */
    public long seed(int k) {
        return firstSeed + k;
    }

    /** Calendar year of pool member {@code k}. */
    public int year(int k) {
        return firstYear + k;
    }

    /** The split named {@code name} (train, validation, test). */
    public static Split of(String name) {
        for (Split s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("split '" + name + "': allowed train, validation, test");
    }
}
