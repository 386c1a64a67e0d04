package systems.rala.service.mqtt;

import java.util.Optional;
import java.util.UUID;

/** Checks a gateway's broker credentials: its id (the MQTT user name) and its secret. */
public interface GatewayAuthenticator {

    /**
     * @param gatewayId the user name the client connected with
     * @param secret the password it presented
     * @return the facility the gateway belongs to, or empty when the credentials are not valid
     */
    Optional<UUID> authenticate(String gatewayId, byte[] secret);
}
