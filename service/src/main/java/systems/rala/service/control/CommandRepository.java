package systems.rala.service.control;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;

/**
 * The commands table. Status changes are single guarded UPDATEs ({@link #advance}), so concurrent callers (the
 * broker's confirmation, the gateway's acknowledgements, the sweep, another service instance) cannot move a
 * row backwards or out of a terminal status, and exactly one of them sees each change happen.
 */
@Repository
class CommandRepository {

    private final JdbcClient jdbc;

    CommandRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CommandRow r) {
        jdbc.sql("INSERT INTO commands (id, facility_id, gateway_id, gateway_client_id, equipment_id, kind, action,"
                        + " target, command_value, unit, mode, policy_id, policy_version, content_hash, issued_by,"
                        + " issued_at, expires_at, status, reason, updated_at, sent_at, delivered_at, finished_at,"
                        + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.facilityId(),
                        r.gatewayId(),
                        r.gatewayClientId(),
                        r.equipmentId(),
                        r.kind().name(),
                        r.action() == null ? null : r.action().name(),
                        r.target(),
                        r.value(),
                        r.unit(),
                        r.mode() == null ? null : r.mode().name(),
                        r.policyId(),
                        r.policyVersion(),
                        r.contentHash(),
                        r.issuedBy(),
                        r.issuedAt(),
                        r.expiresAt(),
                        r.status().name(),
                        r.reason(),
                        r.updatedAt(),
                        r.sentAt(),
                        r.deliveredAt(),
                        r.finishedAt(),
                        r.payload())
                .update();
    }

    Optional<CommandRow> find(String id) {
        return jdbc.sql("SELECT * FROM commands WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<CommandRow> find(UUID facilityId, String id) {
        return jdbc.sql("SELECT * FROM commands WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** A facility's rows, newest first, optionally of one status and kind. */
    List<CommandRow> list(UUID facilityId, CommandStatus status, CommandKind kind, long offset, int limit) {
        List<Object> params = new ArrayList<>(List.of(facilityId));
        String where = where(status, kind, params);
        params.add(limit);
        params.add(offset);
        return jdbc.sql("SELECT * FROM commands WHERE facility_id = ?" + where
                        + " ORDER BY issued_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> map(rs))
                .list();
    }

    long count(UUID facilityId, CommandStatus status, CommandKind kind) {
        List<Object> params = new ArrayList<>(List.of(facilityId));
        String where = where(status, kind, params);
        return jdbc.sql("SELECT COUNT(*) FROM commands WHERE facility_id = ?" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    private static String where(CommandStatus status, CommandKind kind, List<Object> params) {
        StringBuilder b = new StringBuilder();
        if (status != null) {
            b.append(" AND status = ?");
            params.add(status.name());
        }
        if (kind != null) {
            b.append(" AND kind = ?");
            params.add(kind.name());
        }
        return b.toString();
    }

    /**
     * Moves the row to {@code to} if it is in one of the statuses {@code to} may follow (and, when {@code
     * gatewayClientId} is given, is that gateway's), stamping the status's time column.
     *
     * @param reason stored with a terminal status; ignored otherwise
     * @return whether this call made the change
     */
    boolean advance(String id, CommandStatus to, String reason, OffsetDateTime now, String gatewayClientId) {
        String stamp = switch (to) {
            case QUEUED -> throw new IllegalArgumentException("nothing moves back to QUEUED");
            case SENT -> "sent_at";
            case DELIVERED -> "delivered_at";
            case SUCCEEDED, FAILED, TIMED_OUT -> "finished_at";
        };
        List<CommandStatus> from = to.reachableFrom();
        List<Object> params = new ArrayList<>();
        params.add(to.name());
        params.add(now);
        params.add(now);
        params.add(to.isTerminal() ? cut(reason, 2200) : null);
        params.add(id);
        from.forEach(s -> params.add(s.name()));
        String sql = "UPDATE commands SET status = ?, updated_at = ?, " + stamp + " = ?, reason = COALESCE(?, reason)"
                + " WHERE id = ? AND status IN ("
                + String.join(", ", Collections.nCopies(from.size(), "?")) + ")";
        if (gatewayClientId != null) {
            sql += " AND gateway_client_id = ?";
            params.add(gatewayClientId);
        }
        return jdbc.sql(sql).params(params).update() == 1;
    }

    /** Queued rows that have not expired, oldest first: what to publish once the broker is reachable. */
    List<CommandRow> queued(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT * FROM commands WHERE status = 'QUEUED' AND expires_at > ?"
                        + " ORDER BY issued_at, id LIMIT ?")
                .params(now, limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * Open rows past their deadline: queued ones at {@code expiresAt}, sent or delivered commands at {@code
     * expiresAt} + grace ({@code commandDeadline} = now − grace), sent rollouts at {@code expiresAt}.
     */
    List<CommandRow> overdue(OffsetDateTime now, OffsetDateTime commandDeadline, int limit) {
        return jdbc.sql("SELECT * FROM commands WHERE (status = 'QUEUED' AND expires_at <= ?)"
                        + " OR (status IN ('SENT', 'DELIVERED') AND ((kind = 'COMMAND' AND expires_at <= ?)"
                        + " OR (kind = 'POLICY_ROLLOUT' AND expires_at <= ?)))"
                        + " ORDER BY expires_at, id LIMIT ?")
                .params(now, commandDeadline, now, limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The gateway's rollouts that are not finished, newest first. */
    List<CommandRow> openRollouts(String gatewayClientId) {
        return jdbc.sql("SELECT * FROM commands WHERE gateway_client_id = ? AND kind = 'POLICY_ROLLOUT'"
                        + " AND status IN ('QUEUED', 'SENT', 'DELIVERED') ORDER BY issued_at DESC, id DESC")
                .param(gatewayClientId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The gateway's newest rollout. */
    Optional<CommandRow> lastRollout(UUID facilityId, String gatewayClientId) {
        return jdbc.sql("SELECT * FROM commands WHERE facility_id = ? AND gateway_client_id = ?"
                        + " AND kind = 'POLICY_ROLLOUT' ORDER BY issued_at DESC, id DESC LIMIT 1")
                .params(facilityId, gatewayClientId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static CommandRow map(ResultSet rs) throws SQLException {
        double value = rs.getDouble("command_value");
        Double boxed = rs.wasNull() ? null : value;
        String action = rs.getString("action");
        String mode = rs.getString("mode");
        return new CommandRow(
                rs.getString("id"),
                rs.getObject("facility_id", UUID.class),
                rs.getObject("gateway_id", UUID.class),
                rs.getString("gateway_client_id"),
                rs.getObject("equipment_id", UUID.class),
                CommandKind.valueOf(rs.getString("kind")),
                action == null ? null : Command.Action.valueOf(action),
                rs.getString("target"),
                boxed,
                rs.getString("unit"),
                mode == null ? null : ControlMode.valueOf(mode),
                rs.getObject("policy_id", UUID.class),
                rs.getString("policy_version"),
                rs.getString("content_hash"),
                rs.getObject("issued_by", UUID.class),
                rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class),
                CommandStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class),
                rs.getObject("delivered_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class),
                rs.getString("payload"));
    }
}
