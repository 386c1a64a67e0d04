package systems.rala.service.facility;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A greenhouse site.
 *
 * @param latitude WGS84 degrees north, or {@code null}
 * @param longitude WGS84 degrees east, or {@code null}
 * @param areaM2 floor area under glass, m²
 */
public record Facility(
        UUID id,
        String name,
        String location,
        Double latitude,
        Double longitude,
        double areaM2,
        String crop,
        OffsetDateTime createdAt) {}
