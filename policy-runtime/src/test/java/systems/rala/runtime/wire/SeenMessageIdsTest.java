package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeenMessageIdsTest {

    private static Acknowledgement ack(String gateway, String messageId) {
        return new Acknowledgement(
                messageId,
                gateway,
                Instant.parse("2026-03-01T06:00:00Z"),
                "0195a3c5-0a00-7e4f-8051-6c7d8e9fa0b1",
                Acknowledgement.State.RECEIVED,
                null);
    }

    @Test
    void aReplayedMessageIsSeenOnlyOnce() throws Exception {
        SeenMessageIds seen = new SeenMessageIds(100);
        byte[] payload = WireCodec.encode(WireExamples.TELEMETRY);
        assertThat(seen.firstTime(WireCodec.decode(payload))).isTrue();
        assertThat(seen.firstTime(WireCodec.decode(payload))).isFalse(); // the same bytes, sent again
        assertThat(seen.contains(WireExamples.TELEMETRY)).isTrue();
        assertThat(seen.size()).isEqualTo(1);
    }

    @Test
    void theSameIdFromAnotherGatewayIsAnotherMessage() {
        SeenMessageIds seen = new SeenMessageIds(100);
        assertThat(seen.firstTime(ack("gw-1", "0195a3c5-0a40-7283-8495-a0b1c2d3e4f5")))
                .isTrue();
        assertThat(seen.firstTime(ack("gw-2", "0195a3c5-0a40-7283-8495-a0b1c2d3e4f5")))
                .isTrue();
        assertThat(SeenMessageIds.key(ack("gw-2", "0195a3c5-0a40-7283-8495-a0b1c2d3e4f5")))
                .isEqualTo("gw-2/0195a3c5-0a40-7283-8495-a0b1c2d3e4f5");
    }

    @Test
    void forgetsTheLeastRecentlySeenBeyondItsCapacity() {
        SeenMessageIds seen = new SeenMessageIds(3);
        assertThat(seen.firstTime("a")).isTrue();
        assertThat(seen.firstTime("b")).isTrue();
        assertThat(seen.firstTime("c")).isTrue();
        assertThat(seen.firstTime("a")).isFalse(); // a is now the most recent
        assertThat(seen.firstTime("d")).isTrue(); // pushes out b, the least recent
        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.contains("b")).isFalse();
        assertThat(seen.contains("a")).isTrue();
        assertThat(seen.contains("c")).isTrue();
        assertThat(seen.firstTime("b")).isTrue(); // past the window, a duplicate passes
        assertThat(seen.capacity()).isEqualTo(3);
    }

    @Test
    void aForgottenMessageCountsAsNewAgain() {
        SeenMessageIds seen = new SeenMessageIds(10);
        assertThat(seen.firstTime(WireExamples.COMMAND)).isTrue();
        seen.forget(WireExamples.COMMAND); // its processing failed: the redelivery must be processed
        assertThat(seen.contains(WireExamples.COMMAND)).isFalse();
        assertThat(seen.firstTime(WireExamples.COMMAND)).isTrue();
    }

    @Test
    void needsRoomForOneId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeenMessageIds(0))
                .withMessage("capacity 0 is below 1");
    }
}
