package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The API on the embedded default: H2 (PostgreSQL mode) in a fresh data folder, key generated there. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedDefaultApiTest extends ApiContractTest implements DashboardBrowserContract {

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
    void theEmbeddedBrokerListensOnLoopbackAndRefusesAnonymousAndUnknownClients() throws MqttException {
        assertThat(mqtt.url()).startsWith("tcp://127.0.0.1:");
        for (String[] who : new String[][] {{null, null}, {"rala-service", "guess"}, {"gw-unknown", "secret"}}) {
            try (MqttClient client = new MqttClient(
                    mqtt.url(), "probe-" + UUID.randomUUID().toString().substring(0, 8), new MemoryPersistence())) {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setConnectionTimeout(5);
                if (who[0] != null) {
                    options.setUserName(who[0]);
                    options.setPassword(who[1].toCharArray());
                }
                assertThatThrownBy(() -> client.connect(options))
                        .as("user " + who[0])
                        .isInstanceOf(MqttException.class)
                        .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
                                .isIn((int) MqttException.REASON_CODE_NOT_AUTHORIZED, (int)
                                        MqttException.REASON_CODE_FAILED_AUTHENTICATION));
            }
        }
        assertThat(DATA_DIR.resolve("mqtt")).isDirectory();
    }

    /**
     * A connection other than the one that ran the migrations can write to tables with CHECK constraints on
     * strings (memberships.role); H2 2.4.240 refused it ("Check constraint invalid").
     */
    @Test
    void aFreshConnectionPassesTheMigratedCheckConstraints() throws java.sql.SQLException {
        String url = "jdbc:h2:file:" + DATA_DIR.resolve("rala")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.PreparedStatement s = c.prepareStatement(
                        "INSERT INTO memberships (facility_id, user_id, role) VALUES (?, ?, 'VIEWER')")) {
            s.setObject(1, facilityB);
            s.setObject(2, victorId);
            assertThat(s.executeUpdate()).isEqualTo(1);
            c.createStatement()
                    .execute("DELETE FROM memberships WHERE facility_id = '" + facilityB + "' AND user_id = '"
                            + victorId + "'");
        }
    }

    @Test
    void theEmbeddedDefaultKeepsItsDatabaseAndGeneratedKeyInTheDataFolder() {
        assertThat(DATA_DIR.resolve("rala.mv.db")).exists();
        assertThat(DATA_DIR.resolve("jwt-signing-key")).exists();
        // the bootstrap password was given, so none was written
        assertThat(DATA_DIR.resolve("initial-admin-password")).doesNotExist();
    }
}
