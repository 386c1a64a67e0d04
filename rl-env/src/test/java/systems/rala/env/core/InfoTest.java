package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import systems.rala.env.testing.Allocations;

class InfoTest {

    private static final String[] KEYS = new String[20];

    static {
        for (int i = 0; i < KEYS.length; i++) {
            KEYS[i] = "key_" + i;
        }
    }

    @Test
    void putGetClearAndCopy() {
        Info info = new Info();
        assertThat(info.get("a")).isNaN();
        assertThat(info.has("a")).isFalse();
        info.put("a", 1);
        info.put("b", 2);
        info.put("a", 3);
        assertThat(info.get("a")).isEqualTo(3);
        assertThat(info.toMap()).containsExactly(java.util.Map.entry("a", 3.0), java.util.Map.entry("b", 2.0));
        for (String k : KEYS) { // beyond the first 16 slots
            info.put(k, k.length());
        }
        assertThat(info.get("key_19")).isEqualTo(6);
        Info copy = new Info();
        copy.put("stale", 1);
        copy.copyFrom(info);
        assertThat(copy.toMap()).isEqualTo(info.toMap());
        assertThat(copy.has("stale")).isFalse();
        copy.copyFrom(copy); // a copy onto itself keeps it
        assertThat(copy.toMap()).isEqualTo(info.toMap());
        info.clear();
        assertThat(info.has("a")).isFalse();
        assertThat(info.toMap()).isEmpty();
        assertThat(info.get("key_3")).isNaN();
    }

    @Test
    void reuseAllocatesNothing() {
        Allocations alloc = Allocations.counter();
        Info info = new Info();
        Info copy = new Info();
        double sink = cycle(info, copy, 50_000);
        long overhead = alloc.overhead();
        long before = alloc.current();
        sink += cycle(info, copy, 500_000);
        long allocated = alloc.current() - before - overhead;
        assertThat(sink).isFinite();
        assertThat(allocated)
                .as("bytes allocated by 5e5 clear/put/get/copy cycles")
                .isLessThan(1024);
    }

    private static double cycle(Info info, Info copy, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            info.clear();
            for (int k = 0; k < KEYS.length; k += 1 + (i & 1)) {
                info.put(KEYS[k], i + k);
            }
            copy.copyFrom(info);
            String key = KEYS[i % KEYS.length];
            sum += copy.has(key) ? copy.get(key) : -1; // odd i sets only the even keys
        }
        return sum;
    }
}
