package systems.rala.service.inventory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An instrument in a zone.
 *
 * @param kind what it measures; {@link SensorKind#wireName()} on the API
 * @param unit the kind's canonical unit
 * @param min lowest value the instrument can measure, in {@code unit}, or {@code null}
 * @param max highest value the instrument can measure, in {@code unit}, or {@code null}
 * @param gatewayId the gateway that reports it, or {@code null}
 * @param point the point name the gateway reports it under, or {@code null}
 */
public record Sensor(
        UUID id,
        UUID facilityId,
        UUID zoneId,
        String name,
        SensorKind kind,
        String unit,
        Double min,
        Double max,
        UUID gatewayId,
        String point,
        OffsetDateTime createdAt) {}
