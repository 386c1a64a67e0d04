package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "Wire contract" section of {@code policy-runtime/README.md} tells the truth: its JSON examples are the
 * golden files, its topic table lists every kind with its direction and retain flag, and its Java example is
 * the code between the markers below, compiled and run here.
 */
class WireReadmeTest {

    // README:begin
    /** The service: one handler for every message on its subscriptions, Topics.serviceSubscriptions(). */
    static final class Ingest {
        private final SeenMessageIds seen = new SeenMessageIds(100_000);
        final List<String> log = new ArrayList<>();

        void onMessage(String topic, byte[] payload) {
            Delivery d;
            try {
                d = WireCodec.receive(topic, payload);
            } catch (UnsupportedSchemaVersionException e) {
                log.add("needs an upgrade: " + e.getMessage()); // a gateway newer than this service
                return;
            } catch (WireFormatException e) {
                log.add("dropped: " + e.getMessage()); // names the payload type, the field and the value
                return;
            }
            if (!seen.firstTime(d.message())) {
                return; // a replay: QoS 1 redelivery, or store-and-forward after an outage
            }
            if (d.message() instanceof TelemetryBatch batch) {
                log.add(d.topic().facility() + "/" + batch.gatewayId() + ": "
                        + batch.readings().size() + " readings");
            }
        }
    }

    /** The gateway: its first answer to a command, to publish on Topics.ack(facility, gateway). */
    static byte[] firstAnswer(Command command, Instant now) {
        Acknowledgement.State state =
                command.expiredAt(now) ? Acknowledgement.State.EXPIRED : Acknowledgement.State.RECEIVED;
        return WireCodec.encode(
                new Acknowledgement(MessageIds.newId(), command.gatewayId(), now, command.commandId(), state, null));
    }
    // README:end

    private static String section() throws IOException {
        // surefire runs in the module folder
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Wire contract");
        assertThat(start).as("README has a '## Wire contract' section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static List<String> blocks(String section, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m =
                Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyJsonExampleIsAGoldenFileAndEveryKindHasOne() throws Exception {
        List<String> examples = blocks(section(), "json");
        List<MessageKind> kinds = new ArrayList<>();
        for (String json : examples) {
            WireMessage m = WireCodec.decode(json.getBytes(StandardCharsets.UTF_8));
            kinds.add(m.kind());
            assertThat(json)
                    .isEqualTo(new String(GoldenFiles.read(m.kind().wireName() + ".json"), StandardCharsets.UTF_8));
        }
        assertThat(kinds).containsExactly(MessageKind.values());
    }

    @Test
    void theTopicTableListsEveryKindWithItsDirectionAndRetainFlag() throws IOException {
        Pattern row = Pattern.compile(
                "^\\| `rala/v1/\\{facility}/\\{gateway}/(\\w+)` \\| ([^|]+) \\| `(\\w+)` \\| (yes|no) \\|",
                Pattern.MULTILINE);
        Matcher m = row.matcher(section());
        List<MessageKind> kinds = new ArrayList<>();
        while (m.find()) {
            MessageKind k = MessageKind.fromWireName(m.group(1));
            assertThat(k).as(m.group(1)).isNotNull();
            kinds.add(k);
            assertThat(m.group(2).trim())
                    .isEqualTo(
                            k.direction() == MessageKind.Direction.UPLINK ? "gateway → service" : "service → gateway");
            assertThat(m.group(3)).isEqualTo(k.type().getSimpleName());
            assertThat(m.group(4)).isEqualTo(k.retained() ? "yes" : "no");
        }
        assertThat(kinds).containsExactly(MessageKind.values());
        for (String filter : Topics.serviceSubscriptions()) {
            assertThat(section()).contains("`" + filter + "`");
        }
    }

    @Test
    void theJavaExampleIsThisTestsCode() throws IOException {
        String source = Files.readString(
                Path.of("src/test/java/systems/rala/runtime/wire/WireReadmeTest.java"), StandardCharsets.UTF_8);
        String code = source.substring(
                source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("    // README:end"));
        String dedented =
                code.lines().map(l -> l.length() >= 4 ? l.substring(4) : l).reduce("", (a, l) -> a + l + "\n");
        assertThat(blocks(section(), "java")).containsExactly(dedented);
    }

    @Test
    void theJavaExampleWorks() {
        Ingest ingest = new Ingest();
        byte[] batch = WireCodec.encode(WireExamples.TELEMETRY);
        ingest.onMessage("rala/v1/westland-1/gw-1/telemetry", batch);
        ingest.onMessage("rala/v1/westland-1/gw-1/telemetry", batch); // replayed
        ingest.onMessage(
                "rala/v1/westland-1/gw-1/telemetry",
                WireCodec.encodeToString(WireExamples.TELEMETRY)
                        .replace("\"schema\":1", "\"schema\":2")
                        .getBytes(StandardCharsets.UTF_8));
        ingest.onMessage("rala/v1/westland-1/gw-2/telemetry", batch);
        assertThat(ingest.log)
                .containsExactly(
                        "westland-1/gw-1: 4 readings",
                        "needs an upgrade: telemetry payload: unsupported schema version 2 (this build reads 1)",
                        "dropped: telemetry payload: gatewayId: 'gw-1' does not match the topic's gateway 'gw-2'");

        Command c = WireExamples.COMMAND;
        Acknowledgement received = decodeAck(firstAnswer(c, c.issuedAt().plusSeconds(1)));
        assertThat(received.state()).isEqualTo(Acknowledgement.State.RECEIVED);
        assertThat(received.commandId()).isEqualTo(c.commandId());
        assertThat(decodeAck(firstAnswer(c, c.expiresAt())).state()).isEqualTo(Acknowledgement.State.EXPIRED);
    }

    private static Acknowledgement decodeAck(byte[] payload) {
        try {
            return WireCodec.decode(payload, Acknowledgement.class);
        } catch (WireFormatException e) {
            throw new AssertionError(e);
        }
    }
}
