package systems.rala.service.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Something in a facility that needs attention.
 *
 * @param zoneId the zone it concerns, or {@code null}
 * @param sensorId the sensor it concerns, or {@code null}
 * @param gatewayId the gateway it concerns, or {@code null}
 * @param kind a stable dotted name of what happened, e.g. {@code threshold.above} or {@code gateway.offline}
 */
public record Alert(
        UUID id,
        UUID facilityId,
        UUID zoneId,
        UUID sensorId,
        UUID gatewayId,
        String kind,
        Severity severity,
        String message,
        AlertState state,
        OffsetDateTime raisedAt,
        UUID acknowledgedBy,
        OffsetDateTime acknowledgedAt,
        UUID resolvedBy,
        OffsetDateTime resolvedAt) {}
