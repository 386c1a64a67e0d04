package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * A policy version for a gateway to load, published retained on its {@code policy} topic so that a gateway
 * that connects later finds it. The gateway fetches the file, checks its size and content hash (the file's
 * {@code rala.content_hash}, see {@code PolicyFile}), checks its manifest against the site's points, and
 * reports the outcome as a {@link GatewayEvent} and in its next {@link GatewayState}.
 *
 * @param messageId the service's id for this announcement
 * @param gatewayId the gateway it is for
 * @param sentAt when the service made it
 * @param policyVersion the version's name, e.g. the training run id
 * @param contentHash the file's content hash, SHA-256 in 64 lower-case hexadecimal digits
 * @param location where to fetch the file: an {@code https:} URL of the service or a path the gateway can
 *     read
 * @param sizeBytes the file's size in bytes, positive
 */
public record PolicyAnnouncement(
        String messageId,
        String gatewayId,
        Instant sentAt,
        String policyVersion,
        String contentHash,
        String location,
        long sizeBytes)
        implements WireMessage {

    public PolicyAnnouncement {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        Check.name("policyVersion", policyVersion);
        Check.contentHash("contentHash", contentHash);
        Check.line("location", location);
        if (sizeBytes <= 0) {
            throw Check.fail("sizeBytes", sizeBytes + " is not positive");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.POLICY;
    }
}
