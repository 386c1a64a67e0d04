package systems.rala.service.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import systems.rala.service.config.RalaProperties;

/**
 * The embedded default's MQTT broker (Moquette, MQTT 3.1.1), in the service's process: bound to
 * {@code rala.mqtt.host} (loopback by default), no websocket port, telemetry off, anonymous clients refused,
 * sessions and QoS 1 queues kept under {@code <data-dir>/mqtt} so a gateway's unacknowledged messages survive
 * a restart. Access is {@link BrokerAccess}: the service with a secret made at start, gateways with theirs.
 */
@Component
@ConditionalOnProperty(name = "rala.mqtt.embedded", havingValue = "true")
public class EmbeddedMqttBroker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

    /** Starts before the service's own client ({@link ServiceMqttClient#getPhase()}) and the web server. */
    static final int PHASE = Integer.MIN_VALUE + 1000;

    private final MqttProperties props;
    private final Path dataDir;
    private final BrokerAccess access;
    private final String serviceSecret;
    private Server server;
    private int port;

    EmbeddedMqttBroker(MqttProperties props, RalaProperties rala, ObjectProvider<GatewayAuthenticator> gateways) {
        this.props = props;
        this.dataDir = rala.dataDir().resolve("mqtt");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.serviceSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        GatewayAuthenticator none = (id, secret) -> java.util.Optional.empty();
        this.access =
                new BrokerAccess(serviceSecret.getBytes(StandardCharsets.UTF_8), gateways.getIfAvailable(() -> none));
    }

    @Override
    public synchronized void start() {
        port = props.port() == 0 ? freePort(props.host()) : props.port();
        Properties p = new Properties();
        p.setProperty("host", props.host());
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("allow_anonymous", "false");
        p.setProperty("allow_zero_byte_client_id", "false");
        p.setProperty("netty.mqtt.message_size", Integer.toString(props.maxMessageBytes()));
        p.setProperty("persistence_enabled", "true");
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the broker's folder " + dataDir, e);
        }
        p.setProperty("data_path", dataDir.toString());
        IAuthenticator authenticator = (clientId, username, password) -> access.authenticate(username, password);
        IAuthorizatorPolicy policy = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return access.canWrite(topic.toString(), user);
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return access.canRead(topic.toString(), user);
            }
        };
        Server s = new Server();
        try {
            s.startServer(new MemoryConfig(p), Collections.emptyList(), null, authenticator, policy);
        } catch (IOException e) {
            throw new UncheckedIOException("MQTT broker cannot start on " + props.host() + ":" + port, e);
        }
        server = s;
        log.info("MQTT broker (embedded) listening on tcp://{}:{}", props.host(), port);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** Where clients connect, e.g. {@code tcp://127.0.0.1:1884}. */
    public String url() {
        String host = props.host().contains(":") ? "[" + props.host() + "]" : props.host();
        return "tcp://" + host + ":" + port;
    }

    /** The service's own password on this broker (user {@link BrokerAccess#SERVICE_USER}). */
    String serviceSecret() {
        return serviceSecret;
    }

    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }
}
