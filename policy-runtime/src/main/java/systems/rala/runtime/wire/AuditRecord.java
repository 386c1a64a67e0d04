package systems.rala.runtime.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one control tick of a gateway saw, what its controller proposed, what the safety layer let through
 * and why: enough to replay the decision later. Values are keyed by point name in the site's order.
 *
 * @param messageId the gateway's id for this message
 * @param gatewayId the gateway
 * @param sentAt when the gateway made it
 * @param tickAt the tick's time on the gateway's clock
 * @param mode who decided this tick's commands
 * @param policyVersion the policy that ran this tick, or {@code null} if none ran
 * @param inputs the readings the controller was given; NaN (null on the wire) for a missing reading
 * @param rawAction the controller's proposal, before the safety layer; NaN where it produced no number (a
 *     policy's NaN output is recorded as such); empty when no controller ran (manual mode)
 * @param safeAction the commands written to the equipment, after the safety layer; always finite
 * @param interventions the safety layer's reasons for changing the proposal, as stable codes (e.g.
 *     {@code clamp_max:uRoof}, {@code rate_limit:uBoil}, {@code stale_input:air_temperature}); empty when it
 *     changed nothing
 * @param latencyMicros from reading the inputs to writing the commands, in microseconds
 */
public record AuditRecord(
        String messageId,
        String gatewayId,
        Instant sentAt,
        Instant tickAt,
        ControlMode mode,
        String policyVersion,
        Map<String, Double> inputs,
        Map<String, Double> rawAction,
        Map<String, Double> safeAction,
        List<String> interventions,
        long latencyMicros)
        implements WireMessage {

    public AuditRecord {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        tickAt = Check.instant("tickAt", tickAt);
        Check.required("mode", mode);
        Check.optionalName("policyVersion", policyVersion);
        inputs = Wire.values("inputs", inputs, true);
        rawAction = Wire.values("rawAction", rawAction, true);
        safeAction = Wire.values("safeAction", safeAction, false);
        interventions = Wire.names("interventions", interventions);
        if (latencyMicros < 0) {
            throw Check.fail("latencyMicros", latencyMicros + " is negative");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.AUDIT;
    }
}
