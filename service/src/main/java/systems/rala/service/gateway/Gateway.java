package systems.rala.service.gateway;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An on-site gateway as the API shows it: never its secret or the secret's hash.
 *
 * @param clientId the MQTT client id it connects with
 * @param lastSeenAt when it last authenticated, or {@code null} if never
 * @param credentialRotatedAt when its current secret was issued
 */
public record Gateway(
        UUID id,
        UUID facilityId,
        String name,
        String clientId,
        OffsetDateTime createdAt,
        OffsetDateTime lastSeenAt,
        OffsetDateTime credentialRotatedAt) {}
