package systems.rala.service.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    static String randomKey(int bytes) {
        byte[] key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void productionRefusesAMissingKey() {
        assertThatThrownBy(() -> SigningKey.fromConfigured(null))
                .hasMessageContaining("rala.auth.signing-key")
                .hasMessageContaining("required");
        assertThatThrownBy(() -> SigningKey.fromConfigured("  ")).hasMessageContaining("required");
    }

    @Test
    void refusesKeysShorterThan256Bits() {
        assertThatThrownBy(() -> SigningKey.fromConfigured(randomKey(31)))
                .hasMessageContaining("too weak")
                .hasMessageContaining("248 bits");
    }

    @Test
    void refusesLowEntropyAndMalformedKeys() {
        String repeated = Base64.getEncoder().encodeToString("abababababababababababababababababababab".getBytes());
        assertThatThrownBy(() -> SigningKey.fromConfigured(repeated)).hasMessageContaining("too weak");
        assertThatThrownBy(() -> SigningKey.fromConfigured("not base64 at all!"))
                .hasMessageContaining("base64");
    }

    @Test
    void acceptsA256BitRandomKey() {
        assertThat(SigningKey.fromConfigured(randomKey(32)).bytes()).hasSize(32);
    }

    @Test
    void embeddedDefaultGeneratesAKeyOnceAndKeepsItOwnerOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        byte[] first = SigningKey.fromDataDir(data).bytes();
        byte[] second = SigningKey.fromDataDir(data).bytes();
        assertThat(second).isEqualTo(first).hasSize(SigningKey.MIN_BYTES);
        Path file = data.resolve(SigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
