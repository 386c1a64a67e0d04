package systems.rala.runtime.tick;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;

/**
 * What one {@link ControlTick} saw and did, for the audit trail: the readings, the policy's observation and
 * raw action (absent when it did not run), the commands the deciding controller produced, the commands
 * after the safety layer, every intervention, the policy version and the tick's latency.
 *
 * @param tickAt the tick's time
 * @param requested the mode the operator asked for
 * @param mode the mode that acted ({@link ControlMode#FALLBACK} when the policy could not)
 * @param fallbackReason why the fall-back acts, or {@code NONE}
 * @param problems the observation's problems (e.g. {@code air_co2 STALE (age 612 s)}), empty if none
 * @param policyVersion content hash of the loaded policy, or null
 * @param readings the controller readings [their units], NaN where missing
 * @param observation the policy's observation [manifest units], empty if it was not assembled
 * @param rawAction the policy's action [manifest units], empty if it did not run
 * @param commands the acting controller's commands, before the safety layer
 * @param safeCommands the commands sent to the equipment
 * @param interventions the safety layer's interventions, e.g. {@code rate_limited:uRoof}
 * @param latencyMicros wall time of the tick [µs]
 */
public record TickRecord(
        Instant tickAt,
        ControlMode requested,
        ControlMode mode,
        FallbackSupervisor.Reason fallbackReason,
        List<String> problems,
        String policyVersion,
        Map<String, Double> readings,
        Map<String, Double> observation,
        Map<String, Double> rawAction,
        Map<String, Double> commands,
        Map<String, Double> safeCommands,
        List<String> interventions,
        long latencyMicros) {

    /**
     * This tick as the wire contract's audit record: inputs are the readings plus the observation components
     * that are not readings (clock, previous action, derived values), the raw action is the policy's, the
     * safe action the commands sent.
     *
     * @param messageId the record's message id ({@link systems.rala.runtime.wire.MessageIds#newId()})
     * @param gatewayId the gateway (or service instance) that ran the tick
     * @param sentAt when it is sent
     */
    public AuditRecord toWire(String messageId, String gatewayId, Instant sentAt) {
        Map<String, Double> inputs = new LinkedHashMap<>(readings);
        observation.forEach(inputs::putIfAbsent);
        return new AuditRecord(
                messageId,
                gatewayId,
                sentAt,
                tickAt,
                mode,
                policyVersion,
                inputs,
                rawAction,
                safeCommands,
                interventions,
                latencyMicros);
    }
}
