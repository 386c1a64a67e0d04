package systems.rala.service.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Token buckets by key, in memory: each key may take {@code capacity} tokens at once, and its bucket refills
 * at {@code capacity} tokens per {@code window}. Memory is bounded: at most {@code maxKeys} buckets are kept;
 * when a new key would exceed that, buckets that have refilled completely (they remember nothing) are dropped,
 * and if that is not enough, the least recently used one. Thread-safe.
 */
final class TokenBuckets {

    private final int capacity;
    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    /** In access order, so the first entry is the least recently used. */
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Bucket {
        /** tokens left, fractional while refilling */
        double tokens;
        /** when {@code tokens} was last brought up to date, ms since the epoch */
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    TokenBuckets(int capacity, Duration window, int maxKeys, Clock clock) {
        if (capacity < 1 || window.toMillis() < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("capacity, window and maxKeys must be positive");
        }
        this.capacity = capacity;
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /**
     * Takes a token for {@code key}.
     *
     * @return empty when one was taken; otherwise how long until one is back (nothing is taken)
     */
    synchronized Optional<Duration> tryTake(String key) {
        long now = clock.millis();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            makeRoom(now);
            bucket = new Bucket(capacity, now);
            buckets.put(key, bucket);
        }
        refill(bucket, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Optional.empty();
        }
        // the tolerance keeps rounding error (120000.00000001 ms) from adding a millisecond
        long wait = (long) Math.ceil((1 - bucket.tokens) * windowMillis / capacity - 1e-6);
        return Optional.of(Duration.ofMillis(Math.max(1, wait)));
    }

    /** Returns a token taken for an attempt that is not to count. */
    synchronized void giveBack(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            refill(bucket, clock.millis());
            bucket.tokens = Math.min(capacity, bucket.tokens + 1);
        }
    }

    synchronized int size() {
        return buckets.size();
    }

    private void refill(Bucket bucket, long now) {
        if (now > bucket.at) {
            bucket.tokens = Math.min(capacity, bucket.tokens + (double) (now - bucket.at) * capacity / windowMillis);
            bucket.at = now;
        }
    }

    private void makeRoom(long now) {
        if (buckets.size() < maxKeys) {
            return;
        }
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            refill(b, now);
            if (b.tokens >= capacity) {
                it.remove();
            }
        }
        Iterator<String> eldest = buckets.keySet().iterator();
        while (buckets.size() >= maxKeys && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
