package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * What became of a {@link Command}: the gateway sends {@link State#RECEIVED} when it has the command and
 * then exactly one terminal state. A replayed command gets its terminal state again (the gateway keeps the
 * outcome of the commands it has seen), so the service can always close it.
 *
 * @param messageId the gateway's id for this message (each state is a message of its own)
 * @param gatewayId the gateway
 * @param sentAt when the gateway reached this state
 * @param commandId the command it answers
 * @param state where the command is
 * @param reason why, for people: required for {@code rejected} and {@code failed}, optional otherwise
 */
public record Acknowledgement(
        String messageId, String gatewayId, Instant sentAt, String commandId, State state, String reason)
        implements WireMessage {

    /** Where a command is. On the wire, the constant's name in lower case. */
    public enum State {
        /** The gateway has it and will act on it. */
        RECEIVED(false),
        /** Done: the set-point, override or mode is in effect. */
        APPLIED(true),
        /** Refused without acting: unknown target, value out of bounds, not allowed in this mode. */
        REJECTED(true),
        /** Arrived or came up after its {@code expiresAt}; not applied. */
        EXPIRED(true),
        /** Tried and did not succeed: the equipment did not accept the write. */
        FAILED(true);

        private final boolean terminal;

        State(boolean terminal) {
            this.terminal = terminal;
        }

        /** Whether it is final: no other state follows it for the same command. */
        public boolean isTerminal() {
            return terminal;
        }
    }

    public Acknowledgement {
        Check.messageId("messageId", messageId);
        Wire.gatewayId(gatewayId);
        sentAt = Check.instant("sentAt", sentAt);
        Check.messageId("commandId", commandId);
        Check.required("state", state);
        Check.optionalText("reason", reason);
        if ((state == State.REJECTED || state == State.FAILED) && reason == null) {
            throw Check.fail("reason", "is missing, which state " + Check.quote(Wire.name(state)) + " needs");
        }
    }

    @Override
    public MessageKind kind() {
        return MessageKind.ACK;
    }
}
