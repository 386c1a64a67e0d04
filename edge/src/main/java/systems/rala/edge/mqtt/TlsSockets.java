package systems.rala.edge.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import systems.rala.edge.config.GatewayConfig;

/**
 * TLS for the broker connection and policy downloads: the JVM's default trust, or the configured truststore's.
 */
public final class TlsSockets {

    private TlsSockets() {}

    /**
     * A factory trusting the certificates in {@code mqtt.truststore()} (its CA, or the broker's own certificate),
     * or null to use the JVM's default trust.
     */
    public static SSLSocketFactory factory(GatewayConfig.Mqtt mqtt) {
        SSLContext ctx = context(mqtt);
        return ctx == null ? null : ctx.getSocketFactory();
    }

    /** A TLS context trusting the configured truststore, or null for the JVM's default trust. */
    public static SSLContext context(GatewayConfig.Mqtt mqtt) {
        if (mqtt.truststore() == null) {
            return null;
        }
        try (InputStream in = Files.newInputStream(mqtt.truststore())) {
            KeyStore ks = KeyStore.getInstance(mqtt.truststoreType());
            ks.load(in, mqtt.truststorePassword());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "mqtt.truststore " + mqtt.truststore() + " (" + mqtt.truststoreType() + ") cannot be used: "
                            + e.getMessage(),
                    e);
        }
    }
}
