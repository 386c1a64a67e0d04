package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a payload can be wrong is refused with a {@link WireFormatException} that names the payload
 * type, the field and the value; nothing is defaulted or repaired. Each case starts from an example that
 * decodes and changes one thing in its encoded JSON.
 */
class WireCodecRejectionTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The example's JSON with {@code from} (which must occur once) replaced by {@code to}. */
    static String edit(WireMessage example, String from, String to) {
        String json = WireCodec.encodeToString(example);
        assertThat(json.indexOf(from)).as("%s occurs once in %s", from, json).isNotNegative();
        assertThat(json.indexOf(from, json.indexOf(from) + 1))
                .as("%s occurs once", from)
                .isNegative();
        return json.replace(from, to);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json) {
        return assertThatThrownBy(() -> WireCodec.decode(utf8(json))).isInstanceOf(WireFormatException.class);
    }

    static void assertRejected(String json, String type, String field, String problem) {
        assertThatThrownBy(() -> WireCodec.decode(utf8(json)))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.payloadType()).isEqualTo(type);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).isEqualTo(problem);
                })
                .hasMessage(type + " payload: " + (field == null ? "" : field + ": ") + problem);
    }

    @Nested
    class NotJson {

        @Test
        void emptyOrBlank() {
            assertRejected("", "wire", null, "is empty");
            assertRejected(" \n ", "wire", null, "is empty");
            assertThatThrownBy(() -> WireCodec.decode(null))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessage("wire payload: is missing");
        }

        @Test
        void notAnObject() {
            assertRejected("[1, 2]", "wire", null, "is not a JSON object but starts with an array");
            assertRejected("\"telemetry\"", "wire", null, "is not a JSON object but starts with string 'telemetry'");
            assertRejected("42", "wire", null, "is not a JSON object but starts with 42");
            assertRejected("null", "wire", null, "is not a JSON object but starts with null");
        }

        @Test
        void malformed() {
            String ack = WireCodec.encodeToString(WireExamples.ACK);
            assertRejected(ack.substring(0, ack.length() - 1))
                    .hasMessageStartingWith("wire payload: malformed JSON: ")
                    .hasMessageContaining("end-of-input");
            assertRejected("{schema: 1}").hasMessageStartingWith("wire payload: malformed JSON: ");
            assertRejected("{'schema': 1}").hasMessageStartingWith("wire payload: malformed JSON: ");
            assertRejected(ack.replace("}", ",}"))
                    .hasMessageStartingWith("wire payload: malformed JSON: ")
                    .hasMessageContaining("(line 1, column ");
            assertRejected("{\"schema\": 1 /* comment */}").hasMessageStartingWith("wire payload: malformed JSON: ");
            assertRejected(new String(
                            new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, StandardCharsets.ISO_8859_1))
                    .hasMessageStartingWith("wire payload: ");
        }

        @Test
        void contentAfterTheObject() {
            String ack = WireCodec.encodeToString(WireExamples.ACK);
            assertRejected(
                    ack + " {}",
                    "wire",
                    null,
                    "has content after its object: an object (line 1, column " + (ack.length() + 2) + ")");
        }

        @Test
        void aDuplicatedField() {
            String json = edit(WireExamples.ACK, "\"state\":\"applied\"", "\"state\":\"applied\",\"state\":\"failed\"");
            assertRejected(json).hasMessageStartingWith("wire payload: state: appears more than once (line 1, column ");
            assertThatThrownBy(() -> WireCodec.decode(utf8(json), Acknowledgement.class))
                    .hasMessageStartingWith("ack payload: state: appears more than once");
        }

        @Test
        void nanAndInfinityAreNotJson() {
            assertRejected(edit(WireExamples.TELEMETRY, "\"value\":18.7", "\"value\":NaN"))
                    .hasMessageStartingWith("wire payload: malformed JSON: ")
                    .hasMessageContaining("NaN");
            assertRejected(edit(WireExamples.TELEMETRY, "\"value\":18.7", "\"value\":-Infinity"))
                    .hasMessageStartingWith("wire payload: malformed JSON: ");
        }

        @Test
        void numbersThatOverflowAreNotFinite() {
            assertRejected(
                    edit(WireExamples.TELEMETRY, "\"value\":18.7", "\"value\":1e999"),
                    "telemetry",
                    "readings[0].value",
                    "1e999 is not a finite number");
            assertRejected(
                    edit(WireExamples.AUDIT, "\"uBoil\":0.82,\"uRoof\":0.13", "\"uBoil\":-2E+400,\"uRoof\":0.13"),
                    "audit",
                    "rawAction.uBoil",
                    "-2E+400 is not a finite number");
        }

        @Test
        void nestingDeeperThanAnyPayloadNeeds() {
            String deep = "[".repeat(40) + "]".repeat(40);
            assertRejected(edit(WireExamples.ACK, "\"state\":", "\"extra\":" + deep + ",\"state\":"))
                    .hasMessageStartingWith("wire payload: malformed JSON: ")
                    .hasMessageContaining("exceeds the maximum allowed (16");
        }

        @Test
        void payloadsOverTheLimit() {
            byte[] big = new byte[WireCodec.MAX_PAYLOAD_BYTES + 1];
            assertThatThrownBy(() -> WireCodec.decode(big, TelemetryBatch.class))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessage("telemetry payload: is 1048577 bytes, over the limit of 1048576");
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                readings.add(WireExamples.TELEMETRY.readings().get(0));
            }
            TelemetryBatch batch = new TelemetryBatch(
                    WireExamples.TELEMETRY.messageId(), "gw-1", WireExamples.TELEMETRY.sentAt(), readings);
            assertThatThrownBy(() -> WireCodec.encode(batch))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("encoded telemetry payload is ")
                    .hasMessageEndingWith(" bytes, over the limit of 1048576; send it in smaller parts");
        }
    }

    @Nested
    class Versions {

        @Test
        void aNewerVersionIsRefusedAsSuch() {
            String json = edit(WireExamples.TELEMETRY, "\"schema\":1", "\"schema\":2");
            assertThatThrownBy(() -> WireCodec.decode(utf8(json)))
                    .isInstanceOfSatisfying(UnsupportedSchemaVersionException.class, e -> {
                        assertThat(e.version()).isEqualTo(2);
                        assertThat(e.payloadType()).isEqualTo("telemetry");
                    })
                    .hasMessage("telemetry payload: unsupported schema version 2 (this build reads 1)");
        }

        /** Whatever else changed in version 2, the version is what the receiver is told about. */
        @Test
        void theVersionIsCheckedBeforeAnyOtherField() {
            String json = "{\"type\":\"telemetry\",\"readings\":{\"as\":\"an object now\"},\"sentAt\":1772344800000,"
                    + "\"schema\":2}";
            assertThatThrownBy(() -> WireCodec.decode(utf8(json), TelemetryBatch.class))
                    .isInstanceOf(UnsupportedSchemaVersionException.class)
                    .hasMessage("telemetry payload: unsupported schema version 2 (this build reads 1)");
            String newKind = "{\"schema\":3,\"type\":\"forecast\"}";
            assertThatThrownBy(() -> WireCodec.decode(utf8(newKind)))
                    .isInstanceOf(UnsupportedSchemaVersionException.class)
                    .hasMessage("wire payload: unsupported schema version 3 (this build reads 1)");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "0                      | 0 is not a schema version (this build reads 1)",
                    "-1                     | -1 is not a schema version (this build reads 1)",
                    "1.0                    | expected an integer but found number 1.0",
                    "'1'                    | expected an integer but found string '1'",
                    "null                   | is null",
                    "99999999999999999999   | 99999999999999999999 is out of range",
                })
        void aVersionThatIsNotOne(String schema, String problem) {
            String json = edit(WireExamples.ACK, "\"schema\":1", "\"schema\":" + schema.replace('\'', '"'));
            assertRejected(json, "ack", "schema", problem);
        }

        @Test
        void aPayloadWithoutVersion() {
            assertRejected(edit(WireExamples.ACK, "\"schema\":1,", ""), "ack", "schema", "is missing");
        }
    }

    @Nested
    class Types {

        @Test
        void aPayloadWithoutOrWithAnUnknownType() {
            assertRejected(edit(WireExamples.ACK, "\"type\":\"ack\",", ""), "wire", "type", "is missing");
            assertRejected(
                    edit(WireExamples.ACK, "\"type\":\"ack\"", "\"type\":\"acknowledgement\""),
                    "wire",
                    "type",
                    "'acknowledgement' is not a payload type (known: telemetry, state, event, audit, command, ack, "
                            + "policy)");
            assertRejected(
                    edit(WireExamples.ACK, "\"type\":\"ack\"", "\"type\":7"),
                    "wire",
                    "type",
                    "expected a string but found number 7");
        }

        @Test
        void aPayloadOfAnotherTypeThanExpected() {
            byte[] telemetry = WireCodec.encode(WireExamples.TELEMETRY);
            assertThatThrownBy(() -> WireCodec.decode(telemetry, Command.class))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessage("command payload: type: 'telemetry' where 'command' was expected");
        }

        @Test
        void aPayloadOnAnotherKindsTopic() {
            byte[] command = WireCodec.encode(WireExamples.COMMAND);
            assertThatThrownBy(() -> WireCodec.receive("rala/v1/westland-1/gw-1/ack", command))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessage("ack payload: type: 'command' where 'ack' was expected");
        }

        @Test
        void aPayloadOnAnotherGatewaysTopic() {
            byte[] telemetry = WireCodec.encode(WireExamples.TELEMETRY);
            assertThatThrownBy(() -> WireCodec.receive("rala/v1/westland-1/gw-2/telemetry", telemetry))
                    .isInstanceOfSatisfying(
                            WireFormatException.class,
                            e -> assertThat(e.field()).isEqualTo("gatewayId"))
                    .hasMessage("telemetry payload: gatewayId: 'gw-1' does not match the topic's gateway 'gw-2'");
        }

        @Test
        void aPayloadOnATopicOutsideTheContract() {
            byte[] telemetry = WireCodec.encode(WireExamples.TELEMETRY);
            assertThatThrownBy(() -> WireCodec.receive("rala/v1/westland-1/gw-1/metrics", telemetry))
                    .isInstanceOf(WireFormatException.class)
                    .hasMessageStartingWith("topic: 'rala/v1/westland-1/gw-1/metrics': unknown message kind 'metrics'");
        }
    }

    @Nested
    class Header {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "''           | '' is not a message id: use 16 to 64 characters of A-Z a-z 0-9 _ - (a UUID or ULID), unique across the sender's restarts",
                    "'42'         | '42' is not a message id: use 16 to 64 characters of A-Z a-z 0-9 _ - (a UUID or ULID), unique across the sender's restarts",
                    "'0195a3c4-5e6f-7a8b-9c0d 1e2f3a4b5c6d' | '0195a3c4-5e6f-7a8b-9c0d 1e2f3a4b5c6d' is not a message id: use 16 to 64 characters of A-Z a-z 0-9 _ - (a UUID or ULID), unique across the sender's restarts",
                    "42           | expected a string but found number 42",
                    "null         | is null",
                    "{}           | expected a string but found an object",
                })
        void aBadMessageId(String value, String problem) {
            String json = edit(
                    WireExamples.TELEMETRY,
                    "\"messageId\":\"0195a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d\"",
                    "\"messageId\":" + value.replace('\'', '"'));
            assertRejected(json, "telemetry", "messageId", problem);
        }

        @Test
        void aMissingMessageId() {
            assertRejected(
                    edit(WireExamples.STATE, "\"messageId\":\"0195a3c4-6000-7b1c-8d2e-3f4a5b6c7d8e\",", ""),
                    "state",
                    "messageId",
                    "is missing");
        }

        @Test
        void aBadGatewayId() {
            assertRejected(
                    edit(WireExamples.EVENT, "\"gatewayId\":\"gw-1\"", "\"gatewayId\":\"gw/1\""),
                    "event",
                    "gatewayId",
                    "gateway id 'gw/1' is not valid: contains '/', MQTT's level separator (allowed: 1 to 64 of "
                            + "A-Z a-z 0-9 . _ -, starting with a letter or digit)");
            assertRejected(
                    edit(WireExamples.EVENT, "\"gatewayId\":\"gw-1\"", "\"gatewayId\":\"\""),
                    "event",
                    "gatewayId",
                    "gateway id is empty");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "'2026-03-01T07:00:00.250+01:00'",
                    "'2026-03-01T06:00:00.250'",
                    "'2026-03-01 06:00:00.250Z'",
                    "'2026-03-01T06:00Z'",
                    "'2026-02-30T06:00:00.250Z'",
                    "'2026-03-01T25:00:00.250Z'",
                    "'2026-03-01T06:00:00.Z'",
                    "'2026-03-01T06:00:00.1234567890Z'",
                    "'+2026-03-01T06:00:00Z'",
                    "'2026-03-01t06:00:00Z'",
                    "''",
                })
        void aTimestampThatIsNotAUtcInstant(String value) {
            String json = edit(
                    WireExamples.TELEMETRY,
                    "\"sentAt\":\"2026-03-01T06:00:00.250Z\"",
                    "\"sentAt\":" + value.replace('\'', '"'));
            assertRejected(
                    json,
                    "telemetry",
                    "sentAt",
                    value + " is not an ISO-8601 UTC instant like 2026-03-01T06:00:00.000Z (a 'Z', not an offset)");
        }

        @Test
        void aTimestampAsANumber() {
            String json =
                    edit(WireExamples.TELEMETRY, "\"sentAt\":\"2026-03-01T06:00:00.250Z\"", "\"sentAt\":1772344800250");
            assertRejected(json, "telemetry", "sentAt", "expected a string but found number 1772344800250");
        }
    }

    @Nested
    class Telemetry {

        private void assertReadingRejected(String from, String to, String field, String problem) {
            assertRejected(edit(WireExamples.TELEMETRY, from, to), "telemetry", field, problem);
        }

        @Test
        void readingsThatAreNotAListOfReadings() {
            String readings = WireCodec.encodeToString(WireExamples.TELEMETRY);
            String list = readings.substring(readings.indexOf("\"readings\":"), readings.length() - 1);
            assertReadingRejected(list, "\"readings\":[]", "readings", "is empty");
            assertReadingRejected(list, "\"readings\":{}", "readings", "expected an array but found an object");
            assertReadingRejected(list, "\"readings\":null", "readings", "is null");
            assertReadingRejected(
                    list,
                    "\"readings\":[\"air_temperature\"]",
                    "readings[0]",
                    "expected an object but found string 'air_temperature'");
        }

        @Test
        void aValueThatIsNotANumber() {
            assertReadingRejected(
                    "\"value\":18.7",
                    "\"value\":\"warm\"",
                    "readings[0].value",
                    "expected a number but found string 'warm'");
            assertReadingRejected(
                    "\"value\":84.2",
                    "\"value\":\"84.2\"",
                    "readings[1].value",
                    "expected a number but found string '84.2'");
            assertReadingRejected(
                    "\"value\":612.0",
                    "\"value\":true",
                    "readings[2].value",
                    "expected a number but found boolean true");
            assertReadingRejected("\"value\":18.7,", "", "readings[0].value", "is missing (write null for no value)");
        }

        @Test
        void noValueOnlyForABadReading() {
            assertReadingRejected(
                    "\"value\":18.7",
                    "\"value\":null",
                    "readings[0].value",
                    "is missing, which only a bad reading may be (quality is 'good')");
        }

        @Test
        void aQualityOutsideItsSet() {
            assertReadingRejected(
                    "\"quality\":\"uncertain\"",
                    "\"quality\":\"excellent\"",
                    "readings[2].quality",
                    "'excellent' is not one of good, uncertain, bad");
            assertReadingRejected(
                    "\"quality\":\"uncertain\"",
                    "\"quality\":\"UNCERTAIN\"",
                    "readings[2].quality",
                    "'UNCERTAIN' is not one of good, uncertain, bad");
            assertReadingRejected(
                    "\"quality\":\"uncertain\"",
                    "\"quality\":2",
                    "readings[2].quality",
                    "expected a string but found number 2");
        }

        @Test
        void textThatUtf8CannotCarry() {
            assertReadingRejected(
                    "\"point\":\"air_co2\"",
                    "\"point\":\"air\\ud83cco2\"",
                    "readings[2].point",
                    "'air\\ud83cco2' contains an unpaired surrogate (U+D83C), which UTF-8 cannot carry");
        }

        @Test
        void aBadPointUnitOrSourceTime() {
            assertReadingRejected("\"point\":\"air_co2\"", "\"point\":\" \"", "readings[2].point", "is empty");
            assertReadingRejected(
                    "\"point\":\"air_co2\"",
                    "\"point\":\"air\\nco2\"",
                    "readings[2].point",
                    "'air\\u000aco2' contains a control character");
            assertReadingRejected(
                    "\"unit\":\"ppm\"",
                    "\"unit\":\"" + "x".repeat(129) + "\"",
                    "readings[2].unit",
                    "'" + "x".repeat(80) + "…(129 characters)' is longer than 128 characters");
            assertReadingRejected(
                    "\"sourceTime\":\"2026-03-01T05:59:30.000Z\"",
                    "\"sourceTime\":\"yesterday\"",
                    "readings[2].sourceTime",
                    "'yesterday' is not an ISO-8601 UTC instant like 2026-03-01T06:00:00.000Z (a 'Z', not an offset)");
        }
    }

    @Nested
    class OtherPayloads {

        @Test
        void state() {
            assertRejected(
                    edit(WireExamples.STATE, "\"online\":true", "\"online\":\"yes\""),
                    "state",
                    "online",
                    "expected true or false but found string 'yes'");
            assertRejected(
                    edit(WireExamples.STATE, "\"mode\":\"policy\"", "\"mode\":\"auto\""),
                    "state",
                    "mode",
                    "'auto' is not one of policy, advisory, manual, fallback");
            assertRejected(
                    edit(WireExamples.STATE, "\"policyVersion\":\"tomato-ppo-2026-02-14-s7\",", ""),
                    "state",
                    "policyVersion",
                    "is missing, but mode 'policy' runs a policy");
        }

        @Test
        void event() {
            assertRejected(
                    edit(WireExamples.EVENT, "has not changed", "has not\\u0007 changed"),
                    "event",
                    "text",
                    "'air_co2 has not\\u0007 changed for 30 min; its readings are marked uncertain' contains a control "
                            + "character other than a line break or tab");
            assertRejected(
                    edit(WireExamples.EVENT, "\"severity\":\"warning\"", "\"severity\":\"critical\""),
                    "event",
                    "severity",
                    "'critical' is not one of info, warning, alarm");
            assertRejected(edit(WireExamples.EVENT, "\"code\":\"sensor_stale\",", ""), "event", "code", "is missing");
        }

        @Test
        void audit() {
            assertRejected(
                    edit(WireExamples.AUDIT, "\"uRoof\":0.0", "\"uRoof\":null"),
                    "audit",
                    "safeAction.uRoof",
                    "has no value, which safeAction may not have");
            assertRejected(
                    edit(WireExamples.AUDIT, "\"latencyMicros\":412", "\"latencyMicros\":-1"),
                    "audit",
                    "latencyMicros",
                    "-1 is negative");
            assertRejected(
                    edit(WireExamples.AUDIT, "\"latencyMicros\":412", "\"latencyMicros\":412.5"),
                    "audit",
                    "latencyMicros",
                    "expected an integer but found number 412.5");
            assertRejected(
                    edit(WireExamples.AUDIT, "\"interventions\":[\"clamp_max:uThScr\"", "\"interventions\":[1"),
                    "audit",
                    "interventions[0]",
                    "expected a string but found number 1");
            assertRejected(
                    edit(WireExamples.AUDIT, "\"outdoor_temperature\":3.5", "\"outdoor_temperature\":\"3.5\""),
                    "audit",
                    "inputs.outdoor_temperature",
                    "expected a number but found string '3.5'");
            String audit = WireCodec.encodeToString(WireExamples.AUDIT);
            String inputs = audit.substring(audit.indexOf("\"inputs\":"), audit.indexOf(",\"rawAction\""));
            assertRejected(
                    edit(WireExamples.AUDIT, inputs, "\"inputs\":[18.7]"),
                    "audit",
                    "inputs",
                    "expected an object of numbers but found an array");
        }

        @Test
        void command() {
            assertRejected(
                    edit(
                            WireExamples.COMMAND,
                            "\"expiresAt\":\"2026-03-01T06:16:00.000Z\"",
                            "\"expiresAt\":\"2026-03-01T06:01:00.000Z\""),
                    "command",
                    "expiresAt",
                    "2026-03-01T06:01:00Z is not after issuedAt 2026-03-01T06:01:00Z");
            assertRejected(
                    edit(WireExamples.COMMAND, "\"value\":20.5,", ""),
                    "command",
                    "value",
                    "is missing, which action 'setpoint' needs");
            assertRejected(
                    edit(WireExamples.COMMAND, "\"unit\":\"°C\"", "\"unit\":null"), "command", "unit", "is missing");
            assertRejected(
                    edit(WireExamples.COMMAND, "\"action\":\"setpoint\"", "\"action\":\"reboot\""),
                    "command",
                    "action",
                    "'reboot' is not one of setpoint, override, release, mode");
            assertRejected(
                    edit(
                            WireExamples.COMMAND_MODE,
                            "\"mode\":\"advisory\"",
                            "\"mode\":\"advisory\",\"target\":\"uRoof\""),
                    "command",
                    "target",
                    "'uRoof' given, but action 'mode' takes none");
            assertRejected(
                    edit(WireExamples.COMMAND_MODE, "\"mode\":\"advisory\"", "\"mode\":null"),
                    "command",
                    "mode",
                    "is missing");
            assertRejected(
                    edit(WireExamples.COMMAND_RELEASE, "\"target\":\"uRoof\"", "\"target\":\"uRoof\",\"value\":0"),
                    "command",
                    "value",
                    "0.0 given, but action 'release' takes none");
            assertRejected(
                    edit(WireExamples.COMMAND, "\"unit\":\"°C\"", "\"unit\":\"°C\",\"mode\":\"manual\""),
                    "command",
                    "mode",
                    "'manual' given, but action 'setpoint' takes none");
            assertRejected(
                    edit(WireExamples.COMMAND, "\"commandId\":\"0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1\",", ""),
                    "command",
                    "commandId",
                    "is missing");
        }

        @Test
        void ack() {
            assertRejected(
                    edit(WireExamples.ACK, "\"state\":\"applied\"", "\"state\":\"done\""),
                    "ack",
                    "state",
                    "'done' is not one of received, applied, rejected, expired, failed");
            assertRejected(
                    edit(WireExamples.ACK_REJECTED, ",\"reason\":\"overrides are not allowed in mode 'fallback'\"", ""),
                    "ack",
                    "reason",
                    "is missing, which state 'rejected' needs");
            assertRejected(
                    edit(
                            WireExamples.ACK,
                            "\"commandId\":\"0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1\"",
                            "\"commandId\":\"\""),
                    "ack",
                    "commandId",
                    "'' is not a message id: use 16 to 64 characters of A-Z a-z 0-9 _ - (a UUID or ULID), unique "
                            + "across the sender's restarts");
        }

        @Test
        void policy() {
            String hash = WireExamples.POLICY.contentHash();
            assertRejected(
                    edit(WireExamples.POLICY, hash, hash.toUpperCase(java.util.Locale.ROOT)),
                    "policy",
                    "contentHash",
                    "'" + hash.toUpperCase(java.util.Locale.ROOT)
                            + "' is not a SHA-256 in 64 lower-case hexadecimal digits");
            assertRejected(
                    edit(WireExamples.POLICY, "\"sizeBytes\":52113", "\"sizeBytes\":0"),
                    "policy",
                    "sizeBytes",
                    "0 is not positive");
            assertRejected(
                    edit(WireExamples.POLICY, "\"location\":\"https://", "\"location\":\"\\thttps://"),
                    "policy",
                    "location",
                    "'\\u0009https://rala.example/api/v1/policies/tomato-ppo-2026-02-14-s7.onnx' contains a control "
                            + "character");
        }
    }
}
