package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

    /** 5 per 15 minutes, as application.yaml's per-account limit: one token back every 900 s / 5 = 180 s. */
    private final TokenBuckets buckets = new TokenBuckets(5, Duration.ofMinutes(15), 1000, clock);

    @Test
    void aFullBucketAllowsItsCapacityAtOnceThenSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.tryTake("a")).as("attempt " + (i + 1)).isEmpty();
        }
        assertThat(buckets.tryTake("a")).contains(Duration.ofSeconds(180));
        clock.advance(Duration.ofSeconds(60));
        // a third of a token is back: two thirds of 180 s to go
        assertThat(buckets.tryTake("a")).contains(Duration.ofSeconds(120));
        clock.advance(Duration.ofSeconds(120));
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
    }

    @Test
    void aRefusedAttemptTakesNothingAndRefillStopsAtCapacity() {
        for (int i = 0; i < 5; i++) {
            buckets.tryTake("a");
        }
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.tryTake("a")).isPresent();
        }
        // 180 s after the last token was taken, exactly one is back, refusals notwithstanding
        clock.advance(Duration.ofSeconds(180));
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
        // a day later the bucket holds 5, not 480
        clock.advance(Duration.ofDays(1));
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.tryTake("a")).isEmpty();
        }
        assertThat(buckets.tryTake("a")).isPresent();
    }

    @Test
    void keysAreIndependentAndAGivenBackTokenCountsAgain() {
        for (int i = 0; i < 5; i++) {
            buckets.tryTake("a");
        }
        assertThat(buckets.tryTake("b")).isEmpty();
        assertThat(buckets.tryTake("a")).isPresent();
        buckets.giveBack("a");
        assertThat(buckets.tryTake("a")).isEmpty();
        // giving back never overfills, and an unknown key is no error
        buckets.giveBack("b");
        buckets.giveBack("b");
        buckets.giveBack("never seen");
        for (int i = 0; i < 5; i++) {
            assertThat(buckets.tryTake("b")).isEmpty();
        }
        assertThat(buckets.tryTake("b")).isPresent();
    }

    @Test
    void memoryIsBoundedForgettingRefilledBucketsFirst() {
        TokenBuckets small = new TokenBuckets(2, Duration.ofMinutes(1), 3, clock);
        // "spent" is emptied; "x" and "y" take one token each and then refill completely
        small.tryTake("spent");
        small.tryTake("spent");
        small.tryTake("x");
        small.tryTake("y");
        clock.advance(Duration.ofSeconds(31));
        // "spent" has 1.03 of 2 tokens back; x and y are full again and remember nothing
        assertThat(small.size()).isEqualTo(3);
        small.tryTake("z");
        assertThat(small.size()).isEqualTo(2);
        // "spent" was kept: one token left, not a fresh two
        assertThat(small.tryTake("spent")).isEmpty();
        assertThat(small.tryTake("spent")).isPresent();
    }

    @Test
    void whenEveryBucketIsInUseTheLeastRecentlyUsedIsForgotten() {
        TokenBuckets small = new TokenBuckets(1, Duration.ofHours(1), 2, clock);
        small.tryTake("old");
        small.tryTake("recent");
        small.tryTake("new");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.tryTake("recent")).as("kept, and still spent").isPresent();
        assertThat(small.tryTake("old")).as("forgotten, so a fresh bucket").isEmpty();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new TokenBuckets(0, Duration.ofMinutes(1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBuckets(1, Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
