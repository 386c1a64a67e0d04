package systems.rala.service.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may connect to the embedded broker and which topics each may use. */
class BrokerAccessTest {

    static final UUID FACILITY = UUID.randomUUID();
    static final String GATEWAY = "gw-1";
    static final byte[] SECRET = "gateway-secret".getBytes(StandardCharsets.UTF_8);

    final BrokerAccess access = new BrokerAccess(
            "service-secret".getBytes(StandardCharsets.UTF_8),
            (id, secret) ->
                    GATEWAY.equals(id) && Arrays.equals(SECRET, secret) ? Optional.of(FACILITY) : Optional.empty());

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    String own(String kind) {
        return "rala/v1/" + FACILITY + "/" + GATEWAY + "/" + kind;
    }

    @Test
    void credentialsAreChecked() {
        assertThat(access.authenticate(null, null)).as("anonymous").isFalse();
        assertThat(access.authenticate(BrokerAccess.SERVICE_USER, utf8("wrong")))
                .isFalse();
        assertThat(access.authenticate(BrokerAccess.SERVICE_USER, utf8("service-secret")))
                .isTrue();
        assertThat(access.authenticate(GATEWAY, utf8("guess"))).isFalse();
        assertThat(access.authenticate("gw-2", SECRET)).isFalse();
        assertThat(access.authenticate(GATEWAY, SECRET)).isTrue();
    }

    @Test
    void aGatewayPublishesOnlyItsOwnUplinksAndReadsOnlyItsOwnDownlinks() {
        assertThat(access.canWrite(own("telemetry"), GATEWAY))
                .as("before authenticating")
                .isFalse();
        access.authenticate(GATEWAY, SECRET);
        for (String uplink : new String[] {"telemetry", "state", "event", "audit", "ack"}) {
            assertThat(access.canWrite(own(uplink), GATEWAY)).as(uplink).isTrue();
            assertThat(access.canRead(own(uplink), GATEWAY))
                    .as("read " + uplink)
                    .isFalse();
        }
        for (String downlink : new String[] {"command", "policy"}) {
            assertThat(access.canRead(own(downlink), GATEWAY)).as(downlink).isTrue();
            assertThat(access.canWrite(own(downlink), GATEWAY))
                    .as("forge " + downlink)
                    .isFalse();
        }
        String other = "rala/v1/" + FACILITY + "/gw-2/";
        assertThat(access.canWrite(other + "telemetry", GATEWAY))
                .as("another gateway's")
                .isFalse();
        assertThat(access.canRead(other + "command", GATEWAY)).isFalse();
        String otherFacility = "rala/v1/" + UUID.randomUUID() + "/" + GATEWAY + "/telemetry";
        assertThat(access.canWrite(otherFacility, GATEWAY))
                .as("another facility's")
                .isFalse();
        assertThat(access.canRead("rala/v1/#", GATEWAY)).as("wildcard").isFalse();
        assertThat(access.canRead("rala/v1/" + FACILITY + "/+/command", GATEWAY))
                .isFalse();
        assertThat(access.canWrite(own("telemetry/extra"), GATEWAY)).isFalse();
        // a failed login forgets what the gateway could do
        access.authenticate(GATEWAY, utf8("guess"));
        assertThat(access.canWrite(own("telemetry"), GATEWAY)).isFalse();
    }

    @Test
    void theServiceReadsUplinksAndPublishesOnlyDownlinks() {
        String s = BrokerAccess.SERVICE_USER;
        assertThat(access.canRead("rala/v1/+/+/telemetry", s)).isTrue();
        assertThat(access.canWrite(own("command"), s)).isTrue();
        assertThat(access.canWrite(own("policy"), s)).isTrue();
        assertThat(access.canWrite(own("telemetry"), s)).as("forge a reading").isFalse();
        assertThat(access.canWrite("rala/v1/+/+/command", s)).as("wildcard").isFalse();
        assertThat(access.canRead("$SYS/#", s)).isFalse();
    }
}
