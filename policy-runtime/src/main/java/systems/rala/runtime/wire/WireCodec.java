package systems.rala.runtime.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Encodes the wire contract's payloads as JSON and decodes them, checking every field at the boundary.
 *
 * <p><b>Format.</b> One JSON object per message, UTF-8, at most {@link #MAX_PAYLOAD_BYTES}. Its first two
 * fields are {@code "schema"} (the payload schema version, an integer) and {@code "type"} (the
 * {@link MessageKind#wireName()}); the rest are the record's components under the same names. Instants are
 * ISO-8601 UTC strings with milliseconds ({@code 2026-03-01T06:00:00.000Z}); enum constants are their names
 * in lower case; an optional field that is absent is left out (a reader also takes null for absent); a
 * number that may have no value (a bad reading, a missing input) is written as null, read as NaN.
 *
 * <p><b>Versioning.</b> This build writes schema {@value #SCHEMA_VERSION} and reads versions
 * {@value #MIN_SCHEMA_VERSION} to {@value #SCHEMA_VERSION}.
 *
 * <ul>
 *   <li>A payload with a higher version is refused with an {@link UnsupportedSchemaVersionException}
 *       ("unsupported schema version 2 (this build reads 1)"), checked before any other field, so a newer
 *       payload is never half-understood.
 *   <li>Within a version, fields a reader does not know are ignored, at every level: a sender may add an
 *       optional field without a new version, and older readers go on working.
 *   <li>Everything else needs a new version: a new required field, a removed or renamed field, a changed
 *       type, unit or meaning, and a new enum constant (readers refuse constants they do not know) or
 *       message kind.
 * </ul>
 *
 * <p><b>Decoding.</b> Malformed JSON, a top level that is not an object, a duplicated field, a missing
 * required field, a wrong type, a number that is not finite (JSON has no NaN; {@code 1e999} overflows),
 * an unknown enum constant, an id or instant that does not fit its rule, a value out of its range: each is
 * a {@link WireFormatException} naming the payload type, the field's path and the value. Nothing is
 * defaulted or repaired.
 *
 * <p>All methods are static and thread-safe.
 */
public final class WireCodec {

    /** The payload schema version this build writes. */
    public static final int SCHEMA_VERSION = 1;

    /** The oldest payload schema version this build reads. */
    public static final int MIN_SCHEMA_VERSION = 1;

    /**
     * Largest payload, 1 MiB, encoded or decoded: a telemetry batch of about ten thousand readings. Larger
     * batches are split by the sender; a receiver refuses a larger payload before parsing it.
     */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private WireCodec() {}

    // ---------------------------------------------------------------------------------------------- encode

    /**
     * The message as a UTF-8 JSON payload.
     *
     * @throws IllegalArgumentException if the payload would be larger than {@link #MAX_PAYLOAD_BYTES}
     */
    public static byte[] encode(WireMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JsonTree.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            g.writeStartObject();
            g.writeNumberProperty("schema", SCHEMA_VERSION);
            g.writeStringProperty("type", message.kind().wireName());
            if (message instanceof TelemetryBatch m) {
                write(g, m);
            } else if (message instanceof GatewayState m) {
                write(g, m);
            } else if (message instanceof GatewayEvent m) {
                write(g, m);
            } else if (message instanceof AuditRecord m) {
                write(g, m);
            } else if (message instanceof Command m) {
                write(g, m);
            } else if (message instanceof Acknowledgement m) {
                write(g, m);
            } else if (message instanceof PolicyAnnouncement m) {
                write(g, m);
            }
            g.writeEndObject();
        }
        byte[] bytes = out.toByteArray();
        if (bytes.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("encoded " + message.kind().wireName() + " payload is "
                    + bytes.length + " bytes, over the limit of " + MAX_PAYLOAD_BYTES
                    + "; send it in smaller parts");
        }
        return bytes;
    }

    /** {@link #encode} as a string, for logs and tests. */
    public static String encodeToString(WireMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    private static void header(JsonGenerator g, WireMessage m) {
        g.writeStringProperty("messageId", m.messageId());
        g.writeStringProperty("gatewayId", m.gatewayId());
        g.writeStringProperty("sentAt", WireTime.format(m.sentAt()));
    }

    private static void write(JsonGenerator g, TelemetryBatch m) {
        header(g, m);
        g.writeArrayPropertyStart("readings");
        for (Reading r : m.readings()) {
            g.writeStartObject();
            g.writeStringProperty("point", r.point());
            writeNumberOrNull(g, "value", r.value());
            g.writeStringProperty("unit", r.unit());
            g.writeStringProperty("sourceTime", WireTime.format(r.sourceTime()));
            g.writeStringProperty("quality", Wire.name(r.quality()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void write(JsonGenerator g, GatewayState m) {
        header(g, m);
        g.writeBooleanProperty("online", m.online());
        g.writeStringProperty("mode", Wire.name(m.mode()));
        writeOptional(g, "policyVersion", m.policyVersion());
        if (m.lastTickAt() != null) {
            g.writeStringProperty("lastTickAt", WireTime.format(m.lastTickAt()));
        }
    }

    private static void write(JsonGenerator g, GatewayEvent m) {
        header(g, m);
        g.writeStringProperty("occurredAt", WireTime.format(m.occurredAt()));
        g.writeStringProperty("severity", Wire.name(m.severity()));
        g.writeStringProperty("code", m.code());
        g.writeStringProperty("text", m.text());
        writeOptional(g, "point", m.point());
    }

    private static void write(JsonGenerator g, AuditRecord m) {
        header(g, m);
        g.writeStringProperty("tickAt", WireTime.format(m.tickAt()));
        g.writeStringProperty("mode", Wire.name(m.mode()));
        writeOptional(g, "policyVersion", m.policyVersion());
        writeValues(g, "inputs", m.inputs());
        writeValues(g, "rawAction", m.rawAction());
        writeValues(g, "safeAction", m.safeAction());
        g.writeArrayPropertyStart("interventions");
        for (String code : m.interventions()) {
            g.writeString(code);
        }
        g.writeEndArray();
        g.writeNumberProperty("latencyMicros", m.latencyMicros());
    }

    private static void write(JsonGenerator g, Command m) {
        g.writeStringProperty("commandId", m.commandId());
        g.writeStringProperty("gatewayId", m.gatewayId());
        g.writeStringProperty("issuedAt", WireTime.format(m.issuedAt()));
        g.writeStringProperty("expiresAt", WireTime.format(m.expiresAt()));
        g.writeStringProperty("issuedBy", m.issuedBy());
        g.writeStringProperty("action", Wire.name(m.action()));
        writeOptional(g, "target", m.target());
        if (!Double.isNaN(m.value())) {
            g.writeNumberProperty("value", m.value());
        }
        writeOptional(g, "unit", m.unit());
        if (m.mode() != null) {
            g.writeStringProperty("mode", Wire.name(m.mode()));
        }
    }

    private static void write(JsonGenerator g, Acknowledgement m) {
        header(g, m);
        g.writeStringProperty("commandId", m.commandId());
        g.writeStringProperty("state", Wire.name(m.state()));
        writeOptional(g, "reason", m.reason());
    }

    private static void write(JsonGenerator g, PolicyAnnouncement m) {
        header(g, m);
        g.writeStringProperty("policyVersion", m.policyVersion());
        g.writeStringProperty("contentHash", m.contentHash());
        g.writeStringProperty("location", m.location());
        g.writeNumberProperty("sizeBytes", m.sizeBytes());
    }

    private static void writeOptional(JsonGenerator g, String name, String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void writeNumberOrNull(JsonGenerator g, String name, double value) {
        if (Double.isNaN(value)) {
            g.writeNullProperty(name);
        } else {
            g.writeNumberProperty(name, value);
        }
    }

    private static void writeValues(JsonGenerator g, String name, Map<String, Double> values) {
        g.writeObjectPropertyStart(name);
        for (Map.Entry<String, Double> e : values.entrySet()) {
            writeNumberOrNull(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    // ---------------------------------------------------------------------------------------------- decode

    /**
     * Decodes a payload of any kind; its {@code type} field says which.
     *
     * @throws UnsupportedSchemaVersionException if it was written by a newer schema version
     * @throws WireFormatException if it is not a valid payload, naming the field and the value
     */
    public static WireMessage decode(byte[] payload) throws WireFormatException {
        return decode(payload, null, "wire");
    }

    /**
     * Decodes a payload that must be of {@code type}.
     *
     * @throws UnsupportedSchemaVersionException if it was written by a newer schema version
     * @throws WireFormatException if it is not a valid payload of that type, naming the field and the value
     */
    public static <T extends WireMessage> T decode(byte[] payload, Class<T> type) throws WireFormatException {
        MessageKind kind = kindOf(type);
        return type.cast(decode(payload, kind, kind.wireName()));
    }

    /**
     * Decodes a message as received from the broker: reads the topic, decodes the payload as the topic's
     * kind, and checks that the payload's {@code gatewayId} is the topic's gateway, so a payload published
     * on another gateway's topic (by mistake or on purpose) is refused.
     *
     * @throws WireFormatException if the topic is not one of the contract's, or the payload is not a valid
     *     payload of the topic's kind and gateway
     */
    public static Delivery receive(String topic, byte[] payload) throws WireFormatException {
        Topic t = Topics.parse(topic);
        WireMessage m = decode(payload, t.kind(), t.kind().wireName());
        if (!m.gatewayId().equals(t.gateway())) {
            throw new WireFormatException(
                    t.kind().wireName(),
                    "gatewayId",
                    Check.quote(m.gatewayId()) + " does not match the topic's gateway " + Check.quote(t.gateway()));
        }
        return new Delivery(t, m);
    }

    private static MessageKind kindOf(Class<? extends WireMessage> type) {
        for (MessageKind k : MessageKind.values()) {
            if (k.type() == type) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a payload record: " + type);
    }

    /** @param expected the kind the payload must have, or {@code null} for any */
    private static WireMessage decode(byte[] payload, MessageKind expected, String label) throws WireFormatException {
        if (payload == null) {
            throw new WireFormatException(label, null, "is missing");
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new WireFormatException(
                    label, null, "is " + payload.length + " bytes, over the limit of " + MAX_PAYLOAD_BYTES);
        }
        Map<String, Object> root = JsonTree.parse(payload, label);
        if (expected == null
                && root.get("type") instanceof String declared
                && MessageKind.fromWireName(declared) != null) {
            label = declared; // name the payload by what it says it is, also in messages about its version
        }
        Fields f = new Fields(root, "", label);
        checkVersion(f);
        String type = f.string("type");
        MessageKind kind = MessageKind.fromWireName(type);
        if (kind == null) {
            throw f.error(
                    "type", Check.quote(type) + " is not a payload type (known: " + MessageKind.wireNames() + ")");
        }
        if (expected != null && kind != expected) {
            throw f.error("type", Check.quote(type) + " where '" + expected.wireName() + "' was expected");
        }
        return switch (kind) {
            case TELEMETRY -> telemetry(f);
            case STATE -> state(f);
            case EVENT -> event(f);
            case AUDIT -> audit(f);
            case COMMAND -> command(f);
            case ACK -> ack(f);
            case POLICY -> policy(f);
        };
    }

    private static void checkVersion(Fields f) throws WireFormatException {
        long version = f.integer("schema");
        if (version > SCHEMA_VERSION) {
            throw new UnsupportedSchemaVersionException(f.label(), version);
        }
        if (version < 1) {
            throw f.error("schema", version + " is not a schema version (this build reads " + readableVersions() + ")");
        }
        if (version < MIN_SCHEMA_VERSION) {
            throw f.error(
                    "schema", "version " + version + " is older than this build reads (" + readableVersions() + ")");
        }
    }

    /** The versions this build reads, for messages: {@code 1}, or {@code 1 to 2}. */
    static String readableVersions() {
        return MIN_SCHEMA_VERSION == SCHEMA_VERSION
                ? Integer.toString(SCHEMA_VERSION)
                : MIN_SCHEMA_VERSION + " to " + SCHEMA_VERSION;
    }

    /** Builds a record from checked JSON, turning a rule it breaks into a {@link WireFormatException}. */
    private static <T> T build(Fields f, Supplier<T> constructor) throws WireFormatException {
        try {
            return constructor.get();
        } catch (FieldException e) {
            throw new WireFormatException(f.label(), f.prefix() + e.field(), e.problem());
        }
    }

    private static TelemetryBatch telemetry(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        List<Reading> readings = new ArrayList<>();
        for (Fields r : f.objects("readings")) {
            String point = r.string("point");
            double value = r.numberOrNull("value", true);
            String unit = r.string("unit");
            var sourceTime = r.instant("sourceTime");
            Quality quality = r.constant("quality", Quality.class);
            readings.add(build(r, () -> new Reading(point, value, unit, sourceTime, quality)));
        }
        return build(f, () -> new TelemetryBatch(messageId, gatewayId, sentAt, readings));
    }

    private static GatewayState state(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        boolean online = f.bool("online");
        ControlMode mode = f.constant("mode", ControlMode.class);
        String policyVersion = f.optionalString("policyVersion");
        var lastTickAt = f.optionalInstant("lastTickAt");
        return build(f, () -> new GatewayState(messageId, gatewayId, sentAt, online, mode, policyVersion, lastTickAt));
    }

    private static GatewayEvent event(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        var occurredAt = f.instant("occurredAt");
        GatewayEvent.Severity severity = f.constant("severity", GatewayEvent.Severity.class);
        String code = f.string("code");
        String text = f.string("text");
        String point = f.optionalString("point");
        return build(f, () -> new GatewayEvent(messageId, gatewayId, sentAt, occurredAt, severity, code, text, point));
    }

    private static AuditRecord audit(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        var tickAt = f.instant("tickAt");
        ControlMode mode = f.constant("mode", ControlMode.class);
        String policyVersion = f.optionalString("policyVersion");
        Map<String, Double> inputs = f.values("inputs");
        Map<String, Double> rawAction = f.values("rawAction");
        Map<String, Double> safeAction = f.values("safeAction");
        List<String> interventions = f.strings("interventions");
        long latencyMicros = f.integer("latencyMicros");
        return build(
                f,
                () -> new AuditRecord(
                        messageId,
                        gatewayId,
                        sentAt,
                        tickAt,
                        mode,
                        policyVersion,
                        inputs,
                        rawAction,
                        safeAction,
                        interventions,
                        latencyMicros));
    }

    private static Command command(Fields f) throws WireFormatException {
        String commandId = f.string("commandId");
        String gatewayId = f.string("gatewayId");
        var issuedAt = f.instant("issuedAt");
        var expiresAt = f.instant("expiresAt");
        String issuedBy = f.string("issuedBy");
        Command.Action action = f.constant("action", Command.Action.class);
        String target = f.optionalString("target");
        double value = f.numberOrNull("value", false);
        String unit = f.optionalString("unit");
        ControlMode mode = f.optionalConstant("mode", ControlMode.class);
        return build(
                f,
                () -> new Command(
                        commandId, gatewayId, issuedAt, expiresAt, issuedBy, action, target, value, unit, mode));
    }

    private static Acknowledgement ack(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        String commandId = f.string("commandId");
        Acknowledgement.State state = f.constant("state", Acknowledgement.State.class);
        String reason = f.optionalString("reason");
        return build(f, () -> new Acknowledgement(messageId, gatewayId, sentAt, commandId, state, reason));
    }

    private static PolicyAnnouncement policy(Fields f) throws WireFormatException {
        String messageId = f.string("messageId");
        String gatewayId = f.string("gatewayId");
        var sentAt = f.instant("sentAt");
        String policyVersion = f.string("policyVersion");
        String contentHash = f.string("contentHash");
        String location = f.string("location");
        long sizeBytes = f.integer("sizeBytes");
        return build(
                f,
                () -> new PolicyAnnouncement(
                        messageId, gatewayId, sentAt, policyVersion, contentHash, location, sizeBytes));
    }
}
