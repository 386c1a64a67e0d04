package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * Something a gateway reports for people to see: a mode change, a sensor gone stale, a PLC that stopped
 * answering, a safety intervention worth an alarm.
 *
 * @param messageId the gateway's id for this message
 * @param gatewayId the gateway
 * @param sentAt when the gateway made it
 * @param occurredAt when it happened (before {@code sentAt} if it was noticed late)
 * @param severity how urgent it is
 * @param code what happened, machine-readable and stable, e.g. {@code sensor_stale}, {@code fallback_entered}
 * @param text what happened, for people
 * @param point the point it concerns, or {@code null}
 */
public record GatewayEvent(
        String messageId,
        String gatewayId,
        Instant sentAt,
        Instant occurredAt,
        Severity severity,
        String code,
        String text,
        String point)
        implements WireMessage {

    /** How urgent an event is. On the wire, the constant's name in lower case. */
    public enum Severity {
        /** For the record. */
        INFO,
        /** Needs a look soon. */
        WARNING,
        /** Needs someone now: the crop or the equipment is at risk. */
        ALARM
    }

    public GatewayEvent {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        occurredAt = Check.instant("occurredAt", occurredAt);
        Check.required("severity", severity);
        Check.name("code", code);
        Check.text("text", text);
        Check.optionalName("point", point);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.EVENT;
    }
}
