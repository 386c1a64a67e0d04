package systems.rala.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.edge.ServiceSide;
import systems.rala.edge.TestBroker;
import systems.rala.edge.config.GatewayConfig;
import systems.rala.edge.queue.DiskQueue;
import systems.rala.edge.queue.Fsync;
import systems.rala.edge.queue.Outbox;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.Quality;
import systems.rala.runtime.wire.Reading;
import systems.rala.runtime.wire.TelemetryBatch;
import systems.rala.runtime.wire.Topics;

/**
 * The link over TLS: a broker with a certificate for 127.0.0.1 made by keytool for this test; the gateway trusts it
 * through its configured truststore, and without it (the JVM's default trust) it does not connect.
 */
class TlsTest {

    @TempDir
    Path dir;

    static void keytool(String... args) throws Exception {
        String exe = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(exe));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    MqttLink link(String url, Path truststore, Outbox outbox) {
        GatewayConfig.Mqtt m = new GatewayConfig.Mqtt(
                url,
                "gw-tls",
                "tls-secret".toCharArray(),
                truststore,
                truststore == null ? null : "trustpass".toCharArray(),
                "PKCS12",
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                8,
                Duration.ofSeconds(2));
        return new MqttLink(
                m,
                "farm-1",
                outbox,
                new MqttLink.Listener() {
                    @Override
                    public void onCommand(Command command) {}

                    @Override
                    public void onPolicy(PolicyAnnouncement announcement) {}

                    @Override
                    public void onRejected(String topic, String why) {}
                },
                () -> new GatewayState(
                        MessageIds.newId(), "gw-tls", Instant.now(), false, ControlMode.FALLBACK, null, null));
    }

    @Test
    void theGatewayTrustsTheBrokerThroughItsTruststoreOnly() throws Exception {
        Path ks = dir.resolve("broker.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "broker",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-validity",
                "2",
                "-keystore",
                ks.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "brokerpass",
                "-keypass",
                "brokerpass");
        keytool(
                "-exportcert",
                "-alias",
                "broker",
                "-keystore",
                ks.toString(),
                "-storepass",
                "brokerpass",
                "-file",
                dir.resolve("broker.crt").toString());
        Path trust = dir.resolve("trust.p12");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "broker",
                "-file",
                dir.resolve("broker.crt").toString(),
                "-keystore",
                trust.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                "trustpass");
        DiskQueue.Options o =
                new DiskQueue.Options(1 << 20, 64 << 10, Fsync.NEVER, Duration.ofSeconds(1), DiskQueue.Overflow.REFUSE);
        try (TestBroker broker = new TestBroker()
                        .user("gw-tls", "tls-secret")
                        .user(ServiceSide.USER, ServiceSide.PASSWORD)
                        .tls(ks, "brokerpass")
                        .start();
                ServiceSide service = new ServiceSide(broker.url());
                Outbox outbox = new Outbox(dir.resolve("outbox"), o, o)) {
            Instant now = Instant.now();
            outbox.offer(
                    Topics.telemetry("farm-1", "gw-tls"),
                    new TelemetryBatch(
                            MessageIds.newId(),
                            "gw-tls",
                            now,
                            List.of(new Reading("air_temperature", 20.5, "°C", now, Quality.GOOD))));
            try (MqttLink untrusting = link(broker.sslUrl(), null, outbox)) {
                untrusting.start();
                Thread.sleep(2500);
                assertThat(untrusting.connects())
                        .as("the JVM's default trust does not know the broker")
                        .isZero();
            }
            try (MqttLink trusting = link(broker.sslUrl(), trust, outbox)) {
                trusting.start();
                assertThat(trusting.awaitConnected(Duration.ofSeconds(20))).isTrue();
                TelemetryBatch b = service.await(TelemetryBatch.class, x -> true, Duration.ofSeconds(20));
                assertThat(b.readings().get(0).value()).isEqualTo(20.5);
            }
        }
    }
}
