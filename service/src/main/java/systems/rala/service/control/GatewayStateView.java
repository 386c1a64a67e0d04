package systems.rala.service.control;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a gateway last said about itself (its state uplink, or the last will the broker published for it).
 *
 * @param gatewayId the registered gateway
 * @param reported whether it has reported a state at all; when not, the other fields are null
 * @param online whether it is connected and running its control loop
 * @param mode who decides its commands: {@code autonomous} (the policy), {@code advisory}, {@code manual} or
 *     {@code fallback}
 * @param fallbackActing whether the rule-based fall-back controller acts because the policy cannot
 * @param policyVersion the loaded policy's version, null when none is loaded
 * @param lastTickAt when its control loop last completed a tick (its clock)
 * @param sentAt when it made the message (its clock)
 * @param updatedAt when the service stored it
 */
public record GatewayStateView(
        UUID gatewayId,
        boolean reported,
        Boolean online,
        String mode,
        boolean fallbackActing,
        String policyVersion,
        OffsetDateTime lastTickAt,
        OffsetDateTime sentAt,
        OffsetDateTime updatedAt) {

    static GatewayStateView none(UUID gatewayId) {
        return new GatewayStateView(gatewayId, false, null, null, false, null, null, null, null);
    }
}
