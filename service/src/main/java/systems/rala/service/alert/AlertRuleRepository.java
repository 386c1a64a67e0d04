package systems.rala.service.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import systems.rala.service.inventory.SensorKind;

/** Alert rules, always scoped by facility. */
@Repository
public class AlertRuleRepository {

    private final JdbcClient jdbc;

    AlertRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AlertRule> list(UUID facilityId) {
        return jdbc.sql("SELECT * FROM alert_rules WHERE facility_id = ? ORDER BY name, id")
                .param(facilityId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<AlertRule> find(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM alert_rules WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    boolean nameTaken(UUID facilityId, String name, UUID except) {
        return jdbc.sql("SELECT COUNT(*) FROM alert_rules WHERE facility_id = ? AND name = ? AND id <> ?")
                        .params(facilityId, name, except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(AlertRule r) {
        jdbc.sql("INSERT INTO alert_rules (id, facility_id, name, sensor_kind, zone_id, min_threshold, max_threshold,"
                        + " severity, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.facilityId(),
                        r.name(),
                        r.sensorKind().wireName(),
                        r.zoneId(),
                        r.minThreshold(),
                        r.maxThreshold(),
                        r.severity().name(),
                        r.enabled(),
                        r.createdAt())
                .update();
    }

    void update(AlertRule r) {
        jdbc.sql("UPDATE alert_rules SET name = ?, sensor_kind = ?, zone_id = ?, min_threshold = ?, max_threshold = ?,"
                        + " severity = ?, enabled = ? WHERE facility_id = ? AND id = ?")
                .params(
                        r.name(),
                        r.sensorKind().wireName(),
                        r.zoneId(),
                        r.minThreshold(),
                        r.maxThreshold(),
                        r.severity().name(),
                        r.enabled(),
                        r.facilityId(),
                        r.id())
                .update();
    }

    void delete(UUID facilityId, UUID id) {
        jdbc.sql("DELETE FROM alert_rules WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .update();
    }

    private static AlertRule map(ResultSet rs) throws SQLException {
        return new AlertRule(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getString("name"),
                SensorKind.fromWire(rs.getString("sensor_kind")).orElseThrow(),
                rs.getObject("zone_id", UUID.class),
                rs.getObject("min_threshold", Double.class),
                rs.getObject("max_threshold", Double.class),
                Severity.valueOf(rs.getString("severity")),
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
