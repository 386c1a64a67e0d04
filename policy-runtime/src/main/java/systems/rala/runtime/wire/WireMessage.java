package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * A payload of the wire contract. Every payload names its sender's message id, the gateway it comes from or
 * is meant for, and when its sender created it, on the sender's own clock.
 *
 * <p>The message id is chosen once, when the sender creates the message, and a replay (QoS 1 redelivery,
 * store-and-forward after an outage) resends the same bytes, so receivers remove duplicates by
 * ({@link #gatewayId()}, {@link #messageId()}) — see {@link SeenMessageIds}. {@link MessageIds#newId()}
 * makes one.
 */
public sealed interface WireMessage
        permits TelemetryBatch, GatewayState, GatewayEvent, AuditRecord, Command, Acknowledgement, PolicyAnnouncement {

    /** What kind of message it is, and so its topic and its payload's {@code type}. */
    MessageKind kind();

    /** The sender's id for this message (for a {@link Command}, its command id). */
    String messageId();

    /** The gateway it comes from (uplink) or is meant for (downlink); the same as its topic's gateway. */
    String gatewayId();

    /** When the sender created it (for a {@link Command}, when it was issued), to the millisecond, UTC. */
    Instant sentAt();
}
