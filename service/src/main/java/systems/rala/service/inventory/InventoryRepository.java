package systems.rala.service.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Zones, sensors and equipment. Every query is scoped by facility, so an id of another facility finds nothing. */
@Repository
public class InventoryRepository {

    private final JdbcClient jdbc;

    InventoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // zones

    public List<Zone> zones(UUID facilityId) {
        return jdbc.sql("SELECT * FROM zones WHERE facility_id = ? ORDER BY name, id")
                .param(facilityId)
                .query((rs, n) -> zone(rs))
                .list();
    }

    public Optional<Zone> zone(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM zones WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> zone(rs))
                .optional();
    }

    boolean zoneNameTaken(UUID facilityId, String name, UUID except) {
        return exists(
                "SELECT COUNT(*) FROM zones WHERE facility_id = ? AND name = ? AND id <> ?", facilityId, name, except);
    }

    public void insert(Zone z) {
        jdbc.sql("INSERT INTO zones (id, facility_id, name, area_m2, crop, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(z.id(), z.facilityId(), z.name(), z.areaM2(), z.crop(), z.createdAt())
                .update();
    }

    void update(Zone z) {
        jdbc.sql("UPDATE zones SET name = ?, area_m2 = ?, crop = ? WHERE facility_id = ? AND id = ?")
                .params(z.name(), z.areaM2(), z.crop(), z.facilityId(), z.id())
                .update();
    }

    /** What still refers to a zone and keeps it from being deleted: sensors, equipment, alert rules. */
    record ZoneContents(long sensors, long equipment, long alertRules) {
        boolean empty() {
            return sensors == 0 && equipment == 0 && alertRules == 0;
        }
    }

    ZoneContents contents(UUID zoneId) {
        return new ZoneContents(
                count("SELECT COUNT(*) FROM sensors WHERE zone_id = ?", zoneId),
                count("SELECT COUNT(*) FROM equipment WHERE zone_id = ?", zoneId),
                count("SELECT COUNT(*) FROM alert_rules WHERE zone_id = ?", zoneId));
    }

    void deleteZone(UUID facilityId, UUID id) {
        jdbc.sql("DELETE FROM zones WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .update();
    }

    // sensors

    /** The facility's sensors, or those of one zone when {@code zoneId} is not null. */
    public List<Sensor> sensors(UUID facilityId, UUID zoneId) {
        if (zoneId == null) {
            return jdbc.sql("SELECT * FROM sensors WHERE facility_id = ? ORDER BY name, id")
                    .param(facilityId)
                    .query((rs, n) -> sensor(rs))
                    .list();
        }
        return jdbc.sql("SELECT * FROM sensors WHERE facility_id = ? AND zone_id = ? ORDER BY name, id")
                .params(facilityId, zoneId)
                .query((rs, n) -> sensor(rs))
                .list();
    }

    public Optional<Sensor> sensor(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM sensors WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> sensor(rs))
                .optional();
    }

    boolean sensorNameTaken(UUID zoneId, String name, UUID except) {
        return exists("SELECT COUNT(*) FROM sensors WHERE zone_id = ? AND name = ? AND id <> ?", zoneId, name, except);
    }

    boolean pointTaken(UUID gatewayId, String point, UUID except) {
        return exists(
                "SELECT COUNT(*) FROM sensors WHERE gateway_id = ? AND point = ? AND id <> ?",
                gatewayId,
                point,
                except);
    }

    public void insert(Sensor s) {
        jdbc.sql("INSERT INTO sensors (id, facility_id, zone_id, name, kind, unit, min_value, max_value, gateway_id,"
                        + " point, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        s.id(),
                        s.facilityId(),
                        s.zoneId(),
                        s.name(),
                        s.kind().wireName(),
                        s.unit(),
                        s.min(),
                        s.max(),
                        s.gatewayId(),
                        s.point(),
                        s.createdAt())
                .update();
    }

    void update(Sensor s) {
        jdbc.sql("UPDATE sensors SET zone_id = ?, name = ?, kind = ?, unit = ?, min_value = ?, max_value = ?,"
                        + " gateway_id = ?, point = ? WHERE facility_id = ? AND id = ?")
                .params(
                        s.zoneId(),
                        s.name(),
                        s.kind().wireName(),
                        s.unit(),
                        s.min(),
                        s.max(),
                        s.gatewayId(),
                        s.point(),
                        s.facilityId(),
                        s.id())
                .update();
    }

    void deleteSensor(UUID facilityId, UUID id) {
        jdbc.sql("DELETE FROM sensors WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .update();
    }

    // equipment

    public List<Equipment> equipmentList(UUID facilityId, UUID zoneId) {
        if (zoneId == null) {
            return jdbc.sql("SELECT * FROM equipment WHERE facility_id = ? ORDER BY name, id")
                    .param(facilityId)
                    .query((rs, n) -> equipment(rs))
                    .list();
        }
        return jdbc.sql("SELECT * FROM equipment WHERE facility_id = ? AND zone_id = ? ORDER BY name, id")
                .params(facilityId, zoneId)
                .query((rs, n) -> equipment(rs))
                .list();
    }

    public Optional<Equipment> equipment(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM equipment WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> equipment(rs))
                .optional();
    }

    boolean equipmentNameTaken(UUID zoneId, String name, UUID except) {
        return exists(
                "SELECT COUNT(*) FROM equipment WHERE zone_id = ? AND name = ? AND id <> ?", zoneId, name, except);
    }

    public void insert(Equipment e) {
        jdbc.sql(
                        "INSERT INTO equipment (id, facility_id, zone_id, name, kind, protocol, address, point, unit,"
                                + " safety_min, safety_max, gateway_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        e.id(),
                        e.facilityId(),
                        e.zoneId(),
                        e.name(),
                        e.kind().name(),
                        e.protocol().name(),
                        e.address(),
                        e.point(),
                        e.unit(),
                        e.safetyMin(),
                        e.safetyMax(),
                        e.gatewayId(),
                        e.createdAt())
                .update();
    }

    void update(Equipment e) {
        jdbc.sql("UPDATE equipment SET zone_id = ?, name = ?, kind = ?, protocol = ?, address = ?, point = ?,"
                        + " unit = ?, safety_min = ?, safety_max = ?, gateway_id = ? WHERE facility_id = ? AND id = ?")
                .params(
                        e.zoneId(),
                        e.name(),
                        e.kind().name(),
                        e.protocol().name(),
                        e.address(),
                        e.point(),
                        e.unit(),
                        e.safetyMin(),
                        e.safetyMax(),
                        e.gatewayId(),
                        e.facilityId(),
                        e.id())
                .update();
    }

    void deleteEquipment(UUID facilityId, UUID id) {
        jdbc.sql("DELETE FROM equipment WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .update();
    }

    // mapping

    private boolean exists(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single() > 0;
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static Zone zone(ResultSet rs) throws SQLException {
        return new Zone(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getString("name"),
                rs.getDouble("area_m2"),
                rs.getString("crop"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Sensor sensor(ResultSet rs) throws SQLException {
        return new Sensor(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getObject("zone_id", UUID.class),
                rs.getString("name"),
                SensorKind.fromWire(rs.getString("kind")).orElseThrow(),
                rs.getString("unit"),
                rs.getObject("min_value", Double.class),
                rs.getObject("max_value", Double.class),
                rs.getObject("gateway_id", UUID.class),
                rs.getString("point"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Equipment equipment(ResultSet rs) throws SQLException {
        return new Equipment(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getObject("zone_id", UUID.class),
                rs.getString("name"),
                EquipmentKind.valueOf(rs.getString("kind")),
                Protocol.valueOf(rs.getString("protocol")),
                rs.getString("address"),
                rs.getString("point"),
                rs.getString("unit"),
                rs.getDouble("safety_min"),
                rs.getDouble("safety_max"),
                rs.getObject("gateway_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
