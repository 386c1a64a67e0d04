package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PrehashedBCryptTest {

    /** The least work factor BCrypt takes, to keep the test fast; the scheme does not depend on it. */
    private final PrehashedBCrypt encoder = new PrehashedBCrypt(4);

    @Test
    void everyCharacterCountsBeyondBcrypts72Bytes() {
        String a = "x".repeat(127) + "a";
        String b = "x".repeat(127) + "b";
        String hash = encoder.encode(a);
        assertThat(hash).startsWith(PrehashedBCrypt.PREFIX + "$2a$04$");
        assertThat(encoder.matches(a, hash)).isTrue();
        assertThat(encoder.matches(b, hash)).isFalse();
        // 40 three-byte characters: 120 bytes
        String wide = "€".repeat(40);
        assertThat(encoder.matches(wide, encoder.encode(wide))).isTrue();
        assertThat(encoder.matches("€".repeat(39) + "£", encoder.encode(wide))).isFalse();
    }

    @Test
    void hashesFromBeforeThePrehashStillVerifyAndAskToBeUpgraded() {
        String legacy = new BCryptPasswordEncoder(4).encode("correct horse battery");
        assertThat(encoder.matches("correct horse battery", legacy)).isTrue();
        assertThat(encoder.matches("wrong horse battery", legacy)).isFalse();
        // a long password was never stored the old way, and must not throw
        assertThat(encoder.matches("y".repeat(100), legacy)).isFalse();
        assertThat(encoder.upgradeEncoding(legacy)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("correct horse battery")))
                .isFalse();
    }

    @Test
    void theSaltMakesEveryHashDifferent() {
        assertThat(encoder.encode("same password")).isNotEqualTo(encoder.encode("same password"));
        assertThat(encoder.matches("anything", null)).isFalse();
    }
}
