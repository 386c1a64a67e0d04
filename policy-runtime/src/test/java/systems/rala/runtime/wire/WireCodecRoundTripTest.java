package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code decode(encode(m))} equals {@code m} for every payload type: for the golden examples and for
 * payloads drawn at random (seeded, so a failure repeats) with awkward strings (quotes, backslashes, line
 * breaks, non-Latin scripts, emoji), every kind of finite double, and instants across the years the format
 * can carry. And what a reader must accept from a sender of the same version: unknown fields, any field
 * order, null for absent, more or fewer fraction digits.
 */
class WireCodecRoundTripTest {

    private static final int DRAWS = 300;

    private static <T extends WireMessage> void assertRoundTrips(T message) throws WireFormatException {
        byte[] json = WireCodec.encode(message);
        assertThat(WireCodec.decode(json))
                .as(new String(json, StandardCharsets.UTF_8))
                .isEqualTo(message);
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) message.getClass();
        assertThat(WireCodec.decode(json, type)).isEqualTo(message);
        Delivery d = WireCodec.receive(Topics.topic(message.kind(), "f", message.gatewayId()), json);
        assertThat(d.message()).isEqualTo(message);
    }

    @Test
    void everyExampleRoundTrips() throws WireFormatException {
        for (WireMessage m : WireExamples.GOLDEN.values()) {
            assertRoundTrips(m);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomPayloadsRoundTrip(long seed) throws WireFormatException {
        Draw draw = new Draw(new Random(seed));
        List<Function<Draw, WireMessage>> kinds =
                List.of(Draw::telemetry, Draw::state, Draw::event, Draw::audit, Draw::command, Draw::ack, Draw::policy);
        for (int i = 0; i < DRAWS; i++) {
            for (Function<Draw, WireMessage> kind : kinds) {
                assertRoundTrips(kind.apply(draw));
            }
        }
    }

    @Test
    void extremeNumbersRoundTripExactly() throws WireFormatException {
        double[] values = {
            0.0,
            -0.0,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            -Double.MAX_VALUE,
            0.1,
            1.0 / 3,
            1e-300,
            123456789012345678.0,
            Math.PI,
            Math.nextUp(1.0)
        };
        Instant t = Instant.parse("2026-03-01T06:00:00Z");
        List<Reading> readings = new ArrayList<>();
        for (double v : values) {
            readings.add(new Reading("p", v, "-", t, Quality.GOOD));
        }
        TelemetryBatch batch = new TelemetryBatch("0195a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d", "gw-1", t, readings);
        TelemetryBatch back = WireCodec.decode(WireCodec.encode(batch), TelemetryBatch.class);
        for (int i = 0; i < values.length; i++) {
            assertThat(Double.doubleToRawLongBits(back.readings().get(i).value()))
                    .as("%s", values[i])
                    .isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void instantsAreKeptToTheMillisecondAtBothEndsOfTheRange() throws WireFormatException {
        Instant fine = Instant.parse("2026-03-01T06:00:00.123456789Z");
        GatewayState s = new GatewayState(
                "0195a3c4-6000-7b1c-8d2e-3f4a5b6c7d8e", "gw-1", fine, true, ControlMode.MANUAL, null, Check.LATEST);
        assertThat(s.sentAt()).isEqualTo(Instant.parse("2026-03-01T06:00:00.123Z"));
        assertThat(WireCodec.encodeToString(s))
                .contains("\"sentAt\":\"2026-03-01T06:00:00.123Z\"", "\"lastTickAt\":\"9999-12-31T23:59:59.999Z\"");
        assertRoundTrips(s);
        assertRoundTrips(new GatewayState(
                "0195a3c4-6000-7b1c-8d2e-3f4a5b6c7d8e", "gw-1", Check.EARLIEST, true, ControlMode.MANUAL, null, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayState(
                        "0195a3c4-6000-7b1c-8d2e-3f4a5b6c7d8e",
                        "gw-1",
                        Instant.parse("+10000-01-01T00:00:00Z"),
                        true,
                        ControlMode.MANUAL,
                        null,
                        null))
                .withMessage("sentAt: +10000-01-01T00:00:00Z is outside years 0000 to 9999");
    }

    @Test
    void unknownFieldsOfTheSameVersionAreIgnoredAtEveryLevel() throws WireFormatException {
        String json = WireCodec.encodeToString(WireExamples.TELEMETRY)
                .replace("\"gatewayId\":", "\"site\":{\"name\":\"Westland\",\"tags\":[1,null,true]},\"gatewayId\":")
                .replace("\"quality\":\"good\"", "\"quality\":\"good\",\"rawRegister\":17050,\"note\":null")
                .replace("\"readings\":", "\"firmware\":\"2.4.1\",\"readings\":");
        assertThat(WireCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(WireExamples.TELEMETRY);
    }

    @Test
    void fieldsMayComeInAnyOrderWithAnyWhitespace() throws WireFormatException {
        String json = "{\n  \"state\": \"applied\",\r\n\t\"commandId\": \"0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1\",\n"
                + "  \"sentAt\": \"2026-03-01T06:01:00.064Z\", \"gatewayId\": \"gw-1\",\n"
                + "  \"messageId\": \"0195a3c5-0a40-7283-8495-a0b1c2d3e4f5\", \"type\": \"ack\", \"schema\": 1\n}\n";
        assertThat(WireCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(WireExamples.ACK);
    }

    @Test
    void nullReadsAsAbsentForOptionalFields() throws WireFormatException {
        String json = WireCodec.encodeToString(WireExamples.STATE_OFFLINE)
                .replace("}", ",\"policyVersion\":null,\"lastTickAt\":null}");
        assertThat(WireCodec.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(WireExamples.STATE_OFFLINE);
        String release = WireCodec.encodeToString(WireExamples.COMMAND_RELEASE)
                .replace("}", ",\"value\":null,\"unit\":null,\"mode\":null}");
        assertThat(WireCodec.decode(release.getBytes(StandardCharsets.UTF_8))).isEqualTo(WireExamples.COMMAND_RELEASE);
    }

    @Test
    void instantsAreReadWithZeroToNineFractionDigits() throws WireFormatException {
        for (String[] c : new String[][] {
            {"2026-03-01T06:01:00Z", "2026-03-01T06:01:00.000Z"},
            {"2026-03-01T06:01:00.0Z", "2026-03-01T06:01:00.000Z"},
            {"2026-03-01T06:01:00.06Z", "2026-03-01T06:01:00.060Z"},
            {"2026-03-01T06:01:00.064999999Z", "2026-03-01T06:01:00.064Z"},
        }) {
            String json = WireCodec.encodeToString(WireExamples.ACK).replace("2026-03-01T06:01:00.064Z", c[0]);
            Acknowledgement ack = WireCodec.decode(json.getBytes(StandardCharsets.UTF_8), Acknowledgement.class);
            assertThat(ack.sentAt()).as(c[0]).isEqualTo(Instant.parse(c[1]));
        }
    }

    @Test
    void recordsKeepTheirOwnCopies() {
        List<Reading> readings = new ArrayList<>(WireExamples.TELEMETRY.readings());
        TelemetryBatch batch = new TelemetryBatch(
                WireExamples.TELEMETRY.messageId(), "gw-1", WireExamples.TELEMETRY.sentAt(), readings);
        readings.clear();
        assertThat(batch.readings()).hasSize(4);
        Map<String, Double> inputs = new LinkedHashMap<>(WireExamples.AUDIT.inputs());
        AuditRecord a = new AuditRecord(
                WireExamples.AUDIT.messageId(),
                "gw-1",
                WireExamples.AUDIT.sentAt(),
                WireExamples.AUDIT.tickAt(),
                ControlMode.MANUAL,
                null,
                inputs,
                Map.of(),
                Map.of(),
                List.of(),
                0);
        inputs.put("x", 1.0);
        assertThat(a.inputs()).doesNotContainKey("x");
        assertThat(a.inputs().keySet())
                .containsExactlyElementsOf(WireExamples.AUDIT.inputs().keySet());
    }

    @Test
    void theRecordsCheckTheirFieldsWhenBuiltInJavaToo() {
        Instant t = Instant.parse("2026-03-01T06:00:00Z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Reading("air_temperature", Double.NaN, "°C", t, Quality.UNCERTAIN))
                .withMessage("value: is missing, which only a bad reading may be (quality is 'uncertain')");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Reading("air_temperature", Double.POSITIVE_INFINITY, "°C", t, Quality.BAD))
                .withMessage("value: Infinity is not a finite number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Command.setPoint(
                        "0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1",
                        "gw-1",
                        t,
                        t.plusSeconds(60),
                        "user:alice",
                        "tSpDay",
                        Double.NaN,
                        "°C"))
                .withMessage("value: is missing, which action 'setpoint' needs");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Acknowledgement(
                        "0195a3c5-0a40-7283-8495-a0b1c2d3e4f5",
                        "gw-1",
                        t,
                        "0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1",
                        Acknowledgement.State.FAILED,
                        " "))
                .withMessage("reason: is empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new TelemetryBatch(
                        "0195a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d", "gw-1", t, java.util.Arrays.asList((Reading) null)))
                .withMessage("readings[0]: is missing");
    }

    @Test
    void aDeliveryHoldsOnlyAMessageThatBelongsOnItsTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Delivery(new Topic("westland-1", "gw-1", MessageKind.ACK), WireExamples.COMMAND))
                .withMessage(
                        "the command message for gateway gw-1 does not belong on topic rala/v1/westland-1/gw-1/ack");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Delivery(new Topic("westland-1", "gw-2", MessageKind.ACK), WireExamples.ACK))
                .withMessage("the ack message for gateway gw-1 does not belong on topic rala/v1/westland-1/gw-2/ack");
    }

    @Test
    void commandsExpireAtTheirDeadline() {
        Command c = WireExamples.COMMAND;
        assertThat(c.expiredAt(c.expiresAt().minusMillis(1))).isFalse();
        assertThat(c.expiredAt(c.expiresAt())).isTrue();
        assertThat(c.messageId()).isEqualTo(c.commandId());
        assertThat(c.sentAt()).isEqualTo(c.issuedAt());
    }

    @Test
    void onlyReceivedIsNotTerminal() {
        for (Acknowledgement.State s : Acknowledgement.State.values()) {
            assertThat(s.isTerminal()).as(s.name()).isEqualTo(s != Acknowledgement.State.RECEIVED);
        }
    }

    /** Random payloads: each field drawn from its whole allowed range, with awkward values often. */
    static final class Draw {

        private static final String[] AWKWARD = {
            "\"", "\\", "/", "\u00e9", "\u00b0C", "\u6e29\u5ba4", "\ud83c\udf45", "\u2028", "'", "<>&", "%", "m\u00b2"
        };
        private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        private static final String GATEWAY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";

        private final Random random;

        Draw(Random random) {
            this.random = random;
        }

        private <E> E pick(E[] values) {
            return values[random.nextInt(values.length)];
        }

        String messageId() {
            if (random.nextBoolean()) {
                return MessageIds.newId(random.nextLong() >>> 21, random);
            }
            StringBuilder b = new StringBuilder();
            int n = 16 + random.nextInt(49);
            for (int i = 0; i < n; i++) {
                b.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
            }
            return b.toString();
        }

        String gatewayId() {
            StringBuilder b = new StringBuilder().append((char) ('a' + random.nextInt(26)));
            int n = random.nextInt(64);
            for (int i = 0; i < n; i++) {
                b.append(GATEWAY_CHARS.charAt(random.nextInt(GATEWAY_CHARS.length())));
            }
            return b.toString();
        }

        /** A name: printable, possibly non-ASCII, 1 to 128 characters. */
        String name() {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(6);
            for (int i = 0; i < parts; i++) {
                if (random.nextInt(3) == 0) {
                    b.append(pick(AWKWARD));
                } else {
                    b.append((char) ('a' + random.nextInt(26))).append(random.nextInt(100));
                }
            }
            String s = b.length() > Check.MAX_NAME - 1 ? b.substring(0, Check.MAX_NAME - 1) : b.toString();
            if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                s = s.substring(0, s.length() - 1);
            }
            return "n" + s; // never blank (U+2028 alone would be)
        }

        /** Free text: may hold line breaks and tabs. */
        String text() {
            String s = name() + (random.nextBoolean() ? "\r\n\t " + name() : "");
            return s.isBlank() ? "x" : s;
        }

        double finite() {
            return switch (random.nextInt(5)) {
                case 0 -> {
                    double d;
                    do {
                        d = Double.longBitsToDouble(random.nextLong());
                    } while (!Double.isFinite(d));
                    yield d;
                }
                case 1 -> random.nextInt(2001) / 10.0 - 100;
                case 2 -> random.nextGaussian() * 1e6;
                case 3 -> pick(new Double[] {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE});
                default -> random.nextDouble();
            };
        }

        Instant instant() {
            long span = Check.LATEST.toEpochMilli() - Check.EARLIEST.toEpochMilli();
            return random.nextInt(4) == 0
                    ? Instant.ofEpochMilli(1_772_344_800_000L + random.nextInt(86_400_000))
                    : Instant.ofEpochMilli(Check.EARLIEST.toEpochMilli() + Math.floorMod(random.nextLong(), span));
        }

        <E extends Enum<E>> E constant(Class<E> type) {
            return pick(type.getEnumConstants());
        }

        Map<String, Double> values(boolean nan) {
            Map<String, Double> m = new LinkedHashMap<>();
            int n = random.nextInt(10);
            for (int i = 0; i < n; i++) {
                m.put(name(), nan && random.nextInt(5) == 0 ? Double.NaN : finite());
            }
            return m;
        }

        WireMessage telemetry() {
            List<Reading> readings = new ArrayList<>();
            int n = 1 + random.nextInt(20);
            for (int i = 0; i < n; i++) {
                Quality q = constant(Quality.class);
                double v = q == Quality.BAD && random.nextBoolean() ? Double.NaN : finite();
                readings.add(new Reading(name(), v, name(), instant(), q));
            }
            return new TelemetryBatch(messageId(), gatewayId(), instant(), readings);
        }

        WireMessage state() {
            ControlMode mode = constant(ControlMode.class);
            boolean runsPolicy = mode == ControlMode.POLICY || mode == ControlMode.ADVISORY;
            return new GatewayState(
                    messageId(),
                    gatewayId(),
                    instant(),
                    random.nextBoolean(),
                    mode,
                    runsPolicy || random.nextBoolean() ? name() : null,
                    random.nextBoolean() ? instant() : null);
        }

        WireMessage event() {
            return new GatewayEvent(
                    messageId(),
                    gatewayId(),
                    instant(),
                    instant(),
                    constant(GatewayEvent.Severity.class),
                    name(),
                    text(),
                    random.nextBoolean() ? name() : null);
        }

        WireMessage audit() {
            List<String> interventions = new ArrayList<>();
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                interventions.add(name());
            }
            return new AuditRecord(
                    messageId(),
                    gatewayId(),
                    instant(),
                    instant(),
                    constant(ControlMode.class),
                    random.nextBoolean() ? name() : null,
                    values(true),
                    values(true),
                    values(false),
                    interventions,
                    random.nextLong() >>> 1);
        }

        WireMessage command() {
            Instant issued = instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            if (issued.equals(Check.LATEST)) {
                issued = issued.minusMillis(1);
            }
            Instant expires = issued.plusMillis(
                    1 + Math.floorMod(random.nextLong(), Check.LATEST.toEpochMilli() - issued.toEpochMilli()));
            String id = messageId();
            String gw = gatewayId();
            String by = name();
            return switch (constant(Command.Action.class)) {
                case SETPOINT -> Command.setPoint(id, gw, issued, expires, by, name(), finite(), name());
                case OVERRIDE -> Command.override(id, gw, issued, expires, by, name(), finite(), name());
                case RELEASE -> Command.release(id, gw, issued, expires, by, name());
                case MODE -> Command.mode(id, gw, issued, expires, by, constant(ControlMode.class));
            };
        }

        WireMessage ack() {
            Acknowledgement.State state = constant(Acknowledgement.State.class);
            boolean needsReason = state == Acknowledgement.State.REJECTED || state == Acknowledgement.State.FAILED;
            return new Acknowledgement(
                    messageId(),
                    gatewayId(),
                    instant(),
                    messageId(),
                    state,
                    needsReason || random.nextBoolean() ? text() : null);
        }

        WireMessage policy() {
            StringBuilder hash = new StringBuilder();
            for (int i = 0; i < 64; i++) {
                hash.append("0123456789abcdef".charAt(random.nextInt(16)));
            }
            return new PolicyAnnouncement(
                    messageId(),
                    gatewayId(),
                    instant(),
                    name(),
                    hash.toString(),
                    "https://rala.example/api/v1/policies/" + name(),
                    1 + (random.nextLong() >>> 1) % Long.MAX_VALUE);
        }
    }
}
