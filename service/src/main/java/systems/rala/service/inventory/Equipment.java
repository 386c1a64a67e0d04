package systems.rala.service.inventory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An actuator in a zone.
 *
 * @param address where the gateway reaches it, in the protocol's notation
 * @param point the point name commands to it carry
 * @param unit the unit of its commands ({@code -} for a position 0..1, {@code °C} for a set-point...)
 * @param safetyMin lowest command value allowed, in {@code unit}
 * @param safetyMax highest command value allowed, in {@code unit}
 * @param gatewayId the gateway that drives it, or {@code null}
 */
public record Equipment(
        UUID id,
        UUID facilityId,
        UUID zoneId,
        String name,
        EquipmentKind kind,
        Protocol protocol,
        String address,
        String point,
        String unit,
        double safetyMin,
        double safetyMax,
        UUID gatewayId,
        OffsetDateTime createdAt) {

    /** Whether a command value lies within the safety bounds (NaN never does). */
    public boolean allows(double value) {
        return value >= safetyMin && value <= safetyMax;
    }
}
