package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void newIdsAreVersion7UuidsCarryingTheirMillisecond() {
        String id = MessageIds.newId(1_772_344_800_000L, new Random(1)); // 2026-03-01T06:00:00Z
        UUID uuid = UUID.fromString(id);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2); // RFC 9562
        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(1_772_344_800_000L);
        assertThat(id).hasSize(36).startsWith("019ca7fb-7300-7");
        assertThat(MessageIds.isValid(id)).isTrue();
    }

    @Test
    void laterIdsSortLaterAndIdsDoNotRepeat() {
        Random random = new Random(2);
        String earlier = MessageIds.newId(1_772_344_800_000L, random);
        String later = MessageIds.newId(1_772_344_800_001L, random);
        assertThat(later).isGreaterThan(earlier);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(MessageIds.newId());
        }
        assertThat(ids)
                .hasSize(10_000)
                .allSatisfy(id -> assertThat(MessageIds.isValid(id)).isTrue());
    }

    @Test
    void validIdsAreUuidsUlidsAndLikeNotShortCounters() {
        assertThat(MessageIds.isValid("01ARZ3NDEKTSV4RRFFQ69G5FAV")).isTrue(); // a ULID
        assertThat(MessageIds.isValid("3f2504e04f8911d39a0c0305e82c3301")).isTrue(); // a UUID without dashes
        assertThat(MessageIds.isValid("gw-1_000000000042")).isTrue();
        assertThat(MessageIds.isValid("42")).isFalse();
        assertThat(MessageIds.isValid("")).isFalse();
        assertThat(MessageIds.isValid(null)).isFalse();
        assertThat(MessageIds.isValid("a".repeat(65))).isFalse();
        assertThat(MessageIds.isValid("0195a3c4 5e6f 7a8b")).isFalse();
        assertThat(MessageIds.isValid("0195a3c4/5e6f/7a8b/9c0d")).isFalse();
    }
}
