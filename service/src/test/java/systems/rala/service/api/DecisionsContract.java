package systems.rala.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.service.control.DecisionView;
import systems.rala.service.control.GatewayStateView;
import systems.rala.service.facility.Role;
import systems.rala.service.live.LiveEvents;
import tools.jackson.databind.JsonNode;

/**
 * A gateway's reported state and control decisions end to end: a gateway played by the test ({@link
 * FakeGateway}) sends its state and audit records over the real broker (the embedded one on H2, the machine's
 * Mosquitto under PostgreSQL), and viewers read them back through the API and the live feed.
 */
interface DecisionsContract extends ServiceContract {

    private Api.Response call(String method, String path, String token, Object body) {
        return fx().api.call(method, path, token, body);
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private Api.Response registerGateway(UUID facility, String token) {
        Api.Response r = call(
                "POST",
                "/api/v1/facilities/" + facility + "/gateways",
                token,
                body("name", "Gateway " + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r;
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

    private static Map<String, Double> values(Object... kv) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Double) kv[i + 1]);
        }
        return m;
    }

    @Test
    default void viewersSeeAGatewaysStateAndDecisionsWithInterventionsAndEachRecordOnce(@Autowired LiveEvents live)
            throws Exception {
        String alice = fx().alice;
        UUID f = fx().createFacility(
                        alice, "Decisions " + UUID.randomUUID().toString().substring(0, 8));
        assertThat(call(
                                "POST",
                                "/api/v1/facilities/" + f + "/members",
                                alice,
                                body("email", "victor@rala.test", "role", "VIEWER"))
                        .status())
                .isEqualTo(201);
        Api.Response gw = registerGateway(f, alice);
        UUID gatewayId = UUID.fromString(gw.text("gatewayId"));
        String base = "/api/v1/facilities/" + f + "/gateways/" + gatewayId;

        // before the gateway says anything
        Api.Response none = call("GET", base + "/state", fx().victor, null);
        assertThat(none.status()).as(none.raw()).isEqualTo(200);
        assertThat(none.body().path("reported").asBoolean()).isFalse();
        assertThat(none.body().path("online").isNull()).isTrue();
        assertThat(call("GET", base + "/decisions", fx().victor, null).body().size())
                .isZero();

        List<Object> decisionsLive = new CopyOnWriteArrayList<>();
        List<Object> statesLive = new CopyOnWriteArrayList<>();
        Runnable stop = live.subscribe(e -> {
            if (e.facility().equals(f) && e.type().equals("decision")) {
                decisionsLive.add(e.payload());
            } else if (e.facility().equals(f) && e.type().equals("gateway")) {
                statesLive.add(e.payload());
            }
        });
        // millisecond times: the database keeps microseconds, the wire milliseconds
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(180);
        String clamped = MessageIds.newId();
        String fallback = MessageIds.newId();
        String twice = MessageIds.newId();
        try (FakeGateway g = FakeGateway.connect(fx().mqtt.url(), f, gw.text("clientId"), gw.text("secret"))) {
            String c = g.clientId();
            // as a gateway starts: no tick yet, no policy loaded, the rule-based fall-back acting
            g.send(new GatewayState(MessageIds.newId(), c, Instant.now(), true, ControlMode.FALLBACK, null, null));
            await(
                    "the starting state",
                    () -> call("GET", base + "/state", fx().victor, null)
                            .body()
                            .path("reported")
                            .asBoolean());
            Api.Response starting = call("GET", base + "/state", fx().victor, null);
            assertThat(starting.body().path("lastTickAt").isNull())
                    .as(starting.raw())
                    .isTrue();
            assertThat(starting.body().path("fallbackActing").asBoolean()).isTrue();
            g.send(new GatewayState(MessageIds.newId(), c, Instant.now(), true, ControlMode.POLICY, "tomato-v3", t0));
            await(
                    "the first state",
                    () -> call("GET", base + "/state", fx().victor, null)
                            .body()
                            .path("reported")
                            .asBoolean());
            Api.Response s = call("GET", base + "/state", fx().victor, null);
            assertThat(s.body().path("online").asBoolean()).isTrue();
            // the wire's policy mode is called autonomous in the API (CommandView.modeName)
            assertThat(s.text("mode")).isEqualTo("autonomous");
            assertThat(s.body().path("fallbackActing").asBoolean()).isFalse();
            assertThat(s.text("policyVersion")).isEqualTo("tomato-v3");
            assertThat(Instant.parse(s.text("lastTickAt"))).isEqualTo(t0);

            // the policy asked for more roof vent than the safety limit (1.0) allows: clamped
            g.send(new AuditRecord(
                    clamped,
                    c,
                    Instant.now(),
                    t0,
                    ControlMode.POLICY,
                    "tomato-v3",
                    values("air_temperature", 24.5, "co2", Double.NaN),
                    values("roof_vent", 1.3),
                    values("roof_vent", 1.0),
                    List.of("clamp_max:roof_vent"),
                    850));
            // a minute later the policy could not run (stale input): the rule-based fall-back acted
            g.send(new AuditRecord(
                    fallback,
                    c,
                    Instant.now(),
                    t0.plusSeconds(60),
                    ControlMode.FALLBACK,
                    null,
                    values("air_temperature", 25.0),
                    values("roof_vent", 0.6),
                    values("roof_vent", 0.6),
                    List.of(),
                    420));
            AuditRecord again = new AuditRecord(
                    twice,
                    c,
                    Instant.now(),
                    t0.plusSeconds(120),
                    ControlMode.FALLBACK,
                    null,
                    values("air_temperature", 25.5),
                    values("roof_vent", 0.7),
                    values("roof_vent", 0.7),
                    List.of(),
                    400);
            g.send(again);
            g.send(again);
            // the gateway's uplinks are handled in arrival order: once this state shows, all the above are in
            g.send(new GatewayState(
                    MessageIds.newId(), c, Instant.now(), true, ControlMode.FALLBACK, null, t0.plusSeconds(120)));
            await(
                    "the fall-back state",
                    () -> call("GET", base + "/state", fx().victor, null)
                            .body()
                            .path("fallbackActing")
                            .asBoolean());
        } finally {
            stop.run();
        }
        Api.Response s = call("GET", base + "/state", fx().victor, null);
        assertThat(s.text("mode")).isEqualTo("fallback");
        assertThat(s.body().path("policyVersion").isNull()).isTrue();

        Api.Response r = call("GET", base + "/decisions", fx().victor, null);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode d = r.body();
        // three records, the duplicate stored once; newest tick first
        assertThat(d.size()).as(r.raw()).isEqualTo(3);
        assertThat(List.of(
                        d.get(0).path("id").asString(),
                        d.get(1).path("id").asString(),
                        d.get(2).path("id").asString()))
                .containsExactly(twice, fallback, clamped);
        JsonNode first = d.get(2);
        assertThat(first.path("mode").asString()).isEqualTo("autonomous");
        assertThat(first.path("policyVersion").asString()).isEqualTo("tomato-v3");
        assertThat(Instant.parse(first.path("tickAt").asString())).isEqualTo(t0);
        assertThat(first.path("rawAction").path("roof_vent").asDouble()).isEqualTo(1.3);
        assertThat(first.path("safeAction").path("roof_vent").asDouble()).isEqualTo(1.0);
        assertThat(first.path("inputs").path("air_temperature").asDouble()).isEqualTo(24.5);
        // a missing reading (NaN on the gateway, null on the wire) stays null
        assertThat(first.path("inputs").has("co2")).isTrue();
        assertThat(first.path("inputs").path("co2").isNull()).isTrue();
        assertThat(first.path("interventions").size()).isEqualTo(1);
        assertThat(first.path("interventions").get(0).asString()).isEqualTo("clamp_max:roof_vent");
        assertThat(first.path("latencyMicros").asLong()).isEqualTo(850);
        JsonNode fb = d.get(1);
        assertThat(fb.path("mode").asString()).isEqualTo("fallback");
        assertThat(fb.path("policyVersion").isNull()).isTrue();
        assertThat(fb.path("interventions").size()).isZero();

        Api.Response two = call("GET", base + "/decisions?limit=2", fx().victor, null);
        assertThat(two.body().size()).isEqualTo(2);
        assertThat(two.body().get(0).path("id").asString()).isEqualTo(twice);

        // the live feed told each decision once (not the duplicate) and each state
        List<String> liveIds = new ArrayList<>();
        for (Object o : decisionsLive) {
            liveIds.add(((DecisionView.Compact) o).id());
        }
        assertThat(liveIds).containsExactly(clamped, fallback, twice);
        DecisionView.Compact live0 = (DecisionView.Compact) decisionsLive.get(0);
        assertThat(live0.interventions()).containsExactly("clamp_max:roof_vent");
        assertThat(live0.safeAction()).containsEntry("roof_vent", 1.0);
        assertThat(statesLive).hasSize(3);
        assertThat(((GatewayStateView) statesLive.get(2)).fallbackActing()).isTrue();
    }

    @Test
    default void decisionsAreReadOfAGatewayOfTheFacilityWithABoundedLimit() {
        String alice = fx().alice;
        String base = "/api/v1/facilities/" + fx().facilityA + "/gateways/";
        // a gateway that does not exist, and one of another facility, are 404 alike
        Api.Response unknown = call("GET", base + UUID.randomUUID() + "/state", alice, null);
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        UUID elsewhere =
                UUID.fromString(registerGateway(fx().facilityB, fx().bob).text("gatewayId"));
        assertThat(call("GET", base + elsewhere + "/decisions", alice, null).status())
                .isEqualTo(404);
        UUID own = UUID.fromString(registerGateway(fx().facilityA, alice).text("gatewayId"));
        for (String limit : new String[] {"0", "501"}) {
            Api.Response bad = call("GET", base + own + "/decisions?limit=" + limit, alice, null);
            assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
            assertThat(bad.raw()).contains("limit");
        }
        assertThat(call("GET", base + own + "/decisions?limit=500", alice, null).status())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------ catalogue

    /** A gateway's state and decisions, of a gateway registered for them. */
    @EndpointCatalogue
    default List<Endpoint> decisionsEndpoints(UUID f, String adminToken) {
        UUID gateway = UUID.fromString(registerGateway(f, adminToken).text("gatewayId"));
        String base = "/api/v1/facilities/" + f + "/gateways/" + gateway;
        return List.of(
                Endpoint.of("GET", base + "/state", null, Role.VIEWER),
                Endpoint.of("GET", base + "/decisions?limit=10", null, Role.VIEWER));
    }
}
