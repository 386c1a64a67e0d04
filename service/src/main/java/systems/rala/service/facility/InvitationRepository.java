package systems.rala.service.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invitations to facilities; the token is only ever looked up by its SHA-256. */
@Repository
class InvitationRepository {

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation as stored, without its token (which is not stored). */
    record Invitation(
            UUID id,
            UUID facilityId,
            String email,
            Role role,
            UUID invitedBy,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime acceptedAt,
            UUID acceptedBy,
            OffsetDateTime revokedAt) {

        /** {@code accepted}, {@code revoked}, {@code expired} or {@code pending} at {@code now}. */
        String status(OffsetDateTime now) {
            if (acceptedAt != null) {
                return "accepted";
            }
            if (revokedAt != null) {
                return "revoked";
            }
            return now.isBefore(expiresAt) ? "pending" : "expired";
        }
    }

    void insert(Invitation i, String tokenHash) {
        jdbc.sql(
                        "INSERT INTO invitations (id, facility_id, email, role, token_hash, invited_by, created_at, expires_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        i.id(),
                        i.facilityId(),
                        i.email(),
                        i.role().name(),
                        tokenHash,
                        i.invitedBy(),
                        i.createdAt(),
                        i.expiresAt())
                .update();
    }

    Optional<Invitation> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT * FROM invitations WHERE token_hash = ?")
                .param(tokenHash)
                .query(InvitationRepository::map)
                .optional();
    }

    Optional<Invitation> find(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM invitations WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query(InvitationRepository::map)
                .optional();
    }

    /** The facility's invitations, newest first. */
    List<Invitation> ofFacility(UUID facilityId) {
        return jdbc.sql("SELECT * FROM invitations WHERE facility_id = ? ORDER BY created_at DESC, id")
                .param(facilityId)
                .query(InvitationRepository::map)
                .list();
    }

    /** Revokes the invitations to {@code email} still open at {@code now}; returns how many. */
    int revokeOpen(UUID facilityId, String email, OffsetDateTime now) {
        return jdbc.sql("UPDATE invitations SET revoked_at = ? WHERE facility_id = ? AND email = ?"
                        + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?")
                .params(now, facilityId, email, now)
                .update();
    }

    /** Revokes one invitation unless it was accepted or revoked already; true when this call revoked it. */
    boolean revoke(UUID id, OffsetDateTime now) {
        return jdbc.sql("UPDATE invitations SET revoked_at = ? WHERE id = ? AND accepted_at IS NULL"
                                + " AND revoked_at IS NULL")
                        .params(now, id)
                        .update()
                == 1;
    }

    /**
     * Marks the invitation accepted by {@code userId}, if it is still open at {@code now}. Only one of two
     * concurrent acceptances succeeds.
     */
    boolean accept(UUID id, UUID userId, OffsetDateTime now) {
        return jdbc.sql("UPDATE invitations SET accepted_at = ?, accepted_by = ? WHERE id = ?"
                                + " AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?")
                        .params(now, userId, id, now)
                        .update()
                == 1;
    }

    private static Invitation map(ResultSet rs, int n) throws SQLException {
        return new Invitation(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getString("email"),
                Role.valueOf(rs.getString("role")),
                rs.getObject("invited_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("accepted_at", OffsetDateTime.class),
                rs.getObject("accepted_by", UUID.class),
                rs.getObject("revoked_at", OffsetDateTime.class));
    }
}
