package systems.rala.runtime.wire;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MQTT topics of the edge ↔ service wire contract.
 *
 * <pre>
 * rala/v1/{facility}/{gateway}/telemetry   gateway → service   readings (TelemetryBatch)
 * rala/v1/{facility}/{gateway}/state       gateway → service   status and heartbeat, retained; last will (GatewayState)
 * rala/v1/{facility}/{gateway}/event       gateway → service   events and alarms (GatewayEvent)
 * rala/v1/{facility}/{gateway}/audit       gateway → service   one record per control tick (AuditRecord)
 * rala/v1/{facility}/{gateway}/command     service → gateway   instructions (Command)
 * rala/v1/{facility}/{gateway}/ack         gateway → service   what became of a command (Acknowledgement)
 * rala/v1/{facility}/{gateway}/policy      service → gateway   a policy version to load, retained (PolicyAnnouncement)
 * </pre>
 *
 * <p>{@code v1} is the topic layout's version; it changes only if the levels change. Payloads carry their
 * own schema version ({@link WireCodec}). The service subscribes to {@link #serviceSubscriptions()} (one
 * filter per uplink kind, e.g. {@code rala/v1/+/+/telemetry}); a gateway subscribes to
 * {@link #gatewaySubscriptions} (its own command and policy topics).
 *
 * <p>Facility and gateway ids are 1 to 64 characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter
 * or digit: a topic level may not contain {@code /} (the level separator) or {@code +} and {@code #} (the
 * wildcards), and ids starting with {@code $} are reserved by brokers.
 */
public final class Topics {

    /** The first two levels of every topic. */
    public static final String PREFIX = "rala/v1";

    /** Longest facility or gateway id. */
    public static final int MAX_ID_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Topics() {}

    /** {@code rala/v1/{facility}/{gateway}/telemetry}. */
    public static String telemetry(String facility, String gateway) {
        return topic(MessageKind.TELEMETRY, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/state}. */
    public static String state(String facility, String gateway) {
        return topic(MessageKind.STATE, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/event}. */
    public static String event(String facility, String gateway) {
        return topic(MessageKind.EVENT, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/audit}. */
    public static String audit(String facility, String gateway) {
        return topic(MessageKind.AUDIT, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/command}. */
    public static String command(String facility, String gateway) {
        return topic(MessageKind.COMMAND, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/ack}. */
    public static String ack(String facility, String gateway) {
        return topic(MessageKind.ACK, facility, gateway);
    }

    /** {@code rala/v1/{facility}/{gateway}/policy}. */
    public static String policy(String facility, String gateway) {
        return topic(MessageKind.POLICY, facility, gateway);
    }

    /**
     * The topic of {@code kind} for one gateway.
     *
     * @throws IllegalArgumentException if an id is not valid, naming the field and the value
     */
    public static String topic(MessageKind kind, String facility, String gateway) {
        return new Topic(facility, gateway, kind).name();
    }

    /** The filter matching {@code kind} of every gateway at every facility, e.g. {@code rala/v1/+/+/ack}. */
    public static String filter(MessageKind kind) {
        return PREFIX + "/+/+/" + kind.wireName();
    }

    /** The filters the service subscribes to: one per uplink kind, in {@link MessageKind} order. */
    public static List<String> serviceSubscriptions() {
        return Arrays.stream(MessageKind.values())
                .filter(k -> k.direction() == MessageKind.Direction.UPLINK)
                .map(Topics::filter)
                .toList();
    }

    /** The topics one gateway subscribes to: its downlink kinds, in {@link MessageKind} order. */
    public static List<String> gatewaySubscriptions(String facility, String gateway) {
        return Arrays.stream(MessageKind.values())
                .filter(k -> k.direction() == MessageKind.Direction.DOWNLINK)
                .map(k -> topic(k, facility, gateway))
                .toList();
    }

    /**
     * Reads a topic received from the broker.
     *
     * @throws WireFormatException (payload type {@code topic}) if it is not {@code rala/v1/{facility}/{gateway}/{kind}}
     *     with valid ids and a known kind; the message quotes the topic and says which part is wrong
     */
    public static Topic parse(String topic) throws WireFormatException {
        if (topic == null) {
            throw new WireFormatException("topic", null, "is missing");
        }
        String quoted = Check.quote(topic);
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !(levels[0] + "/" + levels[1]).equals(PREFIX)) {
            throw new WireFormatException("topic", null, quoted + " is not " + PREFIX + "/{facility}/{gateway}/{kind}");
        }
        MessageKind kind = MessageKind.fromWireName(levels[4]);
        if (kind == null) {
            throw new WireFormatException(
                    "topic",
                    null,
                    quoted + ": unknown message kind " + Check.quote(levels[4]) + " (known: " + MessageKind.wireNames()
                            + ")");
        }
        try {
            return new Topic(levels[2], levels[3], kind);
        } catch (IllegalArgumentException e) {
            throw new WireFormatException("topic", null, quoted + ": " + e.getMessage());
        }
    }

    /**
     * Checks a facility or gateway id.
     *
     * @param field {@code facility} or {@code gateway}, for the message
     * @param id the id
     * @throws IllegalArgumentException naming the field, the value and what is wrong with it
     */
    public static void checkId(String field, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(field + " id is empty");
        }
        if (ID.matcher(id).matches()) {
            return;
        }
        String why;
        if (id.length() > MAX_ID_LENGTH) {
            why = "longer than " + MAX_ID_LENGTH + " characters";
        } else if (id.indexOf('/') >= 0) {
            why = "contains '/', MQTT's level separator";
        } else if (id.indexOf('+') >= 0 || id.indexOf('#') >= 0) {
            why = "contains an MQTT wildcard ('+' or '#')";
        } else if (!isAsciiLetterOrDigit(id.charAt(0))) {
            why = "does not start with a letter or digit";
        } else {
            why = "contains a character other than A-Z a-z 0-9 . _ -";
        }
        throw new IllegalArgumentException(field + " id " + Check.quote(id) + " is not valid: " + why
                + " (allowed: 1 to " + MAX_ID_LENGTH + " of A-Z a-z 0-9 . _ -, starting with a letter or digit)");
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
