package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * A gateway's status, published (retained) when it changes and every heartbeat interval. The gateway also
 * registers one with {@code online = false} as its MQTT last will when it connects; the broker publishes
 * that one if the connection drops, so it carries the message id and time of the connect.
 *
 * @param messageId the gateway's id for this message
 * @param gatewayId the gateway
 * @param sentAt when the gateway made it
 * @param online whether the gateway is connected and running its control loop
 * @param mode who decides the commands now (the last mode when offline)
 * @param policyVersion the loaded policy's version, or {@code null} when none is loaded (required in modes
 *     {@code policy} and {@code advisory})
 * @param lastTickAt when the control loop last completed a tick, or {@code null} before the first
 */
public record GatewayState(
        String messageId,
        String gatewayId,
        Instant sentAt,
        boolean online,
        ControlMode mode,
        String policyVersion,
        Instant lastTickAt)
        implements WireMessage {

    public GatewayState {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        Check.required("mode", mode);
        Check.optionalName("policyVersion", policyVersion);
        lastTickAt = Check.optionalInstant("lastTickAt", lastTickAt);
        if ((mode == ControlMode.POLICY || mode == ControlMode.ADVISORY) && policyVersion == null) {
            throw Check.fail(
                    "policyVersion", "is missing, but mode " + Check.quote(Wire.name(mode)) + " runs a policy");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.STATE;
    }
}
