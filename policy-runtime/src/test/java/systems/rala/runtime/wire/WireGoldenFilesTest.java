package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The golden files under {@code src/test/resources/systems/rala/runtime/wire/v1/} pin schema 1: each
 * decodes to its record, and each record encodes to that file's JSON (field for field, numbers by value).
 * Whoever else reads or writes the wire (a dashboard, a test harness, another gateway build) can check
 * itself against the same files.
 */
class WireGoldenFilesTest {

    static Stream<Arguments> goldenFiles() {
        return WireExamples.GOLDEN.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void decodesToItsRecord(String file, WireMessage expected) throws Exception {
        WireMessage decoded = WireCodec.decode(GoldenFiles.read(file));
        assertThat(decoded).isEqualTo(expected);
        assertThat(WireCodec.decode(GoldenFiles.read(file), expected.getClass()))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void itsRecordEncodesToIt(String file, WireMessage record) throws Exception {
        assertThat(GoldenFiles.canonical(WireCodec.encode(record)))
                .isEqualTo(GoldenFiles.canonical(GoldenFiles.read(file)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void isReceivedOnItsTopic(String file, WireMessage record) throws Exception {
        String topic = Topics.topic(record.kind(), "westland-1", "gw-1");
        Delivery d = WireCodec.receive(topic, GoldenFiles.read(file));
        assertThat(d.topic()).isEqualTo(new Topic("westland-1", "gw-1", record.kind()));
        assertThat(d.message()).isEqualTo(record);
    }

    @Test
    void everyKindHasAGoldenFileNamedAfterIt() {
        Map<String, WireMessage> golden = WireExamples.GOLDEN;
        for (MessageKind kind : MessageKind.values()) {
            assertThat(golden).containsKey(kind.wireName() + ".json");
            assertThat(golden.get(kind.wireName() + ".json").kind()).isEqualTo(kind);
        }
        assertThat(Arrays.stream(Command.Action.values()))
                .allSatisfy(a -> assertThat(golden.values())
                        .anySatisfy(m -> assertThat(m)
                                .isInstanceOfSatisfying(
                                        Command.class,
                                        c -> assertThat(c.action()).isEqualTo(a))));
    }

    @Test
    void theEncodingIsCompactUtf8WithTheHeaderFirst() {
        String json = WireCodec.encodeToString(WireExamples.COMMAND);
        assertThat(json)
                .startsWith("{\"schema\":1,\"type\":\"command\",\"commandId\":\"0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1\"")
                .contains("\"unit\":\"°C\"")
                .doesNotContain(" ", "\n");
        assertThat(WireCodec.encodeToString(WireExamples.POLICY))
                .contains("\"location\":\"https://rala.example/api/v1/policies/tomato-ppo-2026-02-14-s7.onnx\"");
        assertThat(WireCodec.encodeToString(WireExamples.TELEMETRY))
                .contains("\"sentAt\":\"2026-03-01T06:00:00.250Z\"", "\"sourceTime\":\"2026-03-01T06:00:00.000Z\"")
                .contains("\"value\":null");
    }
}
