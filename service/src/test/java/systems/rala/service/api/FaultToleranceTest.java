package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.ingest.IngestionStats;
import systems.rala.service.mqtt.ServiceMqttClient;
import systems.rala.service.testing.FaultProxy;
import systems.rala.service.timeseries.InfluxServer;
import systems.rala.service.timeseries.InfluxTimeSeriesStore;
import systems.rala.service.timeseries.TimeSeriesProperties;

/**
 * Ingestion when a part is down, in production configuration (PostgreSQL, the machine's Mosquitto, InfluxDB),
 * each reached through a {@link FaultProxy} that the test cuts and restores. A gateway publishes straight to
 * the broker throughout. With InfluxDB or PostgreSQL unreachable, nothing is acknowledged; with the broker
 * unreachable, the service keeps serving and reconnects; afterwards every reading is stored, exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    static final String DATABASE = "rala_fault_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5));
    static final String INFLUX_DB = DATABASE;
    static final String CLIENT_ID = "rala-fault-" + DATABASE.substring(DATABASE.length() - 6);
    static final int READINGS_PER_BATCH = 20;
    static final int BATCHES_PER_STEP = 5;
    static final FaultProxy POSTGRES;
    static final FaultProxy INFLUX;
    static final FaultProxy BROKER;

    static {
        try {
            POSTGRES = new FaultProxy("127.0.0.1", 5432);
            INFLUX = new FaultProxy("127.0.0.1", Integer.parseInt(InfluxServer.URL.replaceAll(".*:(\\d+)/?$", "$1")));
            BROKER = new FaultProxy("127.0.0.1", 1883);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    IngestionStats stats;

    @Autowired
    ServiceMqttClient mqtt;

    Api api;
    String token;
    UUID facility;
    String clientId;
    String secret;
    UUID temperature;
    MqttClient gateway;
    InfluxTimeSeriesStore direct;
    long nextTime = Instant.now().minusSeconds(3600).toEpochMilli() / 1000 * 1000;
    int published;

    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws java.io.IOException {
        InfluxServer.require();
        admin("CREATE DATABASE " + DATABASE);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dataDir = Files.createTempDirectory("rala-fault-test");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rala.database.url", "jdbc:postgresql://127.0.0.1:" + POSTGRES.port() + "/" + DATABASE);
        p.put("rala.database.username", "postgres");
        p.put("rala.database.max-pool-size", "4");
        p.put("rala.auth.signing-key", Base64.getEncoder().encodeToString(key));
        p.put("rala.auth.bcrypt-strength", "10");
        p.put("rala.bootstrap.admin-email", "root@rala.test");
        p.put("rala.bootstrap.admin-password", "root-password-for-tests");
        p.put("rala.mqtt.url", "tcp://127.0.0.1:" + BROKER.port());
        p.put("rala.mqtt.client-id", CLIENT_ID);
        // the broker keeps the service's session and queues for it while it is away
        p.put("rala.mqtt.persistent-session", "true");
        p.put("rala.timeseries.influx.url", "http://127.0.0.1:" + INFLUX.port());
        p.put("rala.timeseries.influx.database", INFLUX_DB);
        p.put("rala.data-dir", dataDir.toString());
        p.put("management.server.port", "0");
        p.forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeAll
    void site() throws Exception {
        api = new Api(port);
        token = api.call(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        Map.of("email", "root@rala.test", "password", "root-password-for-tests"))
                .text("accessToken");
        facility = UUID.fromString(api.call(
                        "POST",
                        "/api/v1/facilities",
                        token,
                        Map.of("name", "Faults", "location", "Westland, NL", "areaM2", 10000, "crop", "tomato"))
                .text("id"));
        String base = "/api/v1/facilities/" + facility;
        UUID zone = UUID.fromString(api.call("POST", base + "/zones", token, Map.of("name", "House", "areaM2", 5000.0))
                .text("id"));
        Api.Response gw = api.call("POST", base + "/gateways", token, Map.of("name", "Gateway"));
        clientId = gw.text("clientId");
        secret = gw.text("secret");
        UUID gatewayId = UUID.fromString(gw.text("gatewayId"));
        Map<String, Object> sensor = new LinkedHashMap<>();
        sensor.put("zoneId", zone);
        sensor.put("name", "Air temperature");
        sensor.put("kind", "air_temperature");
        sensor.put("unit", "°C");
        sensor.put("gatewayId", gatewayId);
        sensor.put("point", "air_temperature");
        temperature = UUID.fromString(
                api.call("POST", base + "/sensors", token, sensor).text("id"));

        gateway = new MqttClient("tcp://127.0.0.1:1883", clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(clientId);
        options.setPassword(secret.toCharArray());
        options.setCleanSession(true);
        gateway.connect(options);
        direct = new InfluxTimeSeriesStore(
                new TimeSeriesProperties.Influx(InfluxServer.URL, INFLUX_DB, null, null), Clock.systemUTC());
        await("connected to the broker", () -> mqtt.isConnected());
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (gateway != null) {
            gateway.disconnect();
            gateway.close();
        }
        // end the service's persistent session on the shared broker, so nothing queues for it afterwards
        mqtt.stop();
        MqttClient purge = new MqttClient("tcp://127.0.0.1:1883", CLIENT_ID, new MemoryPersistence());
        MqttConnectOptions clean = new MqttConnectOptions();
        clean.setCleanSession(true);
        purge.connect(clean);
        purge.disconnect();
        purge.close();
        InfluxServer.query("DROP DATABASE " + INFLUX_DB);
        POSTGRES.close();
        INFLUX.close();
        BROKER.close();
    }

    /** Publishes batches of new readings, one reading every 10 s of source time; returns how many readings. */
    int publish() throws Exception {
        for (int b = 0; b < BATCHES_PER_STEP; b++) {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < READINGS_PER_BATCH; i++) {
                readings.add(new Reading(
                        "air_temperature",
                        20 + (published % 50) / 10.0,
                        "°C",
                        Instant.ofEpochMilli(nextTime),
                        Quality.GOOD));
                nextTime += 10_000;
                published++;
            }
            gateway.publish(
                    Topics.telemetry(facility.toString(), clientId),
                    WireCodec.encode(new TelemetryBatch(MessageIds.newId(), clientId, Instant.now(), readings)),
                    1,
                    false);
        }
        return BATCHES_PER_STEP * READINGS_PER_BATCH;
    }

    long stored() {
        return direct.count(temperature, 0, System.currentTimeMillis() + 86_400_000L);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Publishes while {@code proxy} is cut: nothing may be acknowledged; after restoring, all is stored once. */
    void outage(FaultProxy proxy, String part) throws Exception {
        long ackedBefore = stats.acknowledged.get();
        long failuresBefore = stats.storeFailures.get();
        long storedBefore = stored();
        proxy.cut();
        int sent = publish();
        await(part + " down: a store attempt failed", () -> stats.storeFailures.get() > failuresBefore);
        Thread.sleep(2000);
        assertThat(stats.acknowledged.get())
                .as(part + " down: nothing acknowledged")
                .isEqualTo(ackedBefore);
        assertThat(stats.failingSince.get())
                .as(part + " down: the stall is counted")
                .isPositive();
        proxy.restore();
        await(part + " back: all stored", () -> stored() == storedBefore + sent);
        await(part + " back: all acknowledged", () -> stats.acknowledged.get() == ackedBefore + BATCHES_PER_STEP);
        Thread.sleep(1000);
        assertThat(stored()).as("exactly once").isEqualTo(storedBefore + sent).isEqualTo(published);
        assertThat(stats.failingSince.get()).as(part + " back: flowing again").isZero();
    }

    @Test
    @Order(1)
    void readingsFlowWhenEverythingIsUp() throws Exception {
        long acked = stats.acknowledged.get();
        int sent = publish();
        await("stored", () -> stored() == sent);
        await("acknowledged", () -> stats.acknowledged.get() == acked + BATCHES_PER_STEP);
    }

    @Test
    @Order(2)
    void withInfluxDbDownNothingIsAcknowledgedAndNothingIsLost() throws Exception {
        outage(INFLUX, "InfluxDB");
    }

    @Test
    @Order(3)
    void withPostgresDownNothingIsAcknowledgedAndNothingIsLost() throws Exception {
        outage(POSTGRES, "PostgreSQL");
    }

    @Test
    @Order(4)
    void withTheBrokerDownTheServiceServesAndCatchesUpWhenItIsBack() throws Exception {
        long ackedBefore = stats.acknowledged.get();
        long storedBefore = stored();
        BROKER.cut();
        await("disconnected", () -> !mqtt.isConnected());
        // the gateway's broker is up; only the service's way to it is cut
        int sent = publish();
        Thread.sleep(3000);
        assertThat(api.call("GET", "/api/v1/facilities/" + facility, token, null)
                        .status())
                .as("the API serves without the broker")
                .isEqualTo(200);
        assertThat(stored()).isEqualTo(storedBefore);
        BROKER.restore();
        await("reconnected", () -> mqtt.isConnected());
        await("caught up", () -> stored() == storedBefore + sent);
        await("acknowledged", () -> stats.acknowledged.get() == ackedBefore + BATCHES_PER_STEP);
        assertThat(stored()).as("exactly once").isEqualTo(published);
        System.out.printf(
                "fault tolerance: %d readings published in %d messages across InfluxDB, PostgreSQL and broker outages;"
                        + " %d stored, %d store failures retried%n",
                published, published / READINGS_PER_BATCH, stored(), stats.storeFailures.get());
    }
}
