package systems.rala.service.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One control tick of a gateway: what its controller saw and proposed, what the safety layer let through and
 * why. Values are keyed by point name in the site's order, each in its point's canonical unit; null where an
 * input was missing or a proposal was not a number.
 *
 * @param id the audit record's message id
 * @param gatewayId the registered gateway
 * @param tickAt the tick's time (the gateway's clock)
 * @param mode who decided: {@code autonomous} (the policy), {@code advisory}, {@code manual} or {@code fallback}
 * @param policyVersion the policy that ran this tick, null if none ran
 * @param inputs the readings the controller was given
 * @param rawAction the controller's proposal before the safety layer (empty when no controller ran)
 * @param safeAction the commands written to the equipment
 * @param interventions the safety layer's reasons for changing the proposal (e.g. {@code clamp_max:uRoof})
 * @param latencyMicros from reading the inputs to writing the commands [µs]
 */
public record DecisionView(
        String id,
        UUID gatewayId,
        OffsetDateTime tickAt,
        String mode,
        String policyVersion,
        Map<String, Double> inputs,
        Map<String, Double> rawAction,
        Map<String, Double> safeAction,
        List<String> interventions,
        long latencyMicros) {

    /** What the live feed carries for each stored decision: all but the inputs and the raw proposal. */
    public record Compact(
            String id,
            UUID gatewayId,
            OffsetDateTime tickAt,
            String mode,
            String policyVersion,
            Map<String, Double> safeAction,
            List<String> interventions,
            long latencyMicros) {}

    Compact compact() {
        return new Compact(id, gatewayId, tickAt, mode, policyVersion, safeAction, interventions, latencyMicros);
    }
}
