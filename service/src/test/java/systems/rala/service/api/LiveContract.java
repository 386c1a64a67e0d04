package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.alert.AlertScanner;
import systems.rala.service.auth.TokenForge;
import systems.rala.service.facility.Role;
import systems.rala.service.live.LiveProperties;
import systems.rala.service.metrics.DailyMetricsCalculator;
import systems.rala.service.timeseries.InfluxServer;
import systems.rala.service.timeseries.TimeSeriesProperties;
import tools.jackson.databind.JsonNode;

/**
 * The live view over a real WebSocket, the alerts the service raises by itself, and the daily metrics, all fed
 * by a gateway played over the real broker (as in {@link IngestionContract}).
 */
interface LiveContract extends ServiceContract {

    /** A facility with one zone, one registered gateway and its sensors (PAR only when asked for). */
    record Site(
            UUID facility,
            UUID zone,
            UUID gateway,
            String clientId,
            String secret,
            UUID temperature,
            UUID humidity,
            UUID par) {}

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

    private static UUID id(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isIn(200, 201);
        return UUID.fromString(r.text(field));
    }

    private UUID sensor(String base, UUID zone, UUID gateway, String name, String kind, String unit, String point) {
        return id(
                call(
                        "POST",
                        base + "/sensors",
                        fx().alice,
                        body(
                                "zoneId",
                                zone,
                                "name",
                                name,
                                "kind",
                                kind,
                                "unit",
                                unit,
                                "gatewayId",
                                gateway,
                                "point",
                                point)),
                "id");
    }

    private Site site(String name, boolean withPar) {
        UUID f = fx().createFacility(
                        fx().alice, name + " " + UUID.randomUUID().toString().substring(0, 6));
        String base = "/api/v1/facilities/" + f;
        UUID zone = id(call("POST", base + "/zones", fx().alice, body("name", "House 1", "areaM2", 5000.0)), "id");
        Api.Response gw = call("POST", base + "/gateways", fx().alice, body("name", "Gateway 1"));
        UUID gateway = id(gw, "gatewayId");
        UUID t = sensor(base, zone, gateway, "Air T", "air_temperature", "°C", "air_temperature");
        UUID rh = sensor(base, zone, gateway, "Air RH", "air_relative_humidity", "%", "air_rh");
        UUID par = withPar ? sensor(base, zone, gateway, "PAR", "canopy_par", "umol/m2/s", "par") : null;
        return new Site(f, zone, gateway, gw.text("clientId"), gw.text("secret"), t, rh, par);
    }

    private MqttClient gateway(Site site) throws MqttException {
        MqttClient client = new MqttClient(fx().mqtt.url(), site.clientId(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(site.clientId());
        options.setPassword(site.secret().toCharArray());
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        client.connect(options);
        return client;
    }

    /** Sends readings as the site's gateway, over the broker, in one telemetry batch. */
    private void send(Site site, List<Reading> readings) throws MqttException {
        try (MqttClient client = gateway(site)) {
            client.publish(
                    Topics.telemetry(site.facility().toString(), site.clientId()),
                    WireCodec.encode(new TelemetryBatch(MessageIds.newId(), site.clientId(), Instant.now(), readings)),
                    1,
                    false);
            client.disconnect();
        }
    }

    private static Reading temperature(double celsius, Instant at) {
        return new Reading("air_temperature", celsius, "°C", at, Quality.GOOD);
    }

    private void sendState(Site site, boolean online) throws MqttException {
        try (MqttClient client = gateway(site)) {
            GatewayState state = new GatewayState(
                    MessageIds.newId(), site.clientId(), Instant.now(), online, ControlMode.FALLBACK, null, null);
            client.publish(
                    Topics.state(site.facility().toString(), site.clientId()), WireCodec.encode(state), 1, false);
            client.disconnect();
        }
    }

    private static void storeAvailable(TimeSeriesProperties props) {
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

    /** Raw readings of a sensor in [from, to), as the API answers them. */
    private long stored(Site site, UUID sensor, Instant from, Instant to) {
        Api.Response r = call(
                "GET",
                "/api/v1/facilities/" + site.facility() + "/sensors/" + sensor + "/readings?from=" + from + "&to=" + to,
                fx().alice,
                null);
        return r.status() == 200 ? r.body().path("points").size() : -1;
    }

    /** The facility's alerts of one kind, newest first. */
    private List<JsonNode> alerts(UUID facility, String kind) {
        List<JsonNode> out = new ArrayList<>();
        call("GET", "/api/v1/facilities/" + facility + "/alerts?limit=1000", fx().alice, null)
                .body()
                .forEach(a -> {
                    if (kind.equals(a.path("kind").asString())) {
                        out.add(a);
                    }
                });
        return out;
    }

    private static boolean isAlert(JsonNode frame, String kind, String state) {
        return "alert".equals(frame.path("type").asString())
                && kind.equals(frame.path("payload").path("kind").asString())
                && state.equals(frame.path("payload").path("state").asString());
    }

    // ---- the live view ----

    @Test
    default void aMemberWatchesItsFacilitysReadingsLiveAndNoOtherFacilitys(@Autowired TimeSeriesProperties props)
            throws Exception {
        storeAvailable(props);
        Site site = site("Live", false);
        Site other = site("Live elsewhere", false);
        // any role may watch: victor is a viewer here
        assertThat(call(
                                "POST",
                                "/api/v1/facilities/" + site.facility() + "/members",
                                fx().alice,
                                body("email", "victor@rala.test", "role", "VIEWER"))
                        .status())
                .isEqualTo(201);
        try (LiveClient live = LiveClient.open(fx().port, site.facility(), fx().victor)) {
            assertThat(live.subprotocol()).isEqualTo("bearer");
            JsonNode hello = live.next("hello");
            assertThat(hello.path("payload").path("facilityId").asString())
                    .isEqualTo(site.facility().toString());
            assertThat(hello.path("payload").path("role").asString()).isEqualTo("VIEWER");
            Instant t = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
            // the other facility's reading is stored (and announced) before this facility's is sent
            send(other, List.of(temperature(30.5, t)));
            await("the other facility's reading", () -> stored(other, other.temperature(), t, t.plusMillis(1)) == 1);
            Instant before = Instant.now();
            send(site, List.of(temperature(21.25, t)));
            JsonNode frame = live.next("readings");
            assertThat(Instant.parse(frame.path("at").asString())).isBetween(before, Instant.now());
            JsonNode payload = frame.path("payload");
            assertThat(payload.size()).isEqualTo(1);
            assertThat(payload.get(0).path("sensorId").asString())
                    .isEqualTo(site.temperature().toString());
            assertThat(payload.get(0).path("value").asDouble()).isEqualTo(21.25);
            assertThat(Instant.parse(payload.get(0).path("time").asString())).isEqualTo(t);
        }
    }

    @Test
    default void theHandshakeRefusesStrangersBadTokensAndForeignPages() throws Exception {
        int port = fx().port;
        UUID f = fx().facilityA;
        // another tenant sees what a facility that does not exist shows
        assertThat(LiveClient.connect(port, f, fx().bob, null).refusedWith()).isEqualTo(404);
        assertThat(LiveClient.connect(port, UUID.randomUUID(), fx().alice, null).refusedWith())
                .isEqualTo(404);
        assertThat(LiveClient.connect(port, "not-a-facility", fx().alice, null).refusedWith())
                .isEqualTo(404);
        assertThat(LiveClient.connect(port, f, null, null).refusedWith()).isEqualTo(401);
        new TokenForge(fx().signingKey, "rala", "rala-api")
                .badTokens(fx().aliceId)
                .forEach((name, token) -> assertThat(
                                LiveClient.connect(port, f, token, null).refusedWith())
                        .as(name)
                        .isEqualTo(401));
        // pages of other origins are refused before the token is looked at
        for (String origin : List.of(
                "http://evil.example", "https://127.0.0.1.evil.example", "http://127.0.0.1:" + (port + 1), "null")) {
            assertThat(LiveClient.connect(port, f, fx().alice, origin).refusedWith())
                    .as(origin)
                    .isEqualTo(403);
        }
        assertThat(LiveClient.connect(port, f, fx().bob, "http://evil.example").refusedWith())
                .isEqualTo(403);
        // rala.web.allowed-origins is empty: the service's own origins on loopback, and no Origin at all, pass
        for (String origin : List.of("http://127.0.0.1:" + port, "http://localhost:" + port)) {
            LiveClient.Outcome admitted = LiveClient.connect(port, f, fx().otto, origin);
            assertThat(admitted.refusedWith()).as(origin).isZero();
            assertThat(admitted.client()
                            .next("hello")
                            .path("payload")
                            .path("role")
                            .asString())
                    .isEqualTo("OPERATOR");
            admitted.client().close();
        }
    }

    @Test
    default void aSessionEndsWhenItsAccessTokenExpires() throws Exception {
        Instant before = Instant.now();
        String shortLived =
                new TokenForge(fx().signingKey, "rala", "rala-api").expiringIn(fx().victorId, Duration.ofSeconds(3));
        try (LiveClient live = LiveClient.open(fx().port, fx().facilityA, shortLived)) {
            Instant expires = Instant.parse(
                    live.next("hello").path("payload").path("expiresAt").asString());
            assertThat(expires).isBetween(before, before.plusSeconds(5));
            LiveClient.Closed closed = live.closed(30);
            assertThat(closed.code()).isEqualTo(4401);
            assertThat(closed.reason()).contains("expired");
            assertThat(Instant.now()).isAfterOrEqualTo(expires);
        }
    }

    @Test
    default void anAccountHoldsOnlySoManySessions(@Autowired LiveProperties props) throws Exception {
        String email = "watcher-" + UUID.randomUUID().toString().substring(0, 8) + "@rala.test";
        fx().createUser(email);
        String token = fx().login(email, ApiContractTest.PASSWORD);
        UUID f = fx().createFacility(token, "Watched");
        List<LiveClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < props.maxSessionsPerUser(); i++) {
                open.add(LiveClient.open(fx().port, f, token));
                open.get(i).next("hello");
            }
            assertThat(LiveClient.connect(fx().port, f, token, null).refusedWith())
                    .isEqualTo(429);
            // another account is not counted against this one
            try (LiveClient alice = LiveClient.open(fx().port, fx().facilityA, fx().alice)) {
                alice.next("hello");
            }
            open.remove(0).close();
            await("a freed place", () -> {
                LiveClient.Outcome o = LiveClient.connect(fx().port, f, token, null);
                if (o.client() != null) {
                    open.add(o.client());
                }
                return o.client() != null;
            });
        } finally {
            open.forEach(LiveClient::close);
        }
    }

    // ---- alerts ----

    @Test
    default void aThresholdRuleRaisesOneAlertLiveAndTheSystemResolvesItInBand(
            @Autowired TimeSeriesProperties props, @Autowired MeterRegistry meters) throws Exception {
        storeAvailable(props);
        Site site = site("Threshold", false);
        String base = "/api/v1/facilities/" + site.facility();
        UUID rule = id(
                call(
                        "POST",
                        base + "/alert-rules",
                        fx().alice,
                        body(
                                "name",
                                "Too hot",
                                "sensorKind",
                                "air_temperature",
                                "maxThreshold",
                                30.0,
                                "severity",
                                "WARNING")),
                "id");
        double raisedBefore = raised(meters, "threshold.above", "WARNING");
        Instant t = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        try (LiveClient live = LiveClient.open(fx().port, site.facility(), fx().alice)) {
            live.next("hello");
            send(site, List.of(temperature(35.0, t)));
            JsonNode raised = live.next("alert").path("payload");
            assertThat(raised.path("kind").asString()).isEqualTo("threshold.above");
            assertThat(raised.path("state").asString()).isEqualTo("OPEN");
            assertThat(raised.path("severity").asString()).isEqualTo("WARNING");
            assertThat(raised.path("sensorId").asString())
                    .isEqualTo(site.temperature().toString());
            assertThat(raised.path("zoneId").asString()).isEqualTo(site.zone().toString());
            assertThat(raised.path("message").asString()).contains("35.0", "30.0", "Too hot");
            assertThat(raised(meters, "threshold.above", "WARNING") - raisedBefore)
                    .isEqualTo(1.0);
            assertThat(meters.get("rala.alerts.open").gauge().value()).isGreaterThanOrEqualTo(1.0);

            // still too hot: no second alert (rules are evaluated in the order readings are stored)
            send(site, List.of(temperature(36.0, t.plusSeconds(30))));
            live.next("36 °C", f -> f.path("payload").path(0).path("value").asDouble() == 36.0, 20);
            send(site, List.of(temperature(25.0, t.plusSeconds(60))));
            JsonNode resolved = live.next("resolution", f -> isAlert(f, "threshold.above", "RESOLVED"), 20)
                    .path("payload");
            assertThat(resolved.path("id").asString())
                    .isEqualTo(raised.path("id").asString());
            assertThat(resolved.path("resolvedBy").isNull())
                    .as("resolved by the system")
                    .isTrue();
            assertThat(alerts(site.facility(), "threshold.above"))
                    .singleElement()
                    .satisfies(a -> assertThat(a.path("state").asString()).isEqualTo("RESOLVED"));

            // out of band again: a new alert, which an operator acknowledges (announced live too)
            send(site, List.of(temperature(37.0, t.plusSeconds(90))));
            JsonNode second = live.next("second", f -> isAlert(f, "threshold.above", "OPEN"), 20)
                    .path("payload");
            assertThat(second.path("id").asString())
                    .isNotEqualTo(raised.path("id").asString());
            assertThat(call("POST", base + "/alerts/" + second.path("id").asString() + "/acknowledge", fx().alice, null)
                            .status())
                    .isEqualTo(200);
            JsonNode acknowledged = live.next("acknowledgement", f -> isAlert(f, "threshold.above", "ACKNOWLEDGED"), 20)
                    .path("payload");
            assertThat(acknowledged.path("acknowledgedBy").asString())
                    .isEqualTo(fx().aliceId.toString());

            // a rule that is disabled no longer holds its alert open: the next reading resolves it
            Map<String, Object> disabled = body(
                    "name",
                    "Too hot",
                    "sensorKind",
                    "air_temperature",
                    "maxThreshold",
                    30.0,
                    "severity",
                    "WARNING",
                    "enabled",
                    false);
            assertThat(call("PUT", base + "/alert-rules/" + rule, fx().alice, disabled)
                            .status())
                    .isEqualTo(200);
            send(site, List.of(temperature(38.0, t.plusSeconds(120))));
            JsonNode closed = live.next("after disabling", f -> isAlert(f, "threshold.above", "RESOLVED"), 20)
                    .path("payload");
            assertThat(closed.path("id").asString()).isEqualTo(second.path("id").asString());
            assertThat(closed.path("acknowledgedBy").asString())
                    .isEqualTo(fx().aliceId.toString());
        }
        assertThat(alerts(site.facility(), "threshold.above")).hasSize(2);
    }

    private static double raised(MeterRegistry meters, String kind, String severity) {
        var counter = meters.find("rala.alerts.raised")
                .tag("kind", kind)
                .tag("severity", severity)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    default void offlineGatewaysAndSilentSensorsAreRaisedOnceAndResolvedOnAMovedClock(
            @Autowired TimeSeriesProperties props, @Autowired AlertScanner scanner) throws Exception {
        storeAvailable(props);
        Site site = site("Silence", false);
        UUID f = site.facility();
        Instant t0 = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        send(site, List.of(temperature(20.0, t0)));
        await("the reading", () -> stored(site, site.temperature(), t0, t0.plusMillis(1)) == 1);
        String gatewayPath = "/api/v1/facilities/" + f + "/gateways/" + site.gateway();
        Instant lastSeen =
                Instant.parse(call("GET", gatewayPath, fx().alice, null).text("lastSeenAt"));

        // a sensor is silent after 10 min without a reading; the humidity sensor never reported: nothing
        assertThat(scanner.scan(f, t0.plus(Duration.ofMinutes(9))).raised()).isEmpty();
        AlertScanner.Result silent = scanner.scan(f, t0.plus(Duration.ofMinutes(11)));
        assertThat(silent.raised()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("sensor.silent");
            assertThat(a.sensorId()).isEqualTo(site.temperature());
            assertThat(a.severity().name()).isEqualTo("WARNING");
        });
        // a gateway is offline after 5 min without a message
        assertThat(scanner.scan(f, lastSeen.plus(Duration.ofMinutes(4))).raised())
                .isEmpty();
        AlertScanner.Result offline = scanner.scan(f, lastSeen.plus(Duration.ofMinutes(6)));
        assertThat(offline.raised()).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("gateway.offline");
            assertThat(a.gatewayId()).isEqualTo(site.gateway());
            assertThat(a.severity().name()).isEqualTo("CRITICAL");
        });
        // raised once, however often it is seen again
        AlertScanner.Result again = scanner.scan(f, lastSeen.plus(Duration.ofMinutes(7)));
        assertThat(again.raised()).isEmpty();
        assertThat(again.resolved()).isEmpty();
        assertThat(alerts(f, "sensor.silent")).hasSize(1);
        assertThat(alerts(f, "gateway.offline")).hasSize(1);

        // the gateway is back and the sensor reports again: both resolve, by the system
        Instant raisedAt = offline.raised().get(0).raisedAt().toInstant();
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(site, List.of(temperature(20.5, t1)));
        await("the fresh reading", () -> stored(site, site.temperature(), t1, t1.plusMillis(1)) == 1);
        await(
                "the gateway seen after the alert",
                () -> Instant.parse(call("GET", gatewayPath, fx().alice, null).text("lastSeenAt"))
                        .isAfter(raisedAt));
        AlertScanner.Result back = scanner.scan(f, Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(back.resolved())
                .extracting(a -> a.kind())
                .containsExactlyInAnyOrder("sensor.silent", "gateway.offline");
        assertThat(back.resolved()).allSatisfy(a -> assertThat(a.resolvedBy()).isNull());
        assertThat(alerts(f, "gateway.offline"))
                .allSatisfy(a -> assertThat(a.path("state").asString()).isEqualTo("RESOLVED"));

        // the gateway's own word: its last will (online = false) raises at once, its state online resolves
        sendState(site, false);
        await(
                "offline by last will",
                () -> alerts(f, "gateway.offline").stream()
                                .filter(a -> "OPEN".equals(a.path("state").asString()))
                                .count()
                        == 1);
        sendState(site, true);
        await(
                "online again",
                () -> alerts(f, "gateway.offline").stream()
                        .allMatch(a -> "RESOLVED".equals(a.path("state").asString())));
        assertThat(alerts(f, "gateway.offline")).hasSize(2);
    }

    // ---- daily metrics ----

    @Test
    default void dailyMetricsAreComputedFromReadingsSentThroughIngestion(
            @Autowired TimeSeriesProperties props, @Autowired DailyMetricsCalculator calculator) throws Exception {
        storeAvailable(props);
        Site site = site("Metrics", true);
        String base = "/api/v1/facilities/" + site.facility() + "/daily-metrics";
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        // one reading per 5-minute bucket, in its middle; PAR a triangle from 06:02:30 to 18:02:30
        Instant peak = start.plus(Duration.ofHours(12)).plusSeconds(150);
        List<Reading> t = new ArrayList<>();
        List<Reading> rh = new ArrayList<>();
        List<Reading> par = new ArrayList<>();
        for (int k = 0; k < 288; k++) {
            Instant at = start.plusSeconds(300L * k + 150);
            boolean morning = k < 144;
            t.add(temperature(morning ? 20.0 : 25.0, at));
            rh.add(new Reading("air_rh", morning ? 70.0 : 60.0, "%", at, Quality.GOOD));
            double fromPeak = Math.abs(Duration.between(peak, at).toMillis()) / 3_600_000.0; // h
            par.add(new Reading("par", Math.max(0, 1000 * (1 - fromPeak / 6)), "umol/m2/s", at, Quality.GOOD));
        }
        // just outside the day, on either side: hot, dry and bright, which must not leak into it
        List<Reading> outside = new ArrayList<>();
        for (Instant at :
                List.of(start.minusSeconds(150), start.plus(Duration.ofDays(1)).plusSeconds(150))) {
            outside.add(temperature(40.0, at));
            outside.add(new Reading("air_rh", 10.0, "%", at, Quality.GOOD));
            outside.add(new Reading("par", 2000.0, "umol/m2/s", at, Quality.GOOD));
        }
        send(site, t);
        send(site, rh);
        send(site, par);
        send(site, outside);
        Instant end = start.plus(Duration.ofDays(1));
        await(
                "the day's readings",
                () -> stored(site, site.par(), start, end) == 288
                        && stored(site, site.temperature(), start, end) == 288
                        && stored(site, site.humidity(), start, end) == 288);
        await(
                "the readings outside the day",
                () -> stored(site, site.par(), start.minusSeconds(300), end.plusSeconds(300)) == 290);

        Api.Response r =
                call("POST", base + "/recompute?from=" + day.minusDays(1) + "&to=" + day.plusDays(1), fx().alice, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.body().findValuesAsString("day"))
                .containsExactly(
                        day.minusDays(1).toString(),
                        day.toString(),
                        day.plusDays(1).toString());
        JsonNode row = r.body().get(1);
        // by hand, FAO-56 eq. 11: e°(20 °C) = 0.6108 exp(17.27 × 20 / 257.3) = 2.338 kPa, e°(25 °C) = 3.168 kPa
        // (VpdTest checks the function against FAO-56 Example 3 and the CRC Handbook); VPD = e° (1 - RH/100):
        // 2.338 × 0.30 = 0.7014 kPa for 144 buckets and 3.168 × 0.40 = 1.2672 kPa for 144, mean 0.9843 kPa
        // (rounding e° to 0.001 kPa allows ±0.0002 kPa)
        assertThat(row.path("meanVpdKpa").asDouble()).isCloseTo(0.9843, within(0.0005));
        // a triangle 12 h wide and 1000 µmol m⁻² s⁻¹ high: ½ × 1000 × 43 200 s = 21.6e6 µmol m⁻² = 21.6 mol m⁻²
        assertThat(row.path("dliMolM2D").asDouble()).isCloseTo(21.6, within(1e-6));
        for (String none : List.of("heatMjM2", "electricityKwhM2", "co2KgM2", "costEurM2", "yieldKgM2")) {
            assertThat(row.path(none).isNull()).as(none).isTrue();
        }
        // each neighbouring day has one bucket: 40 °C at 10 % (by hand, eq. 11: e°(40 °C) = 7.376 kPa, × 0.9 =
        // 6.638 kPa) and far too little light to cover the day
        for (JsonNode neighbour : List.of(r.body().get(0), r.body().get(2))) {
            assertThat(neighbour.path("meanVpdKpa").asDouble()).isCloseTo(6.638, within(0.0005));
            assertThat(neighbour.path("dliMolM2D").isNull()).isTrue();
        }
        Api.Response read = call("GET", base + "?from=" + day + "&to=" + day, fx().victor, null);
        assertThat(read.status()).isEqualTo(404); // victor is no member of this facility
        read = call("GET", base + "?from=" + day + "&to=" + day, fx().alice, null);
        assertThat(read.body().get(0).path("dliMolM2D").asDouble()).isCloseTo(21.6, within(1e-6));
        assertThat(fx().audited("daily-metrics.recomputed", fx().aliceId)).isPositive();

        // the nightly run, two days later: yesterday and the day before, the latter being the day
        fx().auditJdbc
                .sql("DELETE FROM daily_metrics WHERE facility_id = ?")
                .param(site.facility())
                .update();
        calculator.nightly(start.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(15)));
        Api.Response nightly =
                call("GET", base + "?from=" + day.minusDays(1) + "&to=" + day.plusDays(1), fx().alice, null);
        assertThat(nightly.body().findValuesAsString("day"))
                .containsExactly(day.toString(), day.plusDays(1).toString());
        assertThat(nightly.body().get(0).path("meanVpdKpa").asDouble()).isCloseTo(0.9843, within(0.0005));
    }

    @Test
    default void recomputingIsBoundedAndNeedsWholeDays() {
        UUID f = fx().createFacility(fx().alice, "Recompute bounds");
        String base = "/api/v1/facilities/" + f + "/daily-metrics/recompute";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("?to=" + today.minusDays(1), "from");
        cases.put("?from=" + today.minusDays(1), "to");
        cases.put("?from=" + today.minusDays(2) + "&to=" + today.minusDays(3), "from");
        cases.put("?from=" + today.minusDays(1) + "&to=" + today, "to");
        cases.put("?from=" + today.minusDays(93) + "&to=" + today.minusDays(1), "to");
        cases.put("?from=yesterday&to=" + today.minusDays(1), "from");
        cases.forEach((query, field) -> {
            Api.Response r = call("POST", base + query, fx().alice, null);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.body().path("errors").get(0).path("field").asString())
                    .as(query)
                    .isEqualTo(field);
        });
        // 92 days, the most, of a facility without sensors: nothing to compute, no rows
        Api.Response quarter =
                call("POST", base + "?from=" + today.minusDays(92) + "&to=" + today.minusDays(1), fx().alice, null);
        assertThat(quarter.status()).as(quarter.raw()).isEqualTo(200);
        assertThat(quarter.body().size()).isZero();
    }

    /** The one facility-scoped REST endpoint this feature adds (the WebSocket is no REST handler). */
    @EndpointCatalogue
    default List<Endpoint> liveEndpoints(UUID facility, String adminToken) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return List.of(Endpoint.of(
                "POST",
                "/api/v1/facilities/" + facility + "/daily-metrics/recompute?from=" + today.minusDays(7) + "&to="
                        + today.minusDays(1),
                null,
                Role.ADMIN));
    }
}
