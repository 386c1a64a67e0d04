package systems.rala.runtime.wire;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The seven kinds of message between a gateway and the service. A kind's {@link #wireName()} is both the
 * last level of its topic ({@code rala/v1/{facility}/{gateway}/telemetry}) and the {@code type} field of its
 * payload, so a payload read from a file or a store-and-forward buffer says what it is without its topic.
 *
 * <p>All are published with QoS 1 (at least once): duplicates are expected and removed by message id
 * ({@link SeenMessageIds}). {@link #retained()} says which are published with the MQTT retain flag, so that a
 * subscriber that connects later gets the latest one at once.
 */
public enum MessageKind {
    /** A batch of readings with their source times ({@link TelemetryBatch}). */
    TELEMETRY(Direction.UPLINK, false, TelemetryBatch.class),
    /**
     * The gateway's status, published on every change and as a heartbeat; also its MQTT last will, with
     * {@code online = false} ({@link GatewayState}).
     */
    STATE(Direction.UPLINK, true, GatewayState.class),
    /** Something an operator should know of, from a notice to an alarm ({@link GatewayEvent}). */
    EVENT(Direction.UPLINK, false, GatewayEvent.class),
    /** What one control tick saw, proposed and did ({@link AuditRecord}). */
    AUDIT(Direction.UPLINK, false, AuditRecord.class),
    /**
     * An instruction for one gateway ({@link Command}). Not retained: a command that missed its gateway
     * is not replayed by the broker; one that arrives late is refused by its {@code expiresAt}.
     */
    COMMAND(Direction.DOWNLINK, false, Command.class),
    /** What became of a command ({@link Acknowledgement}). */
    ACK(Direction.UPLINK, false, Acknowledgement.class),
    /** A policy version for the gateway to fetch, check and load ({@link PolicyAnnouncement}). */
    POLICY(Direction.DOWNLINK, true, PolicyAnnouncement.class);

    /** Who publishes a kind. */
    public enum Direction {
        /** Gateway to service. */
        UPLINK,
        /** Service to gateway. */
        DOWNLINK
    }

    private final Direction direction;
    private final boolean retained;
    private final Class<? extends WireMessage> type;

    MessageKind(Direction direction, boolean retained, Class<? extends WireMessage> type) {
        this.direction = direction;
        this.retained = retained;
        this.type = type;
    }

    /** The topic level and payload {@code type}: the constant's name in lower case, e.g. {@code ack}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Who publishes it. */
    public Direction direction() {
        return direction;
    }

    /** Whether it is published with the MQTT retain flag. */
    public boolean retained() {
        return retained;
    }

    /** The record its payload decodes to. */
    public Class<? extends WireMessage> type() {
        return type;
    }

    /** The kind whose {@link #wireName()} is {@code name}, or {@code null}. */
    static MessageKind fromWireName(String name) {
        for (MessageKind k : values()) {
            if (k.wireName().equals(name)) {
                return k;
            }
        }
        return null;
    }

    /** The wire names, for messages: {@code telemetry, state, …}. */
    static String wireNames() {
        return Arrays.stream(values()).map(MessageKind::wireName).collect(Collectors.joining(", "));
    }
}
