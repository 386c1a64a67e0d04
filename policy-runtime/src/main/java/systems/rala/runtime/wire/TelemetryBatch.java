package systems.rala.runtime.wire;

import java.time.Instant;
import java.util.List;

/**
 * Readings a gateway sends together: the latest samples of its points or, after an outage, a stored batch
 * sent again unchanged. A point may appear more than once, with different source times.
 *
 * @param messageId the gateway's id for this batch ({@link MessageIds})
 * @param gatewayId the gateway
 * @param sentAt when the gateway made the batch (a replay keeps it)
 * @param readings at least one, in the gateway's order
 */
public record TelemetryBatch(String messageId, String gatewayId, Instant sentAt, List<Reading> readings)
        implements WireMessage {

    public TelemetryBatch {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        readings = Wire.list("readings", readings);
        if (readings.isEmpty()) {
            throw Check.fail("readings", "is empty");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.TELEMETRY;
    }
}
