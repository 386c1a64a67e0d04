package systems.rala.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.plant.VirtualPlant;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.wire.Acknowledgement;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;

/**
 * The gateway end to end on loopback: the virtual plant on Modbus TCP and BACnet/IP, a real MQTT broker that checks
 * the gateway's credentials, and the service's side of the wire contract played by a second client.
 */
class GatewayMqttTest {

    static final String CLIENT = "gw-0123456789abcdef0123";
    static final String SECRET = "a-secret-issued-by-the-service";
    static final String FACILITY = "farm-1";
    static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    TestBroker broker;
    CuttableProxy line;
    VirtualPlant plant;
    ServiceSide service;
    Gateway gateway;
    TestSites.Ports ports;

    @BeforeEach
    void site() throws Exception {
        broker = new TestBroker()
                .user(CLIENT, SECRET)
                .user(ServiceSide.USER, ServiceSide.PASSWORD)
                .start();
        line = new CuttableProxy(broker.port());
        ports = TestSites.Ports.free();
        plant = new VirtualPlant(TestSites.plant(dir.resolve("plant"), ports, "2030-03-01T12:00", 2, 1));
        plant.start(true);
        service = new ServiceSide(broker.url());
        gateway = new Gateway(config(SECRET));
        gateway.start();
    }

    GatewayConfig config(String secret) {
        return TestSites.gateway(dir.resolve("gw"), ports, """
                { "tick": "300ms", "tickBudget": "280ms", "maxAge": "10s", "timezone": "+01:00" }
                """, """
                { "url": "%s", "clientId": "%s", "secret": "%s", "heartbeat": "1s", "reconnectMax": "2s" }
                """.formatted(line.url(), CLIENT, secret));
    }

    @AfterEach
    void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        service.close();
        line.close();
        broker.close();
        plant.close();
    }

    String topic(String kind) {
        return Topics.topic(systems.rala.runtime.wire.MessageKind.valueOf(kind), FACILITY, CLIENT);
    }

    @Test
    void telemetryAuditAndStateReachTheServiceUnderTheGatewaysOwnCredentials() throws Exception {
        TelemetryBatch t = service.await(TelemetryBatch.class, b -> true, WAIT);
        Reading air = t.readings().stream()
                .filter(r -> r.point().equals("air_temperature"))
                .findFirst()
                .orElseThrow();
        assertThat(air.quality()).isEqualTo(Quality.GOOD);
        assertThat(air.unit()).isEqualTo("°C");
        assertThat(air.value()).isCloseTo(plant.value("air_temperature"), within(0.005)); // 0.01 °C per count
        // BACnet points travel too
        assertThat(t.readings()).extracting(Reading::point).contains("outdoor_temperature", "outdoor_wind_speed");
        AuditRecord a = service.await(AuditRecord.class, r -> true, WAIT);
        assertThat(a.mode()).isEqualTo(ControlMode.FALLBACK);
        assertThat(a.safeAction()).containsKeys("uBoil", "uRoof", "uLamp");
        GatewayState s = service.await(GatewayState.class, GatewayState::online, WAIT);
        assertThat(s.gatewayId()).isEqualTo(CLIENT);
        assertThat(gateway.link().connected()).isTrue();
        assertThat(service.errors).isEmpty();
        // the broker sees the gateway's client id as user name and its secret as password: a wrong secret is refused
        gateway.close();
        gateway = new Gateway(config("not-the-secret").withDataDir(dir.resolve("gw2")));
        gateway.start();
        Thread.sleep(2500);
        assertThat(gateway.link().connects()).isZero();
    }

    List<Acknowledgement> acks(String commandId) {
        return service.of(Acknowledgement.class).stream()
                .filter(x -> x.commandId().equals(commandId))
                .toList();
    }

    @Test
    void commandsAreAnsweredReceivedThenOnceTerminal_andAReplayGetsItsStoredOutcome() throws Exception {
        assertThat(gateway.link().awaitConnected(WAIT)).isTrue();
        Instant now = Instant.now();
        Command sp = Command.setPoint(
                MessageIds.newId(), CLIENT, now, now.plusSeconds(600), "user:alice", "tSpDay", 21.0, "°C");
        service.publish(topic("COMMAND"), sp, false);
        service.await(
                Acknowledgement.class,
                x -> x.commandId().equals(sp.commandId()) && x.state().isTerminal(),
                WAIT);
        assertThat(acks(sp.commandId()))
                .extracting(Acknowledgement::state)
                .containsExactly(Acknowledgement.State.RECEIVED, Acknowledgement.State.APPLIED);
        assertThat(gateway.loop().ruleSettings().tSpDay()).isEqualTo(21.0);

        service.publish(topic("COMMAND"), sp, false); // the same command again: answered, not applied again
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (acks(sp.commandId()).size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(acks(sp.commandId()))
                .extracting(Acknowledgement::state)
                .containsExactly(
                        Acknowledgement.State.RECEIVED, Acknowledgement.State.APPLIED, Acknowledgement.State.APPLIED);

        Command late = Command.mode(
                MessageIds.newId(),
                CLIENT,
                now.minusSeconds(1200),
                now.minusSeconds(300),
                "user:alice",
                ControlMode.MANUAL);
        service.publish(topic("COMMAND"), late, false);
        Acknowledgement expired =
                service.await(Acknowledgement.class, x -> x.commandId().equals(late.commandId()), WAIT);
        assertThat(expired.state()).isEqualTo(Acknowledgement.State.EXPIRED);

        Command bad =
                Command.mode(MessageIds.newId(), CLIENT, now, now.plusSeconds(600), "user:alice", ControlMode.FALLBACK);
        service.publish(topic("COMMAND"), bad, false);
        Acknowledgement refused = service.await(
                Acknowledgement.class,
                x -> x.commandId().equals(bad.commandId()) && x.state().isTerminal(),
                WAIT);
        assertThat(refused.state()).isEqualTo(Acknowledgement.State.REJECTED);
        assertThat(refused.reason()).contains("fallback is entered by the gateway itself");
        Thread.sleep(300);
        assertThat(acks(late.commandId())).hasSize(1);
        assertThat(acks(bad.commandId()))
                .extracting(Acknowledgement::state)
                .containsExactly(Acknowledgement.State.RECEIVED, Acknowledgement.State.REJECTED);
    }

    PolicyAnnouncement announce(String version, Path file, String location) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        return new PolicyAnnouncement(
                MessageIds.newId(),
                CLIENT,
                Instant.now(),
                version,
                PolicyFile.contentHash(bytes),
                location,
                bytes.length);
    }

    GatewayEvent event(String code, String version) throws InterruptedException {
        return service.await(
                GatewayEvent.class, e -> e.code().equals(code) && e.text().contains(version), WAIT);
    }

    @Test
    void announcedPoliciesAreFetchedCheckedSwappedInAndRolledBack() throws Exception {
        Path a = Path.of("src/test/resources/policies/direct-a.onnx").toAbsolutePath();
        Path b = Path.of("src/test/resources/policies/direct-b.onnx").toAbsolutePath();
        Path lai = Path.of("src/test/resources/policies/needs-lai.onnx").toAbsolutePath();
        assertThat(gateway.link().awaitConnected(WAIT)).isTrue();

        // 1. a local path, retained as the service announces
        service.publish(topic("POLICY"), announce("direct-a", a, a.toString()), true);
        event("policy_loaded", "direct-a");
        service.await(GatewayState.class, s -> "direct-a".equals(s.policyVersion()), WAIT);
        // the audit record names the acting policy by its content hash
        String hashA = PolicyFile.contentHash(Files.readAllBytes(a));
        service.await(AuditRecord.class, r -> r.mode() == ControlMode.POLICY && hashA.equals(r.policyVersion()), WAIT);

        // 2. over HTTP from the service, with the gateway's credentials as HTTP Basic
        List<String> auth = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        http.createContext("/api/v1/policies/direct-b.onnx", ex -> {
            String given = ex.getRequestHeaders().getFirst("Authorization");
            auth.add(String.valueOf(given));
            byte[] body = expected.equals(given) ? Files.readAllBytes(b) : new byte[0];
            ex.sendResponseHeaders(expected.equals(given) ? 200 : 401, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        try {
            String url = "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v1/policies/direct-b.onnx";
            service.publish(topic("POLICY"), announce("direct-b", b, url), true);
            event("policy_loaded", "direct-b");
            assertThat(auth).containsExactly(expected);
        } finally {
            http.stop(0);
        }
        assertThat(gateway.loop().policyVersion()).isEqualTo("direct-b");
        assertThat(gateway.loop().previousPolicyVersion()).isEqualTo("direct-a");

        // 3. a file that is not what the announcement says is refused, and direct-b stays: another file's hash with
        // a's size (1717 bytes) and location
        PolicyAnnouncement other = announce("x", lai, a.toString());
        PolicyAnnouncement forged = new PolicyAnnouncement(
                MessageIds.newId(), CLIENT, Instant.now(), "forged", other.contentHash(), a.toString(), Files.size(a));
        service.publish(topic("POLICY"), forged, true);
        GatewayEvent rejected = event("policy_rejected", "forged");
        assertThat(rejected.text()).contains("content hash").contains("direct-b stays");

        // 4. a policy the site cannot feed is refused, naming what is missing
        service.publish(topic("POLICY"), announce("needs-lai", lai, lai.toString()), true);
        GatewayEvent gap = event("policy_rejected", "needs-lai");
        assertThat(gap.text()).contains("leaf_area_index");
        assertThat(gateway.loop().policyVersion()).isEqualTo("direct-b");

        // 5. announcing the previous version rolls back without a fetch
        service.publish(topic("POLICY"), announce("direct-a", a, "/nowhere/direct-a.onnx"), true);
        event("policy_rolled_back", "direct-a");
        assertThat(gateway.loop().policyVersion()).isEqualTo("direct-a");

        // 6. a restart continues with the acting version; the retained announcement finds it unchanged
        gateway.close();
        gateway = new Gateway(config(SECRET));
        gateway.start();
        assertThat(gateway.loop().policyVersion()).isEqualTo("direct-a");
        assertThat(gateway.loop().previousPolicyVersion()).isEqualTo("direct-b");
        event("policy_unchanged", "direct-a");
    }

    @Test
    void anOutageIsBridgedByTheOutbox_everyAuditRecordArrivesOldestFirst() throws Exception {
        assertThat(gateway.link().awaitConnected(WAIT)).isTrue();
        service.await(AuditRecord.class, r -> true, WAIT);
        line.cut();
        long cutAt = gateway.loop().ticks();
        Thread.sleep(2500); // about eight ticks while the broker cannot be reached
        assertThat(gateway.loop().ticks() - cutAt).isGreaterThanOrEqualTo(5);
        assertThat(gateway.outbox().pending()).isGreaterThanOrEqualTo(5);
        line.mend();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gateway.outbox().pending() > 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        gateway.close(); // drains the outbox, then stops
        long ticks = gateway.loop().ticks();
        gateway = null;
        // the broker has everything; its deliveries to the service's client may lag behind
        long until = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < until
                && service.of(AuditRecord.class).stream()
                                .map(AuditRecord::messageId)
                                .distinct()
                                .count()
                        < ticks) {
            Thread.sleep(50);
        }
        List<AuditRecord> audits = service.of(AuditRecord.class);
        List<String> ids =
                audits.stream().map(AuditRecord::messageId).distinct().toList();
        assertThat(ids).as("one audit record per tick, none lost").hasSize((int) ticks);
        // replayed oldest first: the first arrival of each record is in tick order
        List<Instant> firstArrivals = audits.stream()
                .filter(r -> audits.stream()
                                .filter(x -> x.messageId().equals(r.messageId()))
                                .findFirst()
                                .get()
                        == r)
                .map(AuditRecord::tickAt)
                .toList();
        assertThat(firstArrivals).isSorted();
        assertThat(service.errors).isEmpty();
    }
}
