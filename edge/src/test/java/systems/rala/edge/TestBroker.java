package systems.rala.edge;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real MQTT 3.1.1 broker (Moquette, as the service embeds it) on 127.0.0.1 for tests: telemetry and websockets
 * off, anonymous clients refused, each client checked against the user names and passwords given to it, as the
 * service's broker checks gateways (user name = client id, password = secret). Can be stopped and started again
 * on the same port to play an outage.
 */
public final class TestBroker implements AutoCloseable {

    private final int port;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private Server server;
    private java.nio.file.Path keystore;
    private String keystorePassword;
    private int sslPort;

    public TestBroker() {
        this(TestSites.freeTcpPort());
    }

    public TestBroker(int port) {
        this.port = port;
    }

    /** Lets {@code user} connect with {@code password}. */
    public TestBroker user(String user, String password) {
        users.put(user, password);
        return this;
    }

    /** Also listens for TLS on a port of its own, with the key and certificate in PKCS12 {@code keystore}. */
    public TestBroker tls(java.nio.file.Path keystore, String password) {
        this.keystore = keystore;
        this.keystorePassword = password;
        this.sslPort = TestSites.freeTcpPort();
        return this;
    }

    /** The TLS URL (after {@link #tls}). */
    public String sslUrl() {
        return "ssl://127.0.0.1:" + sslPort;
    }

    public synchronized TestBroker start() {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("allow_anonymous", "false");
        p.setProperty("persistence_enabled", "false");
        if (keystore != null) {
            p.setProperty("ssl_port", Integer.toString(sslPort));
            p.setProperty("jks_path", keystore.toString());
            p.setProperty("key_store_type", "pkcs12");
            p.setProperty("key_store_password", keystorePassword);
            p.setProperty("key_manager_password", keystorePassword);
        }
        IAuthenticator auth = (clientId, username, password) -> username != null
                && password != null
                && new String(password, StandardCharsets.UTF_8).equals(users.get(username));
        IAuthorizatorPolicy all = new IAuthorizatorPolicy() {
            @Override
            public boolean canWrite(Topic topic, String user, String client) {
                return true;
            }

            @Override
            public boolean canRead(Topic topic, String user, String client) {
                return true;
            }
        };
        Server s = new Server();
        try {
            s.startServer(new MemoryConfig(p), Collections.emptyList(), null, auth, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = s;
        return this;
    }

    public synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
