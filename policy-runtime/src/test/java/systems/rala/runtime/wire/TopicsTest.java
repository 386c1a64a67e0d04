package systems.rala.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TopicsTest {

    @Test
    void buildsEveryTopicUnderTheVersionedPrefix() {
        assertThat(Topics.telemetry("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/telemetry");
        assertThat(Topics.state("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/state");
        assertThat(Topics.event("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/event");
        assertThat(Topics.audit("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/audit");
        assertThat(Topics.command("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/command");
        assertThat(Topics.ack("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/ack");
        assertThat(Topics.policy("westland-1", "gw-1")).isEqualTo("rala/v1/westland-1/gw-1/policy");
    }

    @ParameterizedTest
    @EnumSource(MessageKind.class)
    void parseReadsBackWhatWasBuilt(MessageKind kind) throws WireFormatException {
        String topic = Topics.topic(kind, "Site_2.north", "0gw-A");
        Topic parsed = Topics.parse(topic);
        assertThat(parsed).isEqualTo(new Topic("Site_2.north", "0gw-A", kind));
        assertThat(parsed.facility()).isEqualTo("Site_2.north");
        assertThat(parsed.gateway()).isEqualTo("0gw-A");
        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.name()).isEqualTo(topic).isEqualTo(parsed.toString());
    }

    @Test
    void theServiceSubscribesToEveryUplinkKindOfEveryGateway() {
        assertThat(Topics.serviceSubscriptions())
                .containsExactly(
                        "rala/v1/+/+/telemetry",
                        "rala/v1/+/+/state",
                        "rala/v1/+/+/event",
                        "rala/v1/+/+/audit",
                        "rala/v1/+/+/ack");
        assertThat(Topics.gatewaySubscriptions("westland-1", "gw-1"))
                .containsExactly("rala/v1/westland-1/gw-1/command", "rala/v1/westland-1/gw-1/policy");
        assertThat(Topics.filter(MessageKind.STATE)).isEqualTo("rala/v1/+/+/state");
    }

    @Test
    void statusAndPolicyAreRetainedTheRestNot() {
        for (MessageKind k : MessageKind.values()) {
            assertThat(k.retained()).as(k.wireName()).isEqualTo(k == MessageKind.STATE || k == MessageKind.POLICY);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a/b         | contains '/', MQTT's level separator",
                "gw+1        | contains an MQTT wildcard ('+' or '#')",
                "gw#         | contains an MQTT wildcard ('+' or '#')",
                "-gw         | does not start with a letter or digit",
                ".gw         | does not start with a letter or digit",
                "$SYS        | does not start with a letter or digit",
                "é1          | does not start with a letter or digit",
                "gw 1        | contains a character other than A-Z a-z 0-9 . _ -",
                "gw:1        | contains a character other than A-Z a-z 0-9 . _ -",
            })
    void refusesIdsThatAreNotOneTopicLevel(String id, String why) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.telemetry("westland-1", id))
                .withMessage("gateway id '" + id + "' is not valid: " + why
                        + " (allowed: 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.telemetry(id, "gw-1"))
                .withMessageStartingWith("facility id '" + id + "' is not valid: " + why);
    }

    @Test
    void refusesEmptyAndLongIds() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.state("", "gw-1"))
                .withMessage("facility id is empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.state("westland-1", null))
                .withMessage("gateway id is empty");
        String longest = "g".repeat(64);
        assertThat(Topics.state("westland-1", longest)).endsWith("/" + longest + "/state");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.state("westland-1", longest + "g"))
                .withMessageContaining("is not valid: longer than 64 characters");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "rala/v1/westland-1/gw-1/telemetry/extra | 'rala/v1/westland-1/gw-1/telemetry/extra' is not rala/v1/{facility}/{gateway}/{kind}",
                "rala/v1/westland-1/telemetry            | 'rala/v1/westland-1/telemetry' is not rala/v1/{facility}/{gateway}/{kind}",
                "rala/v2/westland-1/gw-1/telemetry       | 'rala/v2/westland-1/gw-1/telemetry' is not rala/v1/{facility}/{gateway}/{kind}",
                "/rala/v1/westland-1/gw-1/telemetry      | '/rala/v1/westland-1/gw-1/telemetry' is not rala/v1/{facility}/{gateway}/{kind}",
                "rala/v1/westland-1/gw-1/telemetry/      | 'rala/v1/westland-1/gw-1/telemetry/' is not rala/v1/{facility}/{gateway}/{kind}",
                "rala/v1/westland-1/gw-1/commands        | 'rala/v1/westland-1/gw-1/commands': unknown message kind 'commands' (known: telemetry, state, event, audit, command, ack, policy)",
                "rala/v1/westland-1/gw-1/Telemetry       | 'rala/v1/westland-1/gw-1/Telemetry': unknown message kind 'Telemetry' (known: telemetry, state, event, audit, command, ack, policy)",
                "rala/v1/+/gw-1/telemetry                | 'rala/v1/+/gw-1/telemetry': facility id '+' is not valid: contains an MQTT wildcard",
                "rala/v1/westland-1//telemetry           | 'rala/v1/westland-1//telemetry': gateway id is empty",
            })
    void parseRefusesTopicsOutsideTheContract(String topic, String message) {
        assertThatThrownBy(() -> Topics.parse(topic))
                .isInstanceOfSatisfying(WireFormatException.class, e -> {
                    assertThat(e.payloadType()).isEqualTo("topic");
                    assertThat(e.field()).isNull();
                })
                .hasMessageStartingWith("topic: " + message);
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> Topics.parse(null))
                .isInstanceOf(WireFormatException.class)
                .hasMessage("topic: is missing");
    }

    @Test
    void aTopicRecordChecksItsParts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Topic("westland-1", "gw/1", MessageKind.ACK))
                .withMessageStartingWith("gateway id 'gw/1' is not valid");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Topic("westland-1", "gw-1", null))
                .withMessage("topic kind is missing");
    }
}
