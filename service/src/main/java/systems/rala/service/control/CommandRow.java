package systems.rala.service.control;

import java.time.OffsetDateTime;
import java.util.UUID;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.Topics;

/**
 * One row of the commands table: a command or a policy rollout, and where it is.
 *
 * @param id the wire id (the command's {@code commandId}, the announcement's {@code messageId})
 * @param gatewayId the gateway, or {@code null} once it was deleted
 * @param gatewayClientId its MQTT client id, the gateway level of its topics
 * @param equipmentId the equipment an override or release names, or {@code null}
 * @param action a command's action; {@code null} for a rollout
 * @param value the value sent in {@code unit}, or {@code null}
 * @param mode the control mode asked for, or {@code null}
 * @param policyVersion a rollout's announced version name, e.g. {@code climate-v3}
 * @param contentHash a rollout's announced content hash ({@code rala.content_hash} of the file)
 * @param issuedBy the account that asked for it
 * @param expiresAt a command: the gateway must not apply it after this; a rollout: when it times out
 * @param reason why it failed or timed out
 * @param payload the JSON published
 */
record CommandRow(
        String id,
        UUID facilityId,
        UUID gatewayId,
        String gatewayClientId,
        UUID equipmentId,
        CommandKind kind,
        Command.Action action,
        String target,
        Double value,
        String unit,
        ControlMode mode,
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
        OffsetDateTime finishedAt,
        String payload) {

    /** The topic it is published on. */
    String topic() {
        return kind == CommandKind.COMMAND
                ? Topics.command(facilityId.toString(), gatewayClientId)
                : Topics.policy(facilityId.toString(), gatewayClientId);
    }

    /** Announcements are retained, so that a gateway connecting later finds the latest; commands are not. */
    boolean retained() {
        return kind == CommandKind.POLICY_ROLLOUT;
    }

    /** For the audit log: what it is, in a few words. */
    String describe() {
        if (kind == CommandKind.POLICY_ROLLOUT) {
            return "rollout " + id + " of " + policyVersion + " (content hash " + contentHash + ") to gateway "
                    + gatewayClientId;
        }
        StringBuilder b = new StringBuilder("command ").append(id).append(' ').append(CommandView.actionName(action));
        if (target != null) {
            b.append(' ').append(target);
        }
        if (value != null) {
            b.append(" = ").append(value).append(' ').append(unit);
        }
        if (mode != null) {
            b.append(' ').append(CommandView.modeName(mode));
        }
        return b.append(" to gateway ").append(gatewayClientId).toString();
    }
}
