package systems.rala.service.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import systems.rala.service.inventory.References;
import systems.rala.service.live.LiveEvents;

/**
 * Raises alerts and moves them through their states. Every alert raised, acknowledged or resolved is announced
 * on {@link LiveEvents} as type {@code alert} (the alert as it is afterwards) once its transaction has committed,
 * and every raised one is counted in {@code rala_alerts_raised_total{kind, severity}}.
 *
 * <p>The service's own conditions (a rule's band, a gateway's or sensor's silence) are raised with {@link
 * #raiseOnce} under a key that names the condition, so that at most one alert per condition is unresolved
 * (OPEN or ACKNOWLEDGED), and resolved by the system with {@link #resolveOnce} when the condition ends.
 */
@Service
public class Alerts {

    /** The live event type of an alert raised, acknowledged or resolved; the payload is the {@link Alert}. */
    public static final String LIVE_TYPE = "alert";

    private final JdbcClient jdbc;
    private final References references;
    private final Clock clock;
    private final LiveEvents live;
    private final MeterRegistry meters;

    Alerts(JdbcClient jdbc, References references, Clock clock, LiveEvents live, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.references = references;
        this.clock = clock;
        this.live = live;
        this.meters = meters;
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
        Alert a = insert(null, facilityId, zoneId, sensorId, gatewayId, kind, severity, message);
        raised(a);
        return a;
    }

    /**
     * Opens an alert for a condition unless one for it is still unresolved (OPEN or ACKNOWLEDGED). Idempotent:
     * safe to call on every observation of the condition, from several threads or service instances. Not
     * transactional on purpose: the database's unique key on {@code openKey} decides a race, and a refused
     * insert must not abort a surrounding transaction.
     *
     * @param openKey names the condition, e.g. {@code gateway.offline:<gateway id>}; at most 200 characters
     * @return the alert raised, or empty when one for the condition is already unresolved
     */
    public Optional<Alert> raiseOnce(
            String openKey,
            UUID facilityId,
            UUID zoneId,
            UUID sensorId,
            UUID gatewayId,
            String kind,
            Severity severity,
            String message) {
        if (isOpen(openKey)) {
            return Optional.empty();
        }
        try {
            Alert a = insert(openKey, facilityId, zoneId, sensorId, gatewayId, kind, severity, message);
            raised(a);
            return Optional.of(a);
        } catch (DuplicateKeyException raisedMeanwhile) {
            return Optional.empty();
        }
    }

    /**
     * Resolves the unresolved alert of a condition as the system ({@code resolvedBy} stays empty), when there is
     * one.
     *
     * @return the alert afterwards, or empty when none was unresolved
     */
    public Optional<Alert> resolveOnce(String openKey) {
        Optional<UUID> id = jdbc.sql("SELECT id FROM alerts WHERE open_key = ?")
                .param(openKey)
                .query(UUID.class)
                .optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        int n = jdbc.sql("UPDATE alerts SET state = 'RESOLVED', resolved_by = NULL, resolved_at = ?, open_key = NULL"
                        + " WHERE id = ? AND open_key = ? AND state IN ('OPEN', 'ACKNOWLEDGED')")
                .params(now(), id.get(), openKey)
                .update();
        if (n != 1) {
            return Optional.empty();
        }
        Optional<Alert> after = jdbc.sql("SELECT * FROM alerts WHERE id = ?")
                .param(id.get())
                .query((rs, i) -> map(rs))
                .optional();
        after.ifPresent(this::announce);
        return after;
    }

    /** Whether a condition's alert is unresolved. */
    public boolean isOpen(String openKey) {
        return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE open_key = ?")
                        .param(openKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The keys of the facility's unresolved condition alerts that start with {@code prefix}. */
    public Set<String> openKeys(UUID facilityId, String prefix) {
        return jdbc
                .sql("SELECT open_key FROM alerts WHERE facility_id = ? AND open_key IS NOT NULL")
                .param(facilityId)
                .query(String.class)
                .list() // not stream(): an unclosed stream keeps its connection
                .stream()
                .filter(k -> k.startsWith(prefix))
                .collect(Collectors.toSet());
    }

    /**
     * When each unresolved condition alert whose key starts with {@code prefix} was raised, by key; of one
     * facility, or of all when {@code facilityId} is {@code null}.
     */
    public Map<String, OffsetDateTime> openSince(UUID facilityId, String prefix) {
        Map<String, OffsetDateTime> out = new HashMap<>();
        String sql = "SELECT open_key, raised_at FROM alerts WHERE open_key IS NOT NULL"
                + (facilityId == null ? "" : " AND facility_id = ?");
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (facilityId != null) {
            spec = spec.param(facilityId);
        }
        spec.query(rs -> {
            String key = rs.getString(1);
            if (key.startsWith(prefix)) {
                out.put(key, rs.getObject(2, OffsetDateTime.class));
            }
        });
        return out;
    }

    /** Unresolved alerts (OPEN or ACKNOWLEDGED) of every facility: the {@code rala_alerts_open} gauge. */
    public long unresolved() {
        return jdbc.sql("SELECT COUNT(*) FROM alerts WHERE state IN ('OPEN', 'ACKNOWLEDGED')")
                .query(Long.class)
                .single();
    }

    private Alert insert(
            String openKey,
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
                        + " raised_at, open_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
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
                        a.raisedAt(),
                        openKey)
                .update();
        return a;
    }

    private void raised(Alert a) {
        Counter.builder("rala.alerts.raised")
                .description("Alerts raised, by kind and severity")
                .tag("kind", a.kind())
                .tag("severity", a.severity().name())
                .register(meters)
                .increment();
        announce(a);
    }

    /** On {@link LiveEvents} once the surrounding transaction, if any, has committed; at once without one. */
    private void announce(Alert a) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    live.publish(a.facilityId(), LIVE_TYPE, a);
                }
            });
        } else {
            live.publish(a.facilityId(), LIVE_TYPE, a);
        }
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
            n = jdbc.sql("UPDATE alerts SET state = 'RESOLVED', resolved_by = ?, resolved_at = ?, open_key = NULL"
                            + " WHERE facility_id = ? AND id = ? AND state IN ('OPEN', 'ACKNOWLEDGED')")
                    .params(by, now, facilityId, alertId)
                    .update();
        } else {
            throw new IllegalArgumentException("no alert moves back to " + to);
        }
        if (n != 1) {
            return Optional.empty();
        }
        Optional<Alert> after = find(facilityId, alertId);
        after.ifPresent(this::announce);
        return after;
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
