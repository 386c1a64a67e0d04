package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import systems.rala.service.RalaServiceApplication;

/**
 * The API end to end on the machine's real PostgreSQL (127.0.0.1:5432, user postgres) under the production
 * profile, in a database made for this run and dropped after it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
class PostgresProductionApiTest extends ApiContractTest {

    static final String SERVER = System.getProperty("rala.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    static final String DATABASE = "rala_test_" + HexFormat.of().formatHex(randomBytes(6));
    /** The machine's Mosquitto (anonymous on loopback) and InfluxDB (started by .ci/run). */
    static final String MOSQUITTO = System.getProperty("rala.test.mqtt", "tcp://127.0.0.1:1883");

    static final String INFLUX = systems.rala.service.timeseries.InfluxServer.URL;

    /** Policy files and the like, outside the checkout. */
    static final Path DATA_DIR = temporaryFolder();

    static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("rala-service-pg-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final String SIGNING_KEY = Base64.getEncoder().encodeToString(randomBytes(32));

    @Autowired
    JdbcClient jdbc;

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " (user postgres): " + sql, e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        admin("CREATE DATABASE " + DATABASE);
        registry.add("rala.database.url", () -> SERVER + DATABASE);
        registry.add("rala.database.username", () -> "postgres");
        registry.add("rala.database.max-pool-size", () -> "4");
        registry.add("rala.auth.signing-key", () -> SIGNING_KEY);
        registry.add("rala.mqtt.url", () -> MOSQUITTO);
        registry.add("rala.timeseries.influx.url", () -> INFLUX);
        registry.add("rala.data-dir", DATA_DIR::toString);
        TEST_PROPERTIES.forEach((k, v) -> registry.add(k, () -> v));
    }

    /** FORCE ends this class's pooled connections; Spring closes its context afterwards (DirtiesContext). */
    @AfterAll
    void dropDatabase() {
        admin("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void migrationsRanOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE success")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    /** Starts a second service; settings go in as command-line arguments, which outrank the profile's file. */
    private static ConfigurableApplicationContext start(String... properties) {
        // one value per key (a key given twice on the command line would bind as a list)
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("rala.database.username", "postgres");
        settings.put("rala.mqtt.url", MOSQUITTO);
        settings.put("rala.timeseries.influx.url", INFLUX);
        settings.put("management.server.port", "0");
        settings.put("rala.data-dir", DATA_DIR.toString());
        settings.put("management.server.port", "0");
        settings.put("rala.data-dir", DATA_DIR.toString());
        for (String p : properties) {
            int eq = p.indexOf('=');
            settings.put(p.substring(0, eq), p.substring(eq + 1));
        }
        List<String> args = new ArrayList<>();
        settings.forEach((k, v) -> args.add("--" + k + "=" + v));
        return new SpringApplicationBuilder(RalaServiceApplication.class)
                .profiles("production")
                .run(args.toArray(String[]::new));
    }

    @Test
    void productionRefusesToStartWithoutAStrongSigningKey() {
        String url = "rala.database.url=" + SERVER + DATABASE;
        assertThatThrownBy(() -> start(url, "rala.auth.signing-key="))
                .hasStackTraceContaining("rala.auth.signing-key")
                .hasStackTraceContaining("required");
        String weak = Base64.getEncoder().encodeToString(randomBytes(16));
        assertThatThrownBy(() -> start(url, "rala.auth.signing-key=" + weak)).hasStackTraceContaining("too weak");
    }

    @Test
    void productionRefusesToStartWithoutItsBrokerAndTimeSeriesServer() {
        String db = "rala.database.url=" + SERVER + DATABASE;
        String key = "rala.auth.signing-key=" + SIGNING_KEY;
        assertThatThrownBy(() -> start(db, key, "rala.mqtt.url=")).hasStackTraceContaining("rala.mqtt.url is required");
        assertThatThrownBy(() -> start(db, key, "rala.mqtt.url=http://broker:1883"))
                .hasStackTraceContaining("must be tcp://host:port or ssl://host:port");
        assertThatThrownBy(() -> start(db, key, "rala.timeseries.influx.url="))
                .hasStackTraceContaining("rala.timeseries.influx.url and .database are required");
    }

    @Test
    void productionRefusesAnythingButAPostgresUrl() {
        assertThatThrownBy(() -> start("rala.database.url=jdbc:h2:mem:x", "rala.auth.signing-key=" + SIGNING_KEY))
                .hasStackTraceContaining("rala.database.url");
    }
}
