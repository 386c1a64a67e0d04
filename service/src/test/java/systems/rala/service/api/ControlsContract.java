package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Topics;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.control.CommandStatus;
import systems.rala.service.control.CommandView;
import systems.rala.service.facility.Role;
import systems.rala.service.ingest.IngestionStats;
import systems.rala.service.live.LiveEvents;

/**
 * Control commands and policy rollouts end to end: the API, the real broker (the embedded one on H2, the
 * machine's Mosquitto under PostgreSQL) and a gateway played by the test ({@link FakeGateway}) with its
 * registered credentials.
 */
interface ControlsContract extends ServiceContract {

    /** {@code rala.controls.ack-grace} in the tests' properties (ApiContractTest). */
    Duration ACK_GRACE = Duration.ofSeconds(1);

    /** A facility with otto as operator and victor as viewer, a gateway, and a roof vent it drives (0..1). */
    record Site(UUID facility, UUID gateway, String clientId, String secret, UUID vent) {}

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Api.Response call(String method, String path, String token, Object body) {
        return fx().api.call(method, path, token, body);
    }

    private static String controls(UUID facility) {
        return "/api/v1/facilities/" + facility + "/controls";
    }

    private static String policyOf(UUID facility, UUID gateway) {
        return "/api/v1/facilities/" + facility + "/gateways/" + gateway + "/policy";
    }

    private UUID created(Api.Response r, String field) {
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.text(field));
    }

    private Api.Response gateway(UUID facility, String token) {
        Api.Response r =
                call("POST", "/api/v1/facilities/" + facility + "/gateways", token, body("name", unique("Gateway")));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    private Site site(String name) {
        String alice = fx().alice;
        UUID f = fx().createFacility(alice, unique(name));
        String base = "/api/v1/facilities/" + f;
        for (String[] member : new String[][] {{"otto@rala.test", "OPERATOR"}, {"victor@rala.test", "VIEWER"}}) {
            assertThat(call("POST", base + "/members", alice, body("email", member[0], "role", member[1]))
                            .status())
                    .isEqualTo(201);
        }
        UUID zone = created(call("POST", base + "/zones", alice, body("name", "House 1", "areaM2", 5000.0)), "id");
        Api.Response gw = gateway(f, alice);
        UUID gateway = UUID.fromString(gw.text("gatewayId"));
        UUID vent = created(
                call(
                        "POST",
                        base + "/equipment",
                        alice,
                        body(
                                "zoneId",
                                zone,
                                "name",
                                "Roof vent",
                                "kind",
                                "VENTILATION",
                                "protocol",
                                "MODBUS_TCP",
                                "address",
                                "10.0.0.5:502/unit/1/hr/40001",
                                "point",
                                "roof_vent",
                                "unit",
                                "-",
                                "safetyMin",
                                0.0,
                                "safetyMax",
                                1.0,
                                "gatewayId",
                                gateway)),
                "id");
        return new Site(f, gateway, gw.text("clientId"), gw.text("secret"), vent);
    }

    private FakeGateway connect(Site site) throws Exception {
        return FakeGateway.connect(fx().mqtt.url(), site.facility(), site.clientId(), site.secret());
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

    /** Polls the command through the API until it has {@code status}; returns the last answer. */
    private Api.Response awaitStatus(UUID facility, String id, CommandStatus status) throws InterruptedException {
        Api.Response[] last = new Api.Response[1];
        await(id + " " + status, () -> {
            last[0] = call("GET", controls(facility) + "/" + id, fx().victor, null);
            return status.name().equals(last[0].text("status"));
        });
        return last[0];
    }

    /** The statuses announced on the live feed, per command id, in order. */
    /** The live feed is told after the database: wait until it has shown {@code n} statuses of the command. */
    private static void awaitLive(Map<String, List<CommandStatus>> seen, String id, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (seen.getOrDefault(id, List.of()).size() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static Map<String, List<CommandStatus>> statuses(LiveEvents live, UUID facility, List<Runnable> stop) {
        Map<String, List<CommandStatus>> seen = new ConcurrentHashMap<>();
        stop.add(live.subscribe(e -> {
            if (e.facility().equals(facility) && e.type().equals("command") && e.payload() instanceof CommandView v) {
                seen.computeIfAbsent(v.id(), k -> Collections.synchronizedList(new ArrayList<>()))
                        .add(v.status());
            }
        }));
        return seen;
    }

    /** (action, actor, outcome) of the audit entries about {@code subject}, oldest first. */
    private List<List<String>> auditOf(String subject) {
        return fx().auditJdbc
                .sql("SELECT action, actor_id, outcome FROM audit_log WHERE detail LIKE ? ORDER BY at, action")
                .param("%" + subject + "%")
                .query((rs, n) -> List.of(rs.getString(1), String.valueOf(rs.getObject(2)), rs.getString(3)))
                .list();
    }

    private static List<String> actions(List<List<String>> audit) {
        return audit.stream().map(a -> a.get(0)).toList();
    }

    private static Map<String, Object> setPoint(UUID gateway, String target, double value, String unit) {
        return body("action", "setpoint", "gatewayId", gateway, "target", target, "value", value, "unit", unit);
    }

    // ------------------------------------------------------------------------------------------ catalogue

    /** Every controls and rollout endpoint, with a gateway, a command and a policy version made for them. */
    @EndpointCatalogue
    default List<Endpoint> controlsEndpoints(UUID f, String adminToken) {
        String base = "/api/v1/facilities/" + f;
        UUID gateway = UUID.fromString(gateway(f, adminToken).text("gatewayId"));
        Map<String, Object> command = setPoint(gateway, "tSpDay", 20.0, "°C");
        Api.Response issued = call("POST", base + "/controls", adminToken, command);
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        Api.Response policy = call(
                "POST", base + "/policies", adminToken, PolicyFiles.upload(PolicyFiles.CONSTANT, "catalogued-rollout"));
        assertThat(policy.status()).as(policy.raw()).isEqualTo(201);
        return List.of(
                Endpoint.of("POST", base + "/controls", command, Role.OPERATOR),
                Endpoint.of("GET", base + "/controls?status=SENT", null, Role.VIEWER),
                Endpoint.of("GET", base + "/controls/" + issued.text("id"), null, Role.VIEWER),
                Endpoint.of(
                        "POST",
                        base + "/gateways/" + gateway + "/policy",
                        body("policyId", policy.text("id")),
                        Role.ADMIN),
                Endpoint.of("GET", base + "/gateways/" + gateway + "/policy", null, Role.VIEWER));
    }

    // ------------------------------------------------------------------------------------------ commands

    @Test
    default void anOverrideGoesQueuedSentDeliveredSucceededAsTheGatewayAcknowledges(@Autowired LiveEvents live)
            throws Exception {
        Site site = site("Override");
        List<Runnable> stop = new ArrayList<>();
        Map<String, List<CommandStatus>> seen = statuses(live, site.facility(), stop);
        try (FakeGateway gateway = connect(site)) {
            Instant before = Instant.now();
            Api.Response issued = call(
                    "POST",
                    controls(site.facility()),
                    fx().otto,
                    body("action", "override", "equipmentId", site.vent(), "value", 0.4));
            assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
            String id = issued.text("id");
            assertThat(MessageIds.isValid(id)).isTrue();
            assertThat(issued.text("status")).isIn("QUEUED", "SENT");
            // target, unit and gateway come from the equipment row
            assertThat(issued.text("target")).isEqualTo("roof_vent");
            assertThat(issued.text("unit")).isEqualTo("-");
            assertThat(issued.text("gatewayClientId")).isEqualTo(site.clientId());
            assertThat(issued.text("equipmentId")).isEqualTo(site.vent().toString());

            Command c = gateway.nextCommand();
            assertThat(c.commandId()).isEqualTo(id);
            assertThat(c.action()).isEqualTo(Command.Action.OVERRIDE);
            assertThat(c.target()).isEqualTo("roof_vent");
            assertThat(c.value()).isEqualTo(0.4);
            assertThat(c.unit()).isEqualTo("-");
            assertThat(c.issuedBy()).isEqualTo("user:" + fx().ottoId);
            assertThat(c.issuedAt()).isBetween(before.minusSeconds(1), Instant.now());
            // the default expiry, 120 s (ControlController.DEFAULT_EXPIRY_S and the README)
            assertThat(Duration.between(c.issuedAt(), c.expiresAt())).isEqualTo(Duration.ofSeconds(120));
            assertThat(Instant.parse(issued.text("expiresAt"))).isEqualTo(c.expiresAt());

            awaitStatus(site.facility(), id, CommandStatus.SENT);
            gateway.ack(id, Acknowledgement.State.RECEIVED, null);
            awaitStatus(site.facility(), id, CommandStatus.DELIVERED);
            gateway.ack(id, Acknowledgement.State.APPLIED, null);
            Api.Response done = awaitStatus(site.facility(), id, CommandStatus.SUCCEEDED);
            Instant sent = Instant.parse(done.text("sentAt"));
            Instant delivered = Instant.parse(done.text("deliveredAt"));
            Instant finished = Instant.parse(done.text("finishedAt"));
            assertThat(sent).isBeforeOrEqualTo(delivered);
            assertThat(delivered).isBeforeOrEqualTo(finished);
            assertThat(done.body().path("reason").isNull()).isTrue();

            // replays and late or contradicting acknowledgements never move a terminal status
            gateway.ack(id, Acknowledgement.State.RECEIVED, null);
            gateway.ack(id, Acknowledgement.State.REJECTED, "too late to refuse");
            gateway.ack(id, Acknowledgement.State.APPLIED, null);
            // a command the gateway answers after it: once that is in, the three before it are too
            String marker = call(
                            "POST",
                            controls(site.facility()),
                            fx().otto,
                            body("action", "release", "equipmentId", site.vent()))
                    .text("id");
            assertThat(gateway.nextCommand().commandId()).isEqualTo(marker);
            gateway.ack(marker, Acknowledgement.State.APPLIED, null);
            awaitStatus(site.facility(), marker, CommandStatus.SUCCEEDED);
            Api.Response after = call("GET", controls(site.facility()) + "/" + id, fx().victor, null);
            assertThat(after.text("status")).isEqualTo("SUCCEEDED");
            assertThat(after.text("finishedAt")).isEqualTo(done.text("finishedAt"));

            awaitLive(seen, id, 4);
            assertThat(seen.get(id))
                    .as("live feed")
                    .containsExactly(
                            CommandStatus.QUEUED, CommandStatus.SENT, CommandStatus.DELIVERED, CommandStatus.SUCCEEDED);
            // the request by its caller, every later step by the system (no actor)
            assertThat(auditOf(id))
                    .containsExactly(
                            List.of("command.issued", fx().ottoId.toString(), "success"),
                            List.of("command.sent", "null", "success"),
                            List.of("command.delivered", "null", "success"),
                            List.of("command.succeeded", "null", "success"));

            // newest first, filtered by status, readable by a viewer
            Api.Response list = call("GET", controls(site.facility()), fx().victor, null);
            assertThat(list.body().path("items").findValuesAsString("id")).containsExactly(marker, id);
            assertThat(list.body().path("total").asLong()).isEqualTo(2);
            Api.Response succeeded =
                    call("GET", controls(site.facility()) + "?status=succeeded&size=1", fx().victor, null);
            assertThat(succeeded.body().path("items").findValuesAsString("id")).containsExactly(marker);
            assertThat(succeeded.body().path("total").asLong()).isEqualTo(2);
            assertThat(call("GET", controls(site.facility()) + "?status=DONE", fx().victor, null)
                            .body()
                            .path("errors")
                            .findValuesAsString("field"))
                    .containsExactly("status");
        } finally {
            stop.forEach(Runnable::run);
        }
    }

    @Test
    default void aRejectedSetPointFailsWithTheGatewaysReasonAndOtherGatewaysCannotAnswerForIt(
            @Autowired LiveEvents live, @Autowired IngestionStats stats) throws Exception {
        Site site = site("Rejected");
        Api.Response other = gateway(site.facility(), fx().alice);
        List<Runnable> stop = new ArrayList<>();
        Map<String, List<CommandStatus>> seen = statuses(live, site.facility(), stop);
        try (FakeGateway gateway = connect(site);
                FakeGateway intruder = FakeGateway.connect(
                        fx().mqtt.url(), site.facility(), other.text("clientId"), other.text("secret"))) {
            Api.Response issued = call(
                    "POST",
                    controls(site.facility()),
                    fx().otto,
                    body(
                            "action",
                            "setpoint",
                            "gatewayId",
                            site.gateway(),
                            "target",
                            "tSpDay",
                            "value",
                            20.5,
                            "unit",
                            "degC",
                            "expiresInSeconds",
                            600));
            assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
            String id = issued.text("id");
            Command c = gateway.nextCommand();
            assertThat(c.action()).isEqualTo(Command.Action.SETPOINT);
            assertThat(c.target()).isEqualTo("tSpDay");
            assertThat(c.value()).isEqualTo(20.5);
            // degC is °C, normalised as the policy runtime's Units does
            assertThat(c.unit()).isEqualTo("°C");
            assertThat(Duration.between(c.issuedAt(), c.expiresAt())).isEqualTo(Duration.ofSeconds(600));
            awaitStatus(site.facility(), id, CommandStatus.SENT);
            gateway.ack(id, Acknowledgement.State.RECEIVED, null);
            awaitStatus(site.facility(), id, CommandStatus.DELIVERED);

            // another gateway of the same facility answers for it, and someone acknowledges an unknown id
            long acked = stats.acknowledged.get();
            intruder.ack(id, Acknowledgement.State.APPLIED, null);
            gateway.ack(MessageIds.newId(), Acknowledgement.State.APPLIED, null);
            await("both acknowledgements ingested", () -> stats.acknowledged.get() >= acked + 2);
            assertThat(call("GET", controls(site.facility()) + "/" + id, fx().victor, null)
                            .text("status"))
                    .isEqualTo("DELIVERED");

            gateway.ack(id, Acknowledgement.State.REJECTED, "tSpDay is locked by the climate computer");
            Api.Response failed = awaitStatus(site.facility(), id, CommandStatus.FAILED);
            assertThat(failed.text("reason"))
                    .isEqualTo("rejected by the gateway: tSpDay is locked by the climate computer");
            awaitLive(seen, id, 4);
            assertThat(seen.get(id))
                    .containsExactly(
                            CommandStatus.QUEUED, CommandStatus.SENT, CommandStatus.DELIVERED, CommandStatus.FAILED);
            assertThat(auditOf(id).get(auditOf(id).size() - 1)).containsExactly("command.failed", "null", "failed");
        } finally {
            stop.forEach(Runnable::run);
        }
    }

    @Test
    default void aModeCommandNoGatewayAnswersTimesOutAfterItsExpiryAndTheGrace(@Autowired LiveEvents live)
            throws Exception {
        Site site = site("Unanswered");
        List<Runnable> stop = new ArrayList<>();
        Map<String, List<CommandStatus>> seen = statuses(live, site.facility(), stop);
        try {
            Api.Response issued = call(
                    "POST",
                    controls(site.facility()),
                    fx().otto,
                    body("action", "mode", "gatewayId", site.gateway(), "mode", "manual", "expiresInSeconds", 10));
            assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
            assertThat(issued.text("mode")).isEqualTo("manual");
            String id = issued.text("id");
            // the broker takes it although the gateway is away: SENT, then nothing
            awaitStatus(site.facility(), id, CommandStatus.SENT);
            Api.Response timedOut = awaitStatus(site.facility(), id, CommandStatus.TIMED_OUT);
            Instant expiresAt = Instant.parse(timedOut.text("expiresAt"));
            assertThat(Instant.parse(timedOut.text("finishedAt"))).isAfterOrEqualTo(expiresAt.plus(ACK_GRACE));
            assertThat(timedOut.text("reason")).contains("no terminal acknowledgement");
            awaitLive(seen, id, 3);
            assertThat(seen.get(id)).containsExactly(CommandStatus.QUEUED, CommandStatus.SENT, CommandStatus.TIMED_OUT);
            assertThat(actions(auditOf(id))).containsExactly("command.issued", "command.sent", "command.timed_out");
        } finally {
            stop.forEach(Runnable::run);
        }
    }

    @Test
    default void commandsAreCheckedBeforeAnythingIsSent() {
        Site site = site("Checks");
        UUID elsewhere = UUID.fromString(gateway(fx().facilityB, fx().bob).text("gatewayId"));
        String path = controls(site.facility());
        record Case(Map<String, Object> body, int status, String field) {}
        List<Case> cases = List.of(
                // the roof vent's safety bounds are [0, 1]
                new Case(body("action", "override", "equipmentId", site.vent(), "value", 1.5), 400, "value"),
                new Case(body("action", "override", "equipmentId", site.vent(), "value", -0.1), 400, "value"),
                new Case(body("action", "override", "equipmentId", site.vent()), 400, "value"),
                new Case(
                        body(
                                "action",
                                "override",
                                "equipmentId",
                                site.vent(),
                                "value",
                                0.5,
                                "gatewayId",
                                site.gateway()),
                        400,
                        "gatewayId"),
                new Case(
                        body("action", "override", "equipmentId", UUID.randomUUID(), "value", 0.5), 422, "equipmentId"),
                new Case(body("action", "release", "equipmentId", site.vent(), "value", 0.5), 400, "value"),
                // tSpDay is bounded like the heating set-point action, 10..25 °C (PolicyActuation)
                new Case(setPoint(site.gateway(), "tSpDay", 30.0, "°C"), 400, "value"),
                new Case(setPoint(site.gateway(), "tSpDay", 9.5, "°C"), 400, "value"),
                new Case(setPoint(site.gateway(), "uRoof", 0.5, "-"), 400, "target"),
                new Case(setPoint(site.gateway(), "tSpDay", 20.0, "K"), 400, "unit"),
                new Case(setPoint(elsewhere, "tSpDay", 20.0, "°C"), 422, "gatewayId"),
                new Case(setPoint(null, "tSpDay", 20.0, "°C"), 400, "gatewayId"),
                new Case(body("action", "mode", "gatewayId", site.gateway(), "mode", "fallback"), 400, "mode"),
                new Case(body("action", "mode", "gatewayId", site.gateway(), "mode", "policy"), 400, "mode"),
                new Case(
                        body("action", "mode", "gatewayId", site.gateway(), "mode", "manual", "expiresInSeconds", 5),
                        400,
                        "expiresInSeconds"),
                new Case(
                        body("action", "mode", "gatewayId", site.gateway(), "mode", "manual", "expiresInSeconds", 3601),
                        400,
                        "expiresInSeconds"),
                new Case(body("action", "reboot", "gatewayId", site.gateway()), 400, "action"),
                new Case(
                        body("action", "setpoint", "target", "x".repeat(5000), "gatewayId", site.gateway()),
                        413,
                        "body"));
        for (Case c : cases) {
            Api.Response r = call("POST", path, fx().otto, c.body());
            assertThat(r.status()).as(c + ": " + r.raw()).isEqualTo(c.status());
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().path("errors").findValuesAsString("field"))
                    .as(c.toString())
                    .containsExactly(c.field());
        }
        Api.Response bounds =
                call("POST", path, fx().otto, body("action", "override", "equipmentId", site.vent(), "value", 1.5));
        assertThat(bounds.body().path("errors").get(0).path("reason").asString())
                .isEqualTo("must be within the equipment's safety bounds [0, 1] -");
        // a viewer may not, an operator may
        assertThat(call("POST", path, fx().victor, setPoint(site.gateway(), "tSpDay", 20.0, "°C"))
                        .status())
                .isEqualTo(403);
        assertThat(call("GET", path, fx().victor, null).body().path("total").asLong())
                .as("nothing refused was recorded")
                .isZero();
        assertThat(call("POST", path, fx().otto, setPoint(site.gateway(), "co2_setpoint", 900, "ppm"))
                        .status())
                .isEqualTo(201);
        assertThat(call("GET", path + "/" + MessageIds.newId(), fx().victor, null)
                        .status())
                .isEqualTo(404);
        assertThat(call("GET", path + "/not-an-id", fx().victor, null).status()).isEqualTo(404);
    }

    /** A row as a service that could not reach the broker leaves it: QUEUED, its payload ready. */
    private void insertQueued(Site site, Command c) {
        OffsetDateTime issued = c.issuedAt().atOffset(ZoneOffset.UTC);
        fx().auditJdbc
                .sql("INSERT INTO commands (id, facility_id, gateway_id, gateway_client_id, kind, action, target,"
                        + " command_value, unit, issued_by, issued_at, expires_at, status, updated_at, payload)"
                        + " VALUES (?, ?, ?, ?, 'COMMAND', 'SETPOINT', ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)")
                .params(
                        c.commandId(),
                        site.facility(),
                        site.gateway(),
                        site.clientId(),
                        c.target(),
                        c.value(),
                        c.unit(),
                        fx().ottoId,
                        issued,
                        c.expiresAt().atOffset(ZoneOffset.UTC),
                        issued,
                        WireCodec.encodeToString(c))
                .update();
    }

    /**
     * What the broker's absence leaves behind: commands still QUEUED. Those that have not expired go out as they
     * were issued (same id and expiry) once the client is connected, by the same flush that runs when it
     * reconnects; one that expired while queued is FAILED and never sent.
     */
    @Test
    default void commandsLeftQueuedGoOutAsIssuedAndOnesThatExpiredWhileQueuedFail() throws Exception {
        Site site = site("Queued");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Command fresh = Command.setPoint(
                MessageIds.newId(),
                site.clientId(),
                now.minusSeconds(30),
                now.plusSeconds(90),
                "user:otto",
                "tSpNight",
                17.0,
                "°C");
        Command stale = Command.setPoint(
                MessageIds.newId(),
                site.clientId(),
                now.minusSeconds(300),
                now.minusSeconds(180),
                "user:otto",
                "tSpDay",
                21.0,
                "°C");
        try (FakeGateway gateway = connect(site)) {
            insertQueued(site, stale);
            insertQueued(site, fresh);
            Command received = gateway.nextCommand();
            assertThat(received).isEqualTo(fresh);
            awaitStatus(site.facility(), fresh.commandId(), CommandStatus.SENT);
            Api.Response failed = awaitStatus(site.facility(), stale.commandId(), CommandStatus.FAILED);
            assertThat(failed.text("reason")).startsWith("expired before it was sent");
            assertThat(failed.body().path("sentAt").isNull()).isTrue();
            gateway.ack(fresh.commandId(), Acknowledgement.State.APPLIED, null);
            awaitStatus(site.facility(), fresh.commandId(), CommandStatus.SUCCEEDED);
            assertThat(gateway.pending())
                    .as("nothing else was sent, the expired command least of all")
                    .isZero();
        }
    }

    // ------------------------------------------------------------------------------------------ rollouts

    private Api.Response upload(UUID f, String fixture, String name) {
        Api.Response r =
                call("POST", "/api/v1/facilities/" + f + "/policies", fx().alice, PolicyFiles.upload(fixture, name));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
    }

    private static HttpResponse<byte[]> download(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20))
                .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Under PostgreSQL the broker is the machine's Mosquitto: remove the retained announcement left there. */
    private void clearRetained(Site site) {
        if (!fx().database().equals("postgresql")) {
            return; // the embedded broker lives and dies with the test's service
        }
        try (MqttClient c = new MqttClient(
                fx().mqtt.url(),
                "rala-test-" + UUID.randomUUID().toString().substring(0, 8),
                new MemoryPersistence())) {
            c.connect(new MqttConnectOptions());
            c.publish(Topics.policy(site.facility().toString(), site.clientId()), new byte[0], 1, true);
            c.disconnect();
        } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
            // best effort: ids are random, nothing else reads that topic
        }
    }

    @Test
    default void aPolicyRolloutReachesTheGatewayWhichDownloadsChecksAndReportsIt() throws Exception {
        Site site = site("Rollout");
        byte[] constant = PolicyFiles.bytes(PolicyFiles.CONSTANT);
        byte[] warm = PolicyFiles.bytes(PolicyFiles.WARM);
        String v1 = upload(site.facility(), PolicyFiles.CONSTANT, "climate").text("id");
        String v2 = upload(site.facility(), PolicyFiles.WARM, "climate").text("id");
        assertThat(call(
                                "PUT",
                                "/api/v1/facilities/" + site.facility() + "/policies/aliases/champion",
                                fx().alice,
                                body("name", "climate", "version", 2))
                        .status())
                .isEqualTo(200);
        try {
            // nothing rolled out yet
            Api.Response none = call("GET", policyOf(site.facility(), site.gateway()), fx().victor, null);
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.text("clientId")).isEqualTo(site.clientId());
            assertThat(none.body().path("rollout").isNull()).isTrue();

            Api.Response rollout = call(
                    "POST",
                    policyOf(site.facility(), site.gateway()),
                    fx().alice,
                    body("name", "climate", "alias", "champion"));
            assertThat(rollout.status()).as(rollout.raw()).isEqualTo(201);
            String rid = rollout.text("id");
            assertThat(rollout.text("kind")).isEqualTo("POLICY_ROLLOUT");
            assertThat(rollout.text("policyId")).isEqualTo(v2);
            assertThat(rollout.text("policyVersion")).isEqualTo("climate-v2");
            // the runtime's content hash (rala.content_hash), which is not the SHA-256 of the file's bytes
            assertThat(rollout.text("contentHash"))
                    .isEqualTo(PolicyFile.contentHash(warm))
                    .isEqualTo(PolicyFile.metadata(warm).get(PolicyFile.HASH_KEY))
                    .isNotEqualTo(PolicyFiles.sha256(warm));
            awaitStatus(site.facility(), rid, CommandStatus.SENT);

            // the gateway connects afterwards and finds the announcement retained
            try (FakeGateway gateway = connect(site)) {
                PolicyAnnouncement a = gateway.nextAnnouncement();
                assertThat(a.messageId()).isEqualTo(rid);
                assertThat(a.policyVersion()).isEqualTo("climate-v2");
                assertThat(a.sizeBytes()).isEqualTo(warm.length);
                assertThat(a.location())
                        .isEqualTo("http://127.0.0.1:" + fx().port + "/api/v1/gateway/policies/" + v2 + "/file");

                // only the gateway's own credentials open the download
                for (String wrong : new String[] {
                    null,
                    basic(site.clientId(), "not-the-secret"),
                    basic("gw-00000000000000000000", site.secret()),
                    "Bearer " + fx().alice,
                    "Basic not-base64!"
                }) {
                    HttpResponse<byte[]> refused = download(a.location(), wrong);
                    assertThat(refused.statusCode()).as(String.valueOf(wrong)).isEqualTo(401);
                    assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
                            .startsWith("Basic realm=");
                }
                HttpResponse<byte[]> file = download(a.location(), basic(site.clientId(), site.secret()));
                assertThat(file.statusCode()).isEqualTo(200);
                assertThat(file.body()).isEqualTo(warm);
                assertThat(file.body()).hasSize((int) a.sizeBytes());
                assertThat(PolicyFile.contentHash(file.body())).isEqualTo(a.contentHash());
                // another facility's gateway cannot have it
                Api.Response foreign = gateway(fx().facilityB, fx().bob);
                assertThat(download(a.location(), basic(foreign.text("clientId"), foreign.text("secret")))
                                .statusCode())
                        .isEqualTo(404);

                gateway.state(ControlMode.ADVISORY, "climate-v2");
                Api.Response done = awaitStatus(site.facility(), rid, CommandStatus.SUCCEEDED);
                assertThat(done.text("finishedAt")).isNotBlank();
                Api.Response shown = call("GET", policyOf(site.facility(), site.gateway()), fx().victor, null);
                assertThat(shown.body().path("rollout").path("id").asString()).isEqualTo(rid);
                assertThat(shown.body().path("rollout").path("status").asString())
                        .isEqualTo("SUCCEEDED");
                assertThat(actions(auditOf(rid)))
                        .containsExactly("policy.rollout.requested", "policy.rollout.sent", "policy.rollout.succeeded");
                assertThat(auditOf(rid).get(0).get(1)).isEqualTo(fx().aliceId.toString());
                assertThat(fx().auditJdbc
                                .sql(
                                        "SELECT COUNT(*) FROM audit_log WHERE action = 'policy.downloaded' AND detail LIKE ?")
                                .param("%" + site.clientId() + "%")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);

                // rollback: the previous version, by name and number; the gateway refuses it this time
                Api.Response back = call(
                        "POST",
                        policyOf(site.facility(), site.gateway()),
                        fx().alice,
                        body("name", "climate", "version", 1));
                assertThat(back.status()).as(back.raw()).isEqualTo(201);
                PolicyAnnouncement b = gateway.nextAnnouncement();
                assertThat(b.policyVersion()).isEqualTo("climate-v1");
                assertThat(b.contentHash()).isEqualTo(PolicyFile.contentHash(constant));
                assertThat(b.location()).endsWith("/policies/" + v1 + "/file");
                // an event about another version, and one that names a longer version, change nothing
                gateway.event(GatewayEvent.Severity.WARNING, "policy_rejected", "climate-v12: not announced here");
                gateway.event(GatewayEvent.Severity.WARNING, "policy_rejected", "climate-v2 is still loaded");
                gateway.event(GatewayEvent.Severity.WARNING, "policy_rejected", "climate-v1: manifest does not fit");
                Api.Response refused = awaitStatus(site.facility(), back.text("id"), CommandStatus.FAILED);
                assertThat(refused.text("reason"))
                        .isEqualTo("refused by the gateway: climate-v1: manifest does not fit");
                assertThat(call("GET", controls(site.facility()) + "/" + rid, fx().victor, null)
                                .text("status"))
                        .as("the earlier rollout stays as it ended")
                        .isEqualTo("SUCCEEDED");

                // a newer rollout supersedes an open one
                String open = call("POST", policyOf(site.facility(), site.gateway()), fx().alice, body("policyId", v2))
                        .text("id");
                String newer = call("POST", policyOf(site.facility(), site.gateway()), fx().alice, body("policyId", v1))
                        .text("id");
                Api.Response superseded = awaitStatus(site.facility(), open, CommandStatus.FAILED);
                assertThat(superseded.text("reason")).isEqualTo("superseded by rollout " + newer + " of climate-v1");
                assertThat(call("GET", policyOf(site.facility(), site.gateway()), fx().victor, null)
                                .body()
                                .path("rollout")
                                .path("id")
                                .asString())
                        .isEqualTo(newer);
                gateway.event(GatewayEvent.Severity.INFO, "policy_loaded", "loaded climate-v1.");
                awaitStatus(site.facility(), newer, CommandStatus.SUCCEEDED);
            }

            // what is refused: an unknown alias or version, both ways at once, neither
            String path = policyOf(site.facility(), site.gateway());
            assertThat(call("POST", path, fx().alice, body("name", "climate", "alias", "nobody"))
                            .body()
                            .path("errors")
                            .findValuesAsString("field"))
                    .containsExactly("alias");
            assertThat(call("POST", path, fx().alice, body("name", "climate", "version", 9))
                            .status())
                    .isEqualTo(422);
            assertThat(call("POST", path, fx().alice, body("policyId", v1, "name", "climate"))
                            .status())
                    .isEqualTo(400);
            assertThat(call("POST", path, fx().alice, body())
                            .body()
                            .path("errors")
                            .findValuesAsString("field"))
                    .containsExactly("policyId");
            assertThat(call("POST", path, fx().alice, body("policyId", UUID.randomUUID()))
                            .status())
                    .isEqualTo(422);
            assertThat(call(
                                    "POST",
                                    "/api/v1/facilities/" + site.facility() + "/gateways/" + UUID.randomUUID()
                                            + "/policy",
                                    fx().alice,
                                    body("policyId", v1))
                            .status())
                    .isEqualTo(404);
            // an operator may not roll out
            assertThat(call("POST", path, fx().otto, body("policyId", v1)).status())
                    .isEqualTo(403);
            // the download is described with the gateway's own scheme, not the bearer token
            Api.Response doc = call("GET", "/api/v1/openapi.json", null, null);
            assertThat(doc.body()
                            .path("paths")
                            .path("/api/v1/gateway/policies/{policyId}/file")
                            .path("get")
                            .path("security")
                            .findValues("gateway"))
                    .hasSize(1);
            assertThat(doc.body()
                            .path("components")
                            .path("securitySchemes")
                            .path("gateway")
                            .path("scheme")
                            .asString())
                    .isEqualTo("basic");
        } finally {
            clearRetained(site);
        }
    }

    @Test
    default void aRolloutNoGatewayReportsTimesOut() throws Exception {
        Site site = site("Rollout unanswered");
        String v1 = upload(site.facility(), PolicyFiles.CONSTANT, "quiet").text("id");
        try {
            Api.Response rollout =
                    call("POST", policyOf(site.facility(), site.gateway()), fx().alice, body("policyId", v1));
            assertThat(rollout.status()).as(rollout.raw()).isEqualTo(201);
            Instant issued = Instant.parse(rollout.text("issuedAt"));
            // rala.controls.rollout-timeout in the tests' properties (ApiContractTest): 10 s
            assertThat(Instant.parse(rollout.text("expiresAt"))).isEqualTo(issued.plusSeconds(10));
            Api.Response timedOut = awaitStatus(site.facility(), rollout.text("id"), CommandStatus.TIMED_OUT);
            assertThat(timedOut.text("reason")).contains("quiet-v1").contains("10 s");
            assertThat(Instant.parse(timedOut.text("finishedAt"))).isAfterOrEqualTo(issued.plusSeconds(10));
        } finally {
            clearRetained(site);
        }
    }
}
