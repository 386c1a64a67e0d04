package systems.rala.service.control;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;

/**
 * A command or policy rollout as the API and the live feed ({@code LiveEvents} type {@code command}) show it.
 *
 * @param id the wire id: the command's {@code commandId}, a rollout's announcement {@code messageId}
 * @param action {@code setpoint}, {@code override}, {@code release} or {@code mode}; {@code null} for a rollout
 * @param target the set-point or the equipment's point
 * @param value the value sent, in {@code unit}
 * @param mode {@code autonomous}, {@code advisory} or {@code manual}
 * @param policyVersion a rollout's announced version, {@code {name}-v{version}}
 * @param contentHash a rollout's announced content hash (the file's {@code rala.content_hash})
 * @param issuedBy the account that asked for it
 * @param expiresAt a command: the gateway does not apply it after this; a rollout: when it times out
 * @param reason why it failed or timed out (the gateway's words where it gave any)
 * @param sentAt when the broker took it
 * @param deliveredAt when the gateway acknowledged it as received
 * @param finishedAt when it reached its terminal status
 */
public record CommandView(
        String id,
        CommandKind kind,
        UUID gatewayId,
        String gatewayClientId,
        UUID equipmentId,
        String action,
        String target,
        Double value,
        String unit,
        String mode,
        UUID policyId,
        String policyVersion,
        String contentHash,
        UUID issuedBy,
        OffsetDateTime issuedAt,
        OffsetDateTime expiresAt,
        CommandStatus status,
        String reason,
        OffsetDateTime updatedAt,
        OffsetDateTime sentAt,
        OffsetDateTime deliveredAt,
        OffsetDateTime finishedAt) {

    static CommandView of(CommandRow r) {
        return new CommandView(
                r.id(),
                r.kind(),
                r.gatewayId(),
                r.gatewayClientId(),
                r.equipmentId(),
                r.action() == null ? null : actionName(r.action()),
                r.target(),
                r.value(),
                r.unit(),
                r.mode() == null ? null : modeName(r.mode()),
                r.policyId(),
                r.policyVersion(),
                r.contentHash(),
                r.issuedBy(),
                r.issuedAt(),
                r.expiresAt(),
                r.status(),
                r.reason(),
                r.updatedAt(),
                r.sentAt(),
                r.deliveredAt(),
                r.finishedAt());
    }

    /** The action as the API and the wire write it: {@code setpoint}, {@code override}, ... */
    static String actionName(Command.Action action) {
        return action.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The mode as the API writes it. The wire's {@code policy} mode is called {@code autonomous} here: the
     * policy acts on its own (through the safety layer), which is what a grower chooses; {@code fallback} is
     * a mode the gateway enters by itself and cannot be asked for.
     */
    static String modeName(ControlMode mode) {
        return mode == ControlMode.POLICY ? "autonomous" : mode.name().toLowerCase(Locale.ROOT);
    }
}
