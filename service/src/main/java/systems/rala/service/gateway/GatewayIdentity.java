package systems.rala.service.gateway;

import java.util.UUID;

/** Who an authenticated gateway is: what the MQTT broker needs to scope its topics to one facility. */
public record GatewayIdentity(UUID gatewayId, UUID facilityId, String clientId) {}
