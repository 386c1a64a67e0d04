package systems.rala.service.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import systems.rala.service.mqtt.GatewayAuthenticator;

/**
 * The broker's check of a gateway: the MQTT user name is the gateway's client id, the password its secret. The
 * gateway's topics are then {@code rala/v1/{facility id}/{client id}/...}.
 */
@Component
class BrokerGatewayAuthenticator implements GatewayAuthenticator {

    private final GatewayCredentials credentials;

    BrokerGatewayAuthenticator(GatewayCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Optional<UUID> authenticate(String gatewayId, byte[] secret) {
        if (secret == null) {
            return Optional.empty();
        }
        return credentials
                .authenticate(gatewayId, new String(secret, StandardCharsets.UTF_8))
                .map(GatewayIdentity::facilityId);
    }
}
