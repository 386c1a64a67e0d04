package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API on the embedded default: H2 (PostgreSQL mode) in a fresh data folder, key generated there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultApiTest extends ApiContractTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("rala-service-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("rala.data-dir", DATA_DIR::toString);
        TEST_PROPERTIES.forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void theEmbeddedDefaultKeepsItsDatabaseAndGeneratedKeyInTheDataFolder() {
        assertThat(DATA_DIR.resolve("rala.mv.db")).exists();
        assertThat(DATA_DIR.resolve("jwt-signing-key")).exists();
        // the bootstrap password was given, so none was written
        assertThat(DATA_DIR.resolve("initial-admin-password")).doesNotExist();
    }
}
