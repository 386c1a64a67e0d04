package systems.rala.service.policy;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One uploaded version of a named policy in a facility.
 *
 * @param version 1, 2, 3, ... per facility and name, in upload order
 * @param sha256 lower-case hex SHA-256 of the file's bytes (also its storage address)
 * @param sizeBytes file size, bytes
 * @param manifestJson the manifest read by the policy runtime, as JSON ({@link ManifestView})
 * @param envId the environment the policy was trained on, e.g. {@code GreenhouseTomato-v0}
 * @param storagePath where the file is, relative to the data folder
 */
public record PolicyVersion(
        UUID id,
        UUID facilityId,
        String name,
        int version,
        String sha256,
        long sizeBytes,
        String manifestJson,
        String envId,
        int observationSize,
        int actionSize,
        UUID uploadedBy,
        OffsetDateTime uploadedAt,
        String storagePath) {

    /** "name v3", for messages and the audit log. */
    public String label() {
        return name + " v" + version;
    }
}
