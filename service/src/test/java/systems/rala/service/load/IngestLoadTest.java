package systems.rala.service.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.ingest.Ingestion;
import systems.rala.service.ingest.IngestionStats;
import systems.rala.service.live.LiveEvents;
import systems.rala.service.timeseries.InfluxServer;
import systems.rala.service.timeseries.TimeSeriesStore;

/**
 * A bounded load on loopback: {@code rala.load.gateways} simulated gateways, each with its own MQTT connection
 * to the broker, publish QoS 1 telemetry at a fixed total rate for {@code rala.load.seconds}; then the test
 * waits until every reading is stored and reports the sustained rate with zero loss and the delay from
 * publishing a message to its readings being queryable (when the store's write returned, as announced on
 * {@link LiveEvents}). Production configuration (PostgreSQL, the machine's Mosquitto, InfluxDB). A measurement,
 * not a check: excluded from the build, run with
 *
 * <pre>
 * mvn -o -pl service verify -Djacoco.skip -Drala.test.excluded-groups=none -Dgroups=load \
 *     -Drala.load.rate=20000 -Drala.load.seconds=60
 * </pre>
 *
 * <p>Writes {@code target/load-report.json}.
 */
@Tag("load")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
@DirtiesContext
class IngestLoadTest {

    static final int GATEWAYS = Integer.getInteger("rala.load.gateways", 50);
    static final int POINTS = Integer.getInteger("rala.load.points", 10);
    static final int SAMPLES = Integer.getInteger("rala.load.samples", 5);
    static final int RATE = Integer.getInteger("rala.load.rate", 20_000);
    static final int SECONDS = Integer.getInteger("rala.load.seconds", 30);
    static final String DATABASE = "rala_load_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    @Autowired
    GatewayCredentials credentials;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IngestionStats stats;

    @Autowired
    Ingestion ingestion;

    @Autowired
    LiveEvents live;

    @Autowired
    TimeSeriesStore store;

    static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) throws Exception {
        InfluxServer.require();
        admin("CREATE DATABASE " + DATABASE);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dataDir = Files.createTempDirectory("rala-load");
        Map<String, String> p = new LinkedHashMap<>();
        p.put("rala.database.url", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
        p.put("rala.database.username", "postgres");
        p.put("rala.auth.signing-key", Base64.getEncoder().encodeToString(key));
        p.put("rala.mqtt.url", "tcp://127.0.0.1:1883");
        p.put("rala.mqtt.client-id", "rala-load-" + DATABASE.substring(DATABASE.length() - 8));
        p.put("rala.mqtt.persistent-session", "false");
        p.put("rala.timeseries.influx.url", InfluxServer.URL);
        p.put("rala.timeseries.influx.database", DATABASE);
        p.put("rala.data-dir", dataDir.toString());
        p.put("management.server.port", "0");
        p.forEach((k, v) -> registry.add(k, () -> v));
    }

    record Gateway(String clientId, String secret, String topic) {}

    @Test
    void sustainedReadingsPerSecondWithZeroLoss() throws Exception {
        UUID facility = UUID.randomUUID();
        UUID zone = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO facilities (id, name, location, area_m2, crop, created_at) VALUES (?, 'Load', 'loopback', 10000, 'tomato', CURRENT_TIMESTAMP)")
                .param(facility)
                .update();
        jdbc.sql(
                        "INSERT INTO zones (id, facility_id, name, area_m2, created_at) VALUES (?, ?, 'Z', 10000, CURRENT_TIMESTAMP)")
                .params(zone, facility)
                .update();
        List<Gateway> gateways = new ArrayList<>();
        for (int g = 0; g < GATEWAYS; g++) {
            GatewayCredentials.Issued issued = credentials.register(facility, "load-" + g);
            for (int p = 0; p < POINTS; p++) {
                jdbc.sql(
                                "INSERT INTO sensors (id, facility_id, zone_id, name, kind, unit, gateway_id, point, created_at)"
                                        + " VALUES (?, ?, ?, ?, 'air_temperature', '°C', ?, ?, CURRENT_TIMESTAMP)")
                        .params(
                                UUID.randomUUID(),
                                facility,
                                zone,
                                "s" + g + "-" + p,
                                issued.gateway().id(),
                                "p" + p)
                        .update();
            }
            gateways.add(new Gateway(
                    issued.gateway().clientId(),
                    issued.secret(),
                    Topics.telemetry(facility.toString(), issued.gateway().clientId())));
        }

        // delay from publish to stored, per stored batch and sensor: the newest reading's source time is its
        // message's publish time
        int maxSamples = 4_000_000;
        AtomicLongArray delays = new AtomicLongArray(maxSamples);
        AtomicLong delayCount = new AtomicLong();
        Runnable unsubscribe = live.subscribe(e -> {
            if ("readings".equals(e.type())) {
                long now = System.currentTimeMillis();
                for (Object o : (List<?>) e.payload()) {
                    long i = delayCount.getAndIncrement();
                    if (i < maxSamples) {
                        delays.set(
                                (int) i,
                                now - ((Ingestion.LiveReading) o).time().toEpochMilli());
                    }
                }
            }
        });

        List<MqttAsyncClient> clients = new ArrayList<>();
        for (Gateway g : gateways) {
            MqttAsyncClient c = new MqttAsyncClient("tcp://127.0.0.1:1883", g.clientId(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setUserName(g.clientId());
            o.setPassword(g.secret().toCharArray());
            o.setCleanSession(true);
            o.setMaxInflight(10_000);
            c.connect(o).waitForCompletion(10_000);
            clients.add(c);
        }

        int perMessage = POINTS * SAMPLES;
        long messagesPerSecond = Math.max(1, RATE / perMessage);
        long totalMessages = messagesPerSecond * SECONDS;
        long periodNanos = 1_000_000_000L / messagesPerSecond;
        AtomicLong sent = new AtomicLong();
        AtomicLong publishFailures = new AtomicLong();
        long[] timeCursor = new long[GATEWAYS];
        long start0 = System.currentTimeMillis() - 3_600_000L;
        Arrays.fill(timeCursor, start0);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        long storedBefore = stats.readingsStored.get();
        long t0 = System.nanoTime();
        pacer.scheduleAtFixedRate(
                () -> {
                    long n = sent.getAndIncrement();
                    if (n >= totalMessages) {
                        sent.decrementAndGet();
                        return;
                    }
                    int g = (int) (n % GATEWAYS);
                    long publishedAt = System.currentTimeMillis();
                    List<Reading> readings = new ArrayList<>(perMessage);
                    for (int s = 0; s < SAMPLES; s++) {
                        // distinct source times per gateway, the last one the publish time
                        long t = s == SAMPLES - 1 ? Math.max(publishedAt, timeCursor[g] + 1) : timeCursor[g] + 1;
                        timeCursor[g] = t;
                        for (int p = 0; p < POINTS; p++) {
                            readings.add(
                                    new Reading("p" + p, 20 + p * 0.1, "°C", Instant.ofEpochMilli(t), Quality.GOOD));
                        }
                    }
                    Gateway gw = gateways.get(g);
                    try {
                        clients.get(g)
                                .publish(
                                        gw.topic(),
                                        WireCodec.encode(new TelemetryBatch(
                                                MessageIds.newId(),
                                                gw.clientId(),
                                                Instant.ofEpochMilli(publishedAt),
                                                readings)),
                                        1,
                                        false);
                    } catch (Exception ex) {
                        publishFailures.incrementAndGet();
                    }
                },
                0,
                periodNanos,
                TimeUnit.NANOSECONDS);
        long expected = totalMessages * perMessage;
        long deadline = System.nanoTime() + (SECONDS + 300) * 1_000_000_000L;
        while (stats.readingsStored.get() - storedBefore < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long elapsedNanos = System.nanoTime() - t0;
        pacer.shutdownNow();
        unsubscribe.run();
        for (MqttAsyncClient c : clients) {
            c.disconnect().waitForCompletion(5000);
            c.close();
        }
        // zero loss: every reading is in the store, counted there
        long inStore = 0;
        for (Map.Entry<UUID, TimeSeriesStore.Sample> ignored :
                store.latest(facility).entrySet()) {
            inStore++;
        }
        long counted =
                jdbc
                        .sql("SELECT id FROM sensors WHERE facility_id = ?")
                        .param(facility)
                        .query(UUID.class)
                        .list()
                        .stream()
                        .mapToLong(s -> store.count(s, 0, System.currentTimeMillis() + 86_400_000L))
                        .sum();
        int n = (int) Math.min(delayCount.get(), maxSamples);
        long[] d = new long[n];
        for (int i = 0; i < n; i++) {
            d[i] = delays.get(i);
        }
        Arrays.sort(d);
        double seconds = elapsedNanos / 1e9;
        String report = String.format(
                java.util.Locale.ROOT,
                "{\"gateways\":%d,\"readingsPerMessage\":%d,\"targetRate\":%d,\"seconds\":%d,\"published\":%d,"
                        + "\"publishFailures\":%d,\"storedInStore\":%d,\"elapsedSeconds\":%.2f,\"sustainedReadingsPerSecond\":%.0f,"
                        + "\"delayMs\":{\"p50\":%d,\"p99\":%d,\"max\":%d,\"samples\":%d},\"sensorsWithData\":%d}",
                GATEWAYS,
                perMessage,
                RATE,
                SECONDS,
                expected,
                publishFailures.get(),
                counted,
                seconds,
                counted / seconds,
                d.length == 0 ? -1 : d[d.length / 2],
                d.length == 0 ? -1 : d[(int) (d.length * 0.99)],
                d.length == 0 ? -1 : d[d.length - 1],
                n,
                inStore);
        System.out.println("ingestion load: " + report);
        Files.writeString(Path.of("target", "load-report.json"), report + "\n");
        assertThat(publishFailures.get()).isZero();
        assertThat(counted).as("every reading published is stored, once").isEqualTo(expected);
    }
}
