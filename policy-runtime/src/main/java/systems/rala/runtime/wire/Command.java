package systems.rala.runtime.wire;

import java.time.Instant;

/**
 * An instruction from the service to one gateway. The gateway answers each with {@link Acknowledgement}s
 * carrying its {@link #commandId()}: {@code received} at once, then one terminal state. A command that
 * reaches the gateway after {@link #expiresAt()} (a gateway back from an outage) is not applied but
 * acknowledged {@code expired}. A command id the gateway has already seen is not applied again.
 *
 * <p>Which fields an action takes:
 *
 * <table>
 *   <caption>fields per action</caption>
 *   <tr><th>action</th><th>{@code target}</th><th>{@code value}, {@code unit}</th><th>{@code mode}</th></tr>
 *   <tr><td>{@code setpoint}</td><td>the set-point, e.g. {@code tSpDay}</td><td>required</td><td>–</td></tr>
 *   <tr><td>{@code override}</td><td>the actuator, e.g. {@code uRoof}</td><td>required</td><td>–</td></tr>
 *   <tr><td>{@code release}</td><td>the overridden actuator</td><td>–</td><td>–</td></tr>
 *   <tr><td>{@code mode}</td><td>–</td><td>–</td><td>required</td></tr>
 * </table>
 *
 * <p>A field an action does not take must be absent (null here, NaN for {@code value}); the gateway checks
 * the target against its own point list and the value against the point's bounds, and rejects what does
 * not fit.
 *
 * @param commandId the service's id for it; also its message id
 * @param gatewayId the gateway it is for
 * @param issuedAt when the service issued it; also its {@code sentAt}
 * @param expiresAt after this the gateway must not apply it; after {@code issuedAt}
 * @param issuedBy who asked for it, e.g. {@code user:alice} or {@code service:rollout}
 * @param action what to do
 * @param target the set-point or actuator it acts on, or {@code null} for {@link Action#MODE}
 * @param value the new value in {@code unit}, or NaN when the action takes none
 * @param unit {@code value}'s unit, or {@code null} when the action takes no value
 * @param mode the mode to switch to, for {@link Action#MODE}; otherwise {@code null}
 */
public record Command(
        String commandId,
        String gatewayId,
        Instant issuedAt,
        Instant expiresAt,
        String issuedBy,
        Action action,
        String target,
        double value,
        String unit,
        ControlMode mode)
        implements WireMessage {

    /** What a command does. On the wire, the constant's name in lower case. */
    public enum Action {
        /** Change a controller set-point (e.g. the day heating temperature) until changed again. */
        SETPOINT,
        /** Hold an actuator at a value, over any controller or policy, until released. */
        OVERRIDE,
        /** End an override; the controller takes the actuator back. */
        RELEASE,
        /** Switch the gateway's control mode. */
        MODE
    }

    public Command {
        Check.messageId("commandId", commandId);
        Wire.gatewayId(gatewayId);
        issuedAt = Check.instant("issuedAt", issuedAt);
        expiresAt = Check.instant("expiresAt", expiresAt);
        if (!expiresAt.isAfter(issuedAt)) {
            throw Check.fail("expiresAt", expiresAt + " is not after issuedAt " + issuedAt);
        }
        Check.name("issuedBy", issuedBy);
        Check.required("action", action);
        String a = Check.quote(Wire.name(action));
        boolean takesTarget = action != Action.MODE;
        boolean takesValue = action == Action.SETPOINT || action == Action.OVERRIDE;
        if (takesTarget) {
            Check.name("target", target);
        } else if (target != null) {
            throw Check.fail("target", Check.quote(target) + " given, but action " + a + " takes none");
        }
        if (takesValue) {
            if (Double.isNaN(value)) {
                throw Check.fail("value", "is missing, which action " + a + " needs");
            }
            Check.finite("value", value);
            Check.name("unit", unit);
        } else {
            if (!Double.isNaN(value)) {
                throw Check.fail("value", value + " given, but action " + a + " takes none");
            }
            if (unit != null) {
                throw Check.fail("unit", Check.quote(unit) + " given, but action " + a + " takes no value");
            }
        }
        if (action == Action.MODE) {
            Check.required("mode", mode);
        } else if (mode != null) {
            throw Check.fail("mode", Check.quote(Wire.name(mode)) + " given, but action " + a + " takes none");
        }
    }

    /** A {@link Action#SETPOINT} command. */
    public static Command setPoint(
            String commandId,
            String gatewayId,
            Instant issuedAt,
            Instant expiresAt,
            String issuedBy,
            String setPoint,
            double value,
            String unit) {
        return new Command(
                commandId, gatewayId, issuedAt, expiresAt, issuedBy, Action.SETPOINT, setPoint, value, unit, null);
    }

    /** An {@link Action#OVERRIDE} command. */
    public static Command override(
            String commandId,
            String gatewayId,
            Instant issuedAt,
            Instant expiresAt,
            String issuedBy,
            String actuator,
            double value,
            String unit) {
        return new Command(
                commandId, gatewayId, issuedAt, expiresAt, issuedBy, Action.OVERRIDE, actuator, value, unit, null);
    }

    /** A {@link Action#RELEASE} command. */
    public static Command release(
            String commandId, String gatewayId, Instant issuedAt, Instant expiresAt, String issuedBy, String actuator) {
        return new Command(
                commandId, gatewayId, issuedAt, expiresAt, issuedBy, Action.RELEASE, actuator, Double.NaN, null, null);
    }

    /** A {@link Action#MODE} command. */
    public static Command mode(
            String commandId,
            String gatewayId,
            Instant issuedAt,
            Instant expiresAt,
            String issuedBy,
            ControlMode mode) {
        return new Command(
                commandId, gatewayId, issuedAt, expiresAt, issuedBy, Action.MODE, null, Double.NaN, null, mode);
    }

    /** Whether it must no longer be applied at {@code now}: at or after {@link #expiresAt()}. */
    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public MessageKind kind() {
        return MessageKind.COMMAND;
    }

    /** The command id. */
    @Override
    public String messageId() {
        return commandId;
    }

    /** When it was issued. */
    @Override
    public Instant sentAt() {
        return issuedAt;
    }
}
