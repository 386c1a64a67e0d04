package systems.rala.service.alert;

import java.time.OffsetDateTime;
import java.util.UUID;
import systems.rala.service.inventory.SensorKind;

/**
 * Raise an alert when a sensor of {@code sensorKind} (in {@code zoneId}, or anywhere in the facility when it is
 * {@code null}) reads below {@code minThreshold} or above {@code maxThreshold}.
 *
 * @param minThreshold lower limit in the kind's canonical unit, or {@code null} for none
 * @param maxThreshold upper limit in the kind's canonical unit, or {@code null} for none
 */
public record AlertRule(
        UUID id,
        UUID facilityId,
        String name,
        SensorKind sensorKind,
        UUID zoneId,
        Double minThreshold,
        Double maxThreshold,
        Severity severity,
        boolean enabled,
        OffsetDateTime createdAt) {}
