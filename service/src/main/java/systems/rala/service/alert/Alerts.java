package systems.rala.service.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import systems.rala.service.inventory.References;

/** Raises alerts and moves them through their states. */
@Service
public class Alerts {

    private final JdbcClient jdbc;
    private final References references;
    private final Clock clock;

    Alerts(JdbcClient jdbc, References references, Clock clock) {
        this.jdbc = jdbc;
        this.references = references;
        this.clock = clock;
    }

    /**
     * Opens an alert. The zone, sensor and gateway (each optional) must belong to the facility.
     *
     * @param kind a stable dotted name, e.g. {@code threshold.above}
     * @param message what a person reads, without secrets
     */
    @Transactional
    public Alert raise(
            UUID facilityId,
            UUID zoneId,
            UUID sensorId,
            UUID gatewayId,
            String kind,
            Severity severity,
            String message) {
        references.zone(facilityId, "zoneId", zoneId);
        references.sensor(facilityId, "sensorId", sensorId);
        references.gateway(facilityId, "gatewayId", gatewayId);
        Alert a = new Alert(
                UUID.randomUUID(),
                facilityId,
                zoneId,
                sensorId,
                gatewayId,
                kind,
                severity,
                message.substring(0, Math.min(message.length(), 1000)),
                AlertState.OPEN,
                now(),
                null,
                null,
                null,
                null);
        jdbc.sql("INSERT INTO alerts (id, facility_id, zone_id, sensor_id, gateway_id, kind, severity, message, state,"
                        + " raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        a.id(),
                        facilityId,
                        zoneId,
                        sensorId,
                        gatewayId,
                        kind,
                        severity.name(),
                        a.message(),
                        a.state().name(),
                        a.raisedAt())
                .update();
        return a;
    }

    /** The facility's alerts, newest first, optionally of one state and/or severity; at most {@code limit}. */
    public List<Alert> list(UUID facilityId, AlertState state, Severity severity, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM alerts WHERE facility_id = ?");
        List<Object> params = new ArrayList<>(List.of(facilityId));
        if (state != null) {
            sql.append(" AND state = ?");
            params.add(state.name());
        }
        if (severity != null) {
            sql.append(" AND severity = ?");
            params.add(severity.name());
        }
        sql.append(" ORDER BY raised_at DESC, id LIMIT ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
    }

    public Optional<Alert> find(UUID facilityId, UUID alertId) {
        return jdbc.sql("SELECT * FROM alerts WHERE facility_id = ? AND id = ?")
                .params(facilityId, alertId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Moves an alert to ACKNOWLEDGED or RESOLVED if its current state allows it. The update names the states it
     * may come from, so of two concurrent calls only one succeeds.
     *
     * @return the alert afterwards, or empty if it was not in a state that allows the move
     */
    @Transactional
    public Optional<Alert> move(UUID facilityId, UUID alertId, AlertState to, UUID by) {
        OffsetDateTime now = now();
        int n;
        if (to == AlertState.ACKNOWLEDGED) {
            n = jdbc.sql("UPDATE alerts SET state = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?"
                            + " WHERE facility_id = ? AND id = ? AND state = 'OPEN'")
                    .params(by, now, facilityId, alertId)
                    .update();
        } else if (to == AlertState.RESOLVED) {
            n = jdbc.sql("UPDATE alerts SET state = 'RESOLVED', resolved_by = ?, resolved_at = ?"
                            + " WHERE facility_id = ? AND id = ? AND state IN ('OPEN', 'ACKNOWLEDGED')")
                    .params(by, now, facilityId, alertId)
                    .update();
        } else {
            throw new IllegalArgumentException("no alert moves back to " + to);
        }
        return n == 1 ? find(facilityId, alertId) : Optional.empty();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Alert map(ResultSet rs) throws SQLException {
        return new Alert(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getObject("zone_id", UUID.class),
                rs.getObject("sensor_id", UUID.class),
                rs.getObject("gateway_id", UUID.class),
                rs.getString("kind"),
                Severity.valueOf(rs.getString("severity")),
                rs.getString("message"),
                AlertState.valueOf(rs.getString("state")),
                rs.getObject("raised_at", OffsetDateTime.class),
                rs.getObject("acknowledged_by", UUID.class),
                rs.getObject("acknowledged_at", OffsetDateTime.class),
                rs.getObject("resolved_by", UUID.class),
                rs.getObject("resolved_at", OffsetDateTime.class));
    }
}
