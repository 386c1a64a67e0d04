package systems.rala.service.inventory;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A part of a facility with its own climate (a compartment or a bay).
 *
 * @param areaM2 floor area, m²
 * @param crop what grows there, or {@code null} for the facility's crop
 */
public record Zone(UUID id, UUID facilityId, String name, double areaM2, String crop, OffsetDateTime createdAt) {}
