package systems.rala.service.policy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Policy versions, their version counters and their aliases. Every query is scoped to one facility. */
@Repository
class PolicyRepository {

    private static final String ALIAS_SELECT = "SELECT a.name, a.alias, a.policy_id, p.version, a.updated_by,"
            + " a.updated_at FROM policy_aliases a JOIN policies p ON p.id = a.policy_id";

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An alias and the version it points at. */
    record Alias(String name, String alias, UUID policyId, int version, UUID updatedBy, OffsetDateTime updatedAt) {}

    /**
     * The next version number of {@code name} in the facility. Counting in a row of its own (locked by the
     * update until the transaction ends) keeps concurrent uploads from taking the same number and keeps a
     * deleted version's number from being handed out again.
     */
    int nextVersion(UUID facilityId, String name) {
        int updated = jdbc.sql(
                        "UPDATE policy_names SET last_version = last_version + 1 WHERE facility_id = ? AND name = ?")
                .params(facilityId, name)
                .update();
        if (updated == 0) {
            // a concurrent first upload of the same name makes this insert fail on the primary key; the
            // caller's transaction then rolls back and the client may retry
            jdbc.sql("INSERT INTO policy_names (facility_id, name, last_version) VALUES (?, ?, 1)")
                    .params(facilityId, name)
                    .update();
            return 1;
        }
        return jdbc.sql("SELECT last_version FROM policy_names WHERE facility_id = ? AND name = ?")
                .params(facilityId, name)
                .query(Integer.class)
                .single();
    }

    void insert(PolicyVersion p) {
        jdbc.sql("INSERT INTO policies (id, facility_id, name, version, sha256, size_bytes, manifest, env_id,"
                        + " observation_size, action_size, uploaded_by, uploaded_at, storage_path)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        p.id(),
                        p.facilityId(),
                        p.name(),
                        p.version(),
                        p.sha256(),
                        p.sizeBytes(),
                        p.manifestJson(),
                        p.envId(),
                        p.observationSize(),
                        p.actionSize(),
                        p.uploadedBy(),
                        p.uploadedAt(),
                        p.storagePath())
                .update();
    }

    List<PolicyVersion> list(UUID facilityId, String name) {
        if (name == null) {
            return jdbc.sql("SELECT * FROM policies WHERE facility_id = ? ORDER BY name, version DESC")
                    .param(facilityId)
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return jdbc.sql("SELECT * FROM policies WHERE facility_id = ? AND name = ? ORDER BY version DESC")
                .params(facilityId, name)
                .query((rs, n) -> map(rs))
                .list();
    }

    Optional<PolicyVersion> find(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM policies WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<PolicyVersion> find(UUID facilityId, String name, int version) {
        return jdbc.sql("SELECT * FROM policies WHERE facility_id = ? AND name = ? AND version = ?")
                .params(facilityId, name, version)
                .query((rs, n) -> map(rs))
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM policies WHERE id = ?").param(id).update();
    }

    /** Whether any version in any facility still uses the file with this digest. */
    boolean fileInUse(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM policies WHERE sha256 = ?")
                        .param(sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Alias> aliases(UUID facilityId, String name) {
        String sql = ALIAS_SELECT + " WHERE a.facility_id = ?" + (name == null ? "" : " AND a.name = ?")
                + " ORDER BY a.name, a.alias";
        return jdbc.sql(sql)
                .params(name == null ? List.of(facilityId) : List.of(facilityId, name))
                .query((rs, n) -> mapAlias(rs))
                .list();
    }

    List<Alias> aliasesOf(UUID policyId) {
        return jdbc.sql(ALIAS_SELECT + " WHERE a.policy_id = ? ORDER BY a.alias")
                .param(policyId)
                .query((rs, n) -> mapAlias(rs))
                .list();
    }

    Optional<Alias> alias(UUID facilityId, String name, String alias) {
        return jdbc.sql(ALIAS_SELECT + " WHERE a.facility_id = ? AND a.name = ? AND a.alias = ?")
                .params(facilityId, name, alias)
                .query((rs, n) -> mapAlias(rs))
                .optional();
    }

    /** Points the alias at {@code policyId}, creating it if needed. */
    void setAlias(UUID facilityId, String name, String alias, UUID policyId, UUID by, OffsetDateTime at) {
        int moved = jdbc.sql("UPDATE policy_aliases SET policy_id = ?, updated_by = ?, updated_at = ?"
                        + " WHERE facility_id = ? AND name = ? AND alias = ?")
                .params(policyId, by, at, facilityId, name, alias)
                .update();
        if (moved == 0) {
            jdbc.sql("INSERT INTO policy_aliases (facility_id, name, alias, policy_id, updated_by, updated_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(facilityId, name, alias, policyId, by, at)
                    .update();
        }
    }

    boolean deleteAlias(UUID facilityId, String name, String alias) {
        return jdbc.sql("DELETE FROM policy_aliases WHERE facility_id = ? AND name = ? AND alias = ?")
                        .params(facilityId, name, alias)
                        .update()
                > 0;
    }

    private static PolicyVersion map(ResultSet rs) throws SQLException {
        return new PolicyVersion(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getString("name"),
                rs.getInt("version"),
                rs.getString("sha256"),
                rs.getLong("size_bytes"),
                rs.getString("manifest"),
                rs.getString("env_id"),
                rs.getInt("observation_size"),
                rs.getInt("action_size"),
                rs.getObject("uploaded_by", UUID.class),
                rs.getObject("uploaded_at", OffsetDateTime.class),
                rs.getString("storage_path"));
    }

    private static Alias mapAlias(ResultSet rs) throws SQLException {
        return new Alias(
                rs.getString("name"),
                rs.getString("alias"),
                rs.getObject("policy_id", UUID.class),
                rs.getInt("version"),
                rs.getObject("updated_by", UUID.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
