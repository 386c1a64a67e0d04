package systems.rala.service.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Facilities and their memberships. Every read for a caller goes through a membership. */
@Repository
public class FacilityRepository {

    private final JdbcClient jdbc;

    FacilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Membership(Facility facility, Role role) {}

    record Member(UUID userId, String email, String displayName, Role role) {}

    Optional<Role> roleOf(UUID facilityId, UUID userId) {
        return jdbc.sql("SELECT role FROM memberships WHERE facility_id = ? AND user_id = ?")
                .params(facilityId, userId)
                .query((rs, n) -> Role.valueOf(rs.getString("role")))
                .optional();
    }

    List<Membership> visibleTo(UUID userId) {
        return jdbc.sql("SELECT f.*, m.role FROM facilities f JOIN memberships m ON m.facility_id = f.id"
                        + " WHERE m.user_id = ? ORDER BY f.name, f.id")
                .param(userId)
                .query((rs, n) -> new Membership(map(rs), Role.valueOf(rs.getString("role"))))
                .list();
    }

    Optional<Facility> find(UUID id) {
        return jdbc.sql("SELECT * FROM facilities WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public void insert(Facility f) {
        jdbc.sql("INSERT INTO facilities (id, name, location, latitude, longitude, area_m2, crop, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        f.id(),
                        f.name(),
                        f.location(),
                        f.latitude(),
                        f.longitude(),
                        f.areaM2(),
                        f.crop(),
                        f.createdAt())
                .update();
    }

    void update(Facility f) {
        jdbc.sql("UPDATE facilities SET name = ?, location = ?, latitude = ?, longitude = ?, area_m2 = ?, crop = ?"
                        + " WHERE id = ?")
                .params(f.name(), f.location(), f.latitude(), f.longitude(), f.areaM2(), f.crop(), f.id())
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM memberships WHERE facility_id = ?").param(id).update();
        jdbc.sql("DELETE FROM facilities WHERE id = ?").param(id).update();
    }

    List<Member> members(UUID facilityId) {
        return jdbc.sql("SELECT u.id, u.email, u.display_name, m.role FROM memberships m"
                        + " JOIN users u ON u.id = m.user_id WHERE m.facility_id = ? ORDER BY u.email")
                .param(facilityId)
                .query((rs, n) -> new Member(
                        rs.getObject("id", UUID.class),
                        rs.getString("email"),
                        rs.getString("display_name"),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    public void addMember(UUID facilityId, UUID userId, Role role) {
        jdbc.sql("INSERT INTO memberships (facility_id, user_id, role) VALUES (?, ?, ?)")
                .params(facilityId, userId, role.name())
                .update();
    }

    void setRole(UUID facilityId, UUID userId, Role role) {
        jdbc.sql("UPDATE memberships SET role = ? WHERE facility_id = ? AND user_id = ?")
                .params(role.name(), facilityId, userId)
                .update();
    }

    void removeMember(UUID facilityId, UUID userId) {
        jdbc.sql("DELETE FROM memberships WHERE facility_id = ? AND user_id = ?")
                .params(facilityId, userId)
                .update();
    }

    long admins(UUID facilityId) {
        return jdbc.sql("SELECT COUNT(*) FROM memberships WHERE facility_id = ? AND role = 'ADMIN'")
                .param(facilityId)
                .query(Long.class)
                .single();
    }

    private static Facility map(ResultSet rs) throws SQLException {
        return new Facility(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("location"),
                (Double) rs.getObject("latitude", Double.class),
                (Double) rs.getObject("longitude", Double.class),
                rs.getDouble("area_m2"),
                rs.getString("crop"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
