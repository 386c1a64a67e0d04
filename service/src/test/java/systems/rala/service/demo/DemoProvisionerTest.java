package systems.rala.service.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.mqtt.EmbeddedMqttBroker;
import systems.rala.service.timeseries.TimeSeriesStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./rala serve --demo}: what the service provisions on start, and again on a second start. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoProvisionerTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("rala-demo-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("rala.data-dir", DATA_DIR::toString);
        registry.add("rala.bootstrap.admin-email", () -> "demo-admin@rala.test");
        registry.add("rala.bootstrap.admin-password", () -> "demo-admin-password");
        registry.add("rala.auth.bcrypt-strength", () -> "10");
        registry.add("rala.mqtt.port", () -> "0");
        registry.add("rala.mqtt.persistent-session", () -> "false");
        registry.add("management.server.port", () -> "0");
        registry.add("rala.demo.enabled", () -> "true");
        registry.add("rala.demo.examples", () -> "../examples/edge");
    }

    @Autowired
    DemoProvisioner demo;

    @Autowired
    GatewayCredentials credentials;

    @Autowired
    InventoryRepository inventory;

    @Autowired
    EmbeddedMqttBroker broker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TimeSeriesStore store;

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theServiceProvisionsADemoGreenhouseAndItsGatewayOnceAndRotatesTheSecretOnEveryStart() throws Exception {
        Path folder = DATA_DIR.resolve("demo");
        // written by the start-up of this test's context
        assertThat(folder.resolve("ready")).exists();
        UUID facility =
                UUID.fromString(Files.readString(folder.resolve("ready")).strip());
        UUID admin = jdbc.sql("SELECT id FROM users WHERE email = 'demo-admin@rala.test'")
                .query(UUID.class)
                .single();
        assertThat(jdbc.sql("SELECT role FROM memberships WHERE facility_id = ? AND user_id = ?")
                        .params(facility, admin)
                        .query(String.class)
                        .single())
                .isEqualTo("ADMIN");
        // examples/edge/points.json: ten telemetry points, each a sensor kind of the service
        assertThat(inventory.sensors(facility, null)).hasSize(10).allSatisfy(s -> {
            assertThat(s.point()).isEqualTo(s.kind().wireName());
            assertThat(s.gatewayId()).isNotNull();
        });
        assertThat(inventory.equipmentList(facility, null)).hasSize(DemoProvisioner.ACTUATORS.size());

        JsonNode gateway = JSON.readTree(Files.readString(folder.resolve("gateway.json")));
        assertThat(gateway.path("facility").asString()).isEqualTo(facility.toString());
        assertThat(gateway.path("mqtt").path("url").asString()).isEqualTo(broker.url());
        assertThat(gateway.path("control").has("policy")).isFalse();
        String clientId = gateway.path("mqtt").path("clientId").asString();
        String secret = Files.readString(folder.resolve("gateway.secret")).strip();
        assertThat(Files.getPosixFilePermissions(folder.resolve("gateway.secret")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(credentials.authenticate(clientId, secret)).isPresent();
        assertThat(JSON.readTree(Files.readString(folder.resolve("plant.json")))
                        .path("pointMap")
                        .asString())
                .isEqualTo("points.json");
        assertThat(folder.resolve("points.json")).exists();

        assertThat(JSON.readTree(Files.readString(folder.resolve("plant.json")))
                        .path("start")
                        .asString())
                .as("no readings yet: the example's start")
                .isEqualTo("now");
        // readings an hour ahead of the wall clock (a plant at 60x for a minute): the next start carries on after
        UUID sensor = inventory.sensors(facility, null).get(0).id();
        long ahead = System.currentTimeMillis() + 3_600_000;
        store.write(java.util.List.of(new TimeSeriesStore.Point(facility, sensor, ahead, 20.0, 0)));

        // a second start: the same facility and gateway, nothing doubled, a new secret and the old one refused
        DemoProvisioner.Demo again = demo.provision();
        assertThat(again.facility()).isEqualTo(facility);
        assertThat(again.clientId()).isEqualTo(clientId);
        assertThat(jdbc.sql("SELECT count(*) FROM facilities WHERE name = ?")
                        .param(DemoProvisioner.FACILITY_NAME)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(inventory.sensors(facility, null)).hasSize(10);
        assertThat(inventory.equipmentList(facility, null)).hasSize(DemoProvisioner.ACTUATORS.size());
        assertThat(credentials.list(facility)).hasSize(1);
        assertThat(JSON.readTree(Files.readString(folder.resolve("plant.json")))
                        .path("start")
                        .asString())
                .isEqualTo(java.time.LocalDateTime.ofInstant(
                                java.time.Instant.ofEpochMilli(ahead + 60_000), DemoProvisioner.SITE_OFFSET)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .toString());
        String rotated = Files.readString(folder.resolve("gateway.secret")).strip();
        assertThat(rotated).isNotEqualTo(secret);
        assertThat(credentials.authenticate(clientId, secret)).isEmpty();
        assertThat(credentials.authenticate(clientId, rotated)).isPresent();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE facility_id = ? AND action = ?")
                        .params(facility, "gateway.credentials.rotated")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDemoIsRefusedUnderTheProductionProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> new DemoProvisioner(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        new org.springframework.beans.factory.support.StaticListableBeanFactory()
                                .getBeanProvider(EmbeddedMqttBroker.class),
                        null,
                        production,
                        "../examples/edge",
                        ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never under the production profile");
    }
}
