package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.facility.Role;
import systems.rala.service.ingest.Ingestion;
import systems.rala.service.ingest.IngestionStats;
import systems.rala.service.live.LiveEvents;
import systems.rala.service.mqtt.MqttProperties;
import systems.rala.service.timeseries.InfluxServer;
import systems.rala.service.timeseries.TimeSeriesProperties;

/**
 * Readings from a gateway over the real broker (the embedded one, or the machine's Mosquitto in production)
 * into the time-series store, and back out through the API.
 */
interface IngestionContract extends ServiceContract {

    long HOUR = 3_600_000L;

    /** A facility with one zone, one registered gateway and two sensors it reports. */
    record Site(UUID facility, UUID gateway, String clientId, String secret, UUID temperature, UUID humidity) {}

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Api.Response call(String method, String path, String token, Object body) {
        return fx().api.call(method, path, token, body);
    }

    private UUID id(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return UUID.fromString(r.text(field));
    }

    private Site site(String name) {
        String alice = fx().alice;
        UUID f = fx().createFacility(
                        alice, name + " " + UUID.randomUUID().toString().substring(0, 6));
        String base = "/api/v1/facilities/" + f;
        UUID zone = id(call("POST", base + "/zones", alice, body("name", "House 1", "areaM2", 5000.0)), "id");
        Api.Response gw = call("POST", base + "/gateways", alice, body("name", "Gateway 1"));
        UUID gateway = id(gw, "gatewayId");
        UUID temperature = id(
                call(
                        "POST",
                        base + "/sensors",
                        alice,
                        body(
                                "zoneId",
                                zone,
                                "name",
                                "Air temperature",
                                "kind",
                                "air_temperature",
                                "unit",
                                "°C",
                                "min",
                                -40.0,
                                "max",
                                60.0,
                                "gatewayId",
                                gateway,
                                "point",
                                "air_temperature")),
                "id");
        UUID humidity = id(
                call(
                        "POST",
                        base + "/sensors",
                        alice,
                        body(
                                "zoneId",
                                zone,
                                "name",
                                "Air RH",
                                "kind",
                                "air_relative_humidity",
                                "unit",
                                "%",
                                "min",
                                0.0,
                                "max",
                                100.0,
                                "gatewayId",
                                gateway,
                                "point",
                                "air_rh")),
                "id");
        return new Site(f, gateway, gw.text("clientId"), gw.text("secret"), temperature, humidity);
    }

    private MqttClient connect(Site site) throws MqttException {
        MqttClient client = new MqttClient(fx().mqtt.url(), site.clientId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(site.clientId());
        options.setPassword(site.secret().toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, Site site, byte[] payload) throws MqttException {
        client.publish(Topics.telemetry(site.facility().toString(), site.clientId()), payload, 1, false);
    }

    /** The store of the service under test must be reachable; InfluxDB is started by .ci/run. */
    private void storeAvailable(TimeSeriesProperties props) {
        if (props.store() == TimeSeriesProperties.Store.INFLUXDB) {
            InfluxServer.require();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    private long rawCount(Site site, UUID sensor, Instant from, Instant to) {
        Api.Response r = call(
                "GET",
                "/api/v1/facilities/" + site.facility() + "/sensors/" + sensor + "/readings?from=" + from + "&to=" + to,
                fx().alice,
                null);
        return r.status() == 200 ? r.body().path("points").size() : -1;
    }

    @Test
    default void readingsAreStoredOnceAndQueryableWhateverTheRedeliveries(
            @Autowired IngestionStats stats, @Autowired TimeSeriesProperties props, @Autowired LiveEvents live)
            throws Exception {
        storeAvailable(props);
        Site site = site("Ingestion");
        List<Object> announced = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable unsubscribe = live.subscribe(e -> {
            if (e.facility().equals(site.facility()) && e.type().equals("readings")) {
                announced.addAll((List<?>) e.payload());
            }
        });
        long t0 = (System.currentTimeMillis() - 4 * HOUR) / HOUR * HOUR;
        // 20 batches of 15 temperature and 15 humidity readings, every 30 s: 300 readings of each
        List<TelemetryBatch> batches = new ArrayList<>();
        Map<Long, Double> temperatures = new TreeMap<>();
        int k = 0;
        for (int b = 0; b < 20; b++) {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 15; i++, k++) {
                long t = t0 + k * 30_000L;
                double temp = 18 + 6 * Math.sin(k / 40.0);
                temperatures.put(t, temp);
                readings.add(new Reading("air_temperature", temp, "°C", Instant.ofEpochMilli(t), Quality.GOOD));
                readings.add(new Reading(
                        "air_rh", 70 + 10 * Math.cos(k / 30.0), "%", Instant.ofEpochMilli(t), Quality.GOOD));
            }
            batches.add(new TelemetryBatch(MessageIds.newId(), site.clientId(), Instant.now(), readings));
        }
        long ackedBefore = stats.acknowledged.get();
        try (MqttClient gateway = connect(site)) {
            for (TelemetryBatch b : batches) {
                publish(gateway, site, WireCodec.encode(b));
            }
            // at-least-once: five delivered twice with their own ids, five replayed as new messages
            for (TelemetryBatch b : batches.subList(0, 5)) {
                publish(gateway, site, WireCodec.encode(b));
            }
            for (TelemetryBatch b : batches.subList(5, 10)) {
                publish(
                        gateway,
                        site,
                        WireCodec.encode(
                                new TelemetryBatch(MessageIds.newId(), b.gatewayId(), Instant.now(), b.readings())));
            }
            gateway.disconnect();
        }
        Instant from = Instant.ofEpochMilli(t0);
        Instant to = Instant.ofEpochMilli(t0 + 3 * HOUR);
        await("30 messages acknowledged", () -> stats.acknowledged.get() - ackedBefore >= 30);
        assertThat(rawCount(site, site.temperature(), from, to)).isEqualTo(300);
        assertThat(rawCount(site, site.humidity(), from, to)).isEqualTo(300);
        unsubscribe.run();
        // each stored batch was announced live, with its newest reading per sensor
        assertThat(announced)
                .extracting(r -> ((Ingestion.LiveReading) r).sensorId())
                .contains(site.temperature(), site.humidity());

        String base = "/api/v1/facilities/" + site.facility() + "/sensors/" + site.temperature() + "/readings";
        Api.Response raw = call("GET", base + "?from=" + from + "&to=" + to, fx().alice, null);
        assertThat(raw.status()).as(raw.raw()).isEqualTo(200);
        assertThat(raw.text("unit")).isEqualTo("°C");
        List<Long> times = new ArrayList<>();
        raw.body()
                .path("points")
                .forEach(p -> times.add(Instant.parse(p.path("time").asString()).toEpochMilli()));
        assertThat(times).containsExactlyElementsOf(temperatures.keySet());

        // 5-minute means against plain grouping of what was sent
        Map<Long, double[]> buckets = new TreeMap<>();
        temperatures.forEach((t, v) -> {
            double[] sum = buckets.computeIfAbsent(t / 300_000 * 300_000, x -> new double[2]);
            sum[0] += v;
            sum[1]++;
        });
        Api.Response fiveMin =
                call("GET", base + "?from=" + from + "&to=" + to + "&step=5m&agg=mean", fx().alice, null);
        assertThat(fiveMin.body().path("points").size()).isEqualTo(buckets.size());
        fiveMin.body().path("points").forEach(p -> {
            double[] sum = buckets.get(Instant.parse(p.path("time").asString()).toEpochMilli());
            assertThat(p.path("value").asDouble()).isCloseTo(sum[0] / sum[1], within(1e-9));
        });

        Api.Response latest =
                call("GET", "/api/v1/facilities/" + site.facility() + "/readings/latest", fx().alice, null);
        assertThat(latest.body().findValuesAsString("sensorId"))
                .containsExactlyInAnyOrder(
                        site.temperature().toString(), site.humidity().toString());
        long last = ((TreeMap<Long, Double>) temperatures).lastKey();
        latest.body().forEach(l -> {
            assertThat(Instant.parse(l.path("time").asString()).toEpochMilli()).isEqualTo(last);
            assertThat(l.path("stale").asBoolean()).as("over an hour old").isTrue();
        });
        assertThat(call(
                                "GET",
                                "/api/v1/facilities/" + site.facility() + "/gateways/" + site.gateway(),
                                fx().alice,
                                null)
                        .body()
                        .path("lastSeenAt")
                        .isNull())
                .isFalse();
    }

    @Test
    default void refusedMessagesAreDeadLetteredWithTheirReasonAndIngestionGoesOn(
            @Autowired IngestionStats stats, @Autowired TimeSeriesProperties props) throws Exception {
        storeAvailable(props);
        Site site = site("Dead letters");
        Instant t = Instant.now().minusSeconds(60);
        String gw = site.clientId();
        List<byte[]> bad = List.of(
                "{not json".getBytes(StandardCharsets.UTF_8),
                ("{\"type\":\"telemetry\",\"schemaVersion\":1,\"messageId\":\"" + MessageIds.newId()
                                + "\",\"gatewayId\":\"" + gw + "\",\"sentAt\":\"" + t + "\",\"readings\":\"lots\"}")
                        .getBytes(StandardCharsets.UTF_8),
                WireCodec.encode(new TelemetryBatch(
                        MessageIds.newId(),
                        "gw-someone-else",
                        t,
                        List.of(new Reading("air_rh", 50, "%", t, Quality.GOOD)))),
                WireCodec.encode(new TelemetryBatch(
                        MessageIds.newId(), gw, t, List.of(new Reading("soil_moisture", 30, "%", t, Quality.GOOD)))),
                WireCodec.encode(new TelemetryBatch(
                        MessageIds.newId(), gw, t, List.of(new Reading("air_temperature", 70, "°F", t, Quality.GOOD)))),
                WireCodec.encode(new TelemetryBatch(
                        MessageIds.newId(),
                        gw,
                        t,
                        List.of(new Reading("air_temperature", 900, "°C", t, Quality.GOOD)))));
        long refusedBefore = stats.rejectedTotal();
        try (MqttClient gateway = connect(site)) {
            for (byte[] payload : bad) {
                publish(gateway, site, payload);
            }
            publish(
                    gateway,
                    site,
                    WireCodec.encode(new TelemetryBatch(
                            MessageIds.newId(),
                            gw,
                            t,
                            List.of(new Reading("air_temperature", 21.5, "°C", t, Quality.GOOD)))));
            gateway.disconnect();
        }
        Instant from = t.minusSeconds(1);
        Instant to = t.plusSeconds(1);
        await("the good reading after the bad ones", () -> rawCount(site, site.temperature(), from, to) == 1);
        assertThat(stats.rejectedTotal() - refusedBefore).isGreaterThanOrEqualTo(6);

        String lettersPath = "/api/v1/facilities/" + site.facility() + "/dead-letters";
        await(
                "six dead letters",
                () -> call("GET", lettersPath, fx().alice, null).body().size() == 6);
        Api.Response letters = call("GET", lettersPath, fx().alice, null);
        assertThat(letters.status()).as(letters.raw()).isEqualTo(200);
        assertThat(letters.body().findValuesAsString("reason"))
                .containsExactlyInAnyOrder(
                        "MALFORMED", "MALFORMED", "MALFORMED", "UNKNOWN_POINT", "WRONG_UNIT", "OUT_OF_RANGE");
        assertThat(letters.body().findValuesAsString("detail"))
                .anySatisfy(d -> assertThat(d).contains("900.0").contains("[-40.0, 60.0]"))
                .anySatisfy(d -> assertThat(d).contains("gw-someone-else"))
                .anySatisfy(d -> assertThat(d).contains("soil_moisture"));
        assertThat(letters.body().findValuesAsString("payload")).contains("{not json");
        // only the good reading was stored
        Api.Response stored = call(
                "GET",
                "/api/v1/facilities/" + site.facility() + "/sensors/" + site.temperature() + "/readings?from=" + from
                        + "&to=" + to,
                fx().alice,
                null);
        assertThat(stored.body().path("points").get(0).path("value").asDouble()).isEqualTo(21.5);
    }

    /**
     * A thousand hostile or broken payloads from a registered gateway: each is refused and counted, none stops
     * the consumer, and the service answers throughout. Oversized payloads (over the wire contract's 1 MiB)
     * are sent where the broker passes them on (the external one); the embedded broker refuses them itself.
     */
    @Test
    default void aThousandHostilePayloadsAreRefusedAndCountedAndTheServiceKeepsServing(
            @Autowired IngestionStats stats, @Autowired TimeSeriesProperties props, @Autowired MqttProperties mqtt)
            throws Exception {
        storeAvailable(props);
        Site site = site("Hostile");
        String gw = site.clientId();
        boolean embeddedBroker = mqtt.embedded();
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; payloads.size() < 1000; i++) {
            Instant t = Instant.now().minusSeconds(i);
            String id = MessageIds.newId();
            String head = "{\"type\":\"telemetry\",\"schemaVersion\":1,\"messageId\":\"" + id + "\",\"gatewayId\":\""
                    + gw + "\",\"sentAt\":\"" + t + "\",\"readings\":";
            String payload = switch (i % 8) {
                case 0 -> null; // random bytes below
                case 1 ->
                    head + "[{\"point\":\"air_temperature\",\"value\":\"warm\",\"unit\":\"°C\"," + "\"sourceTime\":\""
                            + t + "\",\"quality\":\"good\"}]}";
                case 2 ->
                    head + "[{\"point\":\"air_temperature\",\"value\":1e308,\"unit\":\"°C\"," + "\"sourceTime\":\"" + t
                            + "\",\"quality\":\"good\"}]}";
                case 3 -> head + "[" + "[".repeat(50_000) + "]".repeat(50_000) + "]}";
                case 4 -> head.replace("\"schemaVersion\":1", "\"schemaVersion\":99") + "[]}";
                case 5 ->
                    head + "[{\"point\":\"soil_moisture\",\"value\":30,\"unit\":\"%\"," + "\"sourceTime\":\"" + t
                            + "\",\"quality\":\"good\"}]}";
                case 6 -> head.replace(gw, "gw-impostor") + "[]}";
                default ->
                    embeddedBroker
                            ? head + "[{\"point\":\"air_rh\",\"value\":-5,\"unit\":\"%\"," + "\"sourceTime\":\"" + t
                                    + "\",\"quality\":\"good\"}]}"
                            : head + "["
                                    + ("{\"point\":\"air_rh\",\"value\":50,\"unit\":\"%\",\"sourceTime\":\"" + t
                                                    + "\",\"quality\":\"good\"},")
                                            .repeat(12_000)
                                    + "{}]}";
            };
            if (payload == null) {
                byte[] junk = new byte[1 + random.nextInt(2000)];
                random.nextBytes(junk);
                payloads.add(junk);
            } else {
                payloads.add(payload.getBytes(StandardCharsets.UTF_8));
            }
        }
        long refusedBefore = stats.rejectedTotal();
        long messagesBefore = stats.messages.get();
        try (MqttClient gateway = connect(site)) {
            for (byte[] p : payloads) {
                publish(gateway, site, p);
            }
            Instant t = Instant.now();
            publish(
                    gateway,
                    site,
                    WireCodec.encode(new TelemetryBatch(
                            MessageIds.newId(),
                            gw,
                            t,
                            List.of(new Reading("air_temperature", 22.0, "°C", t, Quality.GOOD)))));
            gateway.disconnect();
        }
        await("1001 messages taken", () -> stats.messages.get() - messagesBefore >= 1001);
        await("1000 refusals counted", () -> stats.rejectedTotal() - refusedBefore == 1000);
        await(
                "the good reading after them stored",
                () -> rawCount(
                                site,
                                site.temperature(),
                                Instant.now().minusSeconds(60),
                                Instant.now().plusSeconds(1))
                        == 1);
        await(
                "1000 dead letters",
                () -> call(
                                        "GET",
                                        "/api/v1/facilities/" + site.facility() + "/dead-letters?limit=1000",
                                        fx().alice,
                                        null)
                                .body()
                                .size()
                        == 1000);
        assertThat(call("GET", "/api/v1/users/me", fx().alice, null).status()).isEqualTo(200);
        assertThat(fx().mqtt.isConnected()).isTrue();
    }

    /**
     * A message from a gateway nobody registered has no facility: its dead letter is kept with none (a typed
     * NULL that PostgreSQL's MERGE once refused, blocking ingestion), it is acknowledged, and system
     * administrators see it.
     */
    @Test
    default void aMessageFromAnUnknownGatewayIsDeadLetteredWithoutAFacilityAndAcknowledged(
            @Autowired Ingestion ingestion) throws Exception {
        String gw = "gw-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        Instant t = Instant.now();
        byte[] payload = WireCodec.encode(new TelemetryBatch(
                MessageIds.newId(), gw, t, List.of(new Reading("air_temperature", 20, "°C", t, Quality.GOOD))));
        java.util.concurrent.atomic.AtomicBoolean acked = new java.util.concurrent.atomic.AtomicBoolean();
        ingestion.onMessage(Topics.telemetry(UUID.randomUUID().toString(), gw), payload, () -> acked.set(true));
        await("acknowledged", acked::get);
        Api.Response letters = call("GET", "/api/v1/dead-letters?limit=1000", fx().root, null);
        assertThat(letters.status()).as(letters.raw()).isEqualTo(200);
        List<String> reasons = new ArrayList<>();
        letters.body().forEach(l -> {
            if (gw.equals(l.path("gateway").asString())) {
                reasons.add(l.path("reason").asString());
                assertThat(l.path("facilityId").isNull()).isTrue();
            }
        });
        assertThat(reasons).containsExactly("UNKNOWN_GATEWAY");
        assertThat(call("GET", "/api/v1/dead-letters", fx().alice, null).status())
                .as("not for a facility admin")
                .isEqualTo(403);
    }

    @Test
    default void readingQueriesAreValidatedAtTheBoundary() {
        Site site = site("Queries");
        String base = "/api/v1/facilities/" + site.facility() + "/sensors/" + site.temperature() + "/readings";
        Map<String, String> cases = Map.of(
                "?step=2m", "step",
                "?agg=median", "agg",
                "?from=yesterday", "from",
                "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from",
                "?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from");
        cases.forEach((query, field) -> {
            Api.Response r = call("GET", base + query, fx().alice, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body().path("errors").get(0).path("field").asString())
                    .as(query)
                    .isEqualTo(field);
        });
        UUID nowhere = UUID.randomUUID();
        assertThat(call(
                                "GET",
                                "/api/v1/facilities/" + site.facility() + "/sensors/" + nowhere + "/readings",
                                fx().alice,
                                null)
                        .status())
                .isEqualTo(404);
    }

    @EndpointCatalogue
    default List<Endpoint> ingestionEndpoints(UUID facility, String adminToken) {
        String base = "/api/v1/facilities/" + facility;
        UUID zone = id(
                call(
                        "POST",
                        base + "/zones",
                        adminToken,
                        body("name", "Catalogue zone " + UUID.randomUUID(), "areaM2", 100.0)),
                "id");
        UUID sensor = id(
                call(
                        "POST",
                        base + "/sensors",
                        adminToken,
                        body("zoneId", zone, "name", "Catalogue sensor", "kind", "air_co2", "unit", "ppm")),
                "id");
        return List.of(
                Endpoint.of("GET", base + "/sensors/" + sensor + "/readings", null, Role.VIEWER),
                Endpoint.of("GET", base + "/readings/latest", null, Role.VIEWER),
                Endpoint.of("GET", base + "/dead-letters", null, Role.ADMIN));
    }
}
