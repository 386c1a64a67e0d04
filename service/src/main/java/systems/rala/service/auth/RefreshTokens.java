package systems.rala.service.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.config.RalaProperties;
import systems.rala.service.web.ApiException;

/**
 * Opaque refresh tokens that rotate on every use. Each login starts a family; using a token marks it used and
 * issues the next of the family. A token presented a second time means two parties hold it, so the whole
 * family is revoked (OAuth 2.0 Security BCP, RFC 9700 §4.14.2). Only SHA-256 digests are stored.
 */
@Component
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);

    private final JdbcClient jdbc;
    private final RalaProperties props;
    private final Clock clock;
    private final AuditLog audit;

    RefreshTokens(JdbcClient jdbc, RalaProperties props, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.props = props;
        this.clock = clock;
        this.audit = audit;
    }

    private record Row(
            UUID id,
            UUID familyId,
            UUID userId,
            OffsetDateTime expiresAt,
            OffsetDateTime usedAt,
            OffsetDateTime revokedAt) {
        static Row map(ResultSet rs, int n) throws SQLException {
            return new Row(
                    rs.getObject("id", UUID.class),
                    rs.getObject("family_id", UUID.class),
                    rs.getObject("user_id", UUID.class),
                    rs.getObject("expires_at", OffsetDateTime.class),
                    rs.getObject("used_at", OffsetDateTime.class),
                    rs.getObject("revoked_at", OffsetDateTime.class));
        }
    }

    /** The user and the next token of a successful rotation. */
    record Rotated(UUID userId, String next) {}

    /** Starts a new family (a login) and returns its first token. */
    String startFamily(UUID userId) {
        return issue(userId, UUID.randomUUID());
    }

    /**
     * Spends {@code presented} and returns the next token of its family.
     *
     * @throws ApiException.Unauthorized when the token is unknown, expired, revoked or already used; in the
     *     last two cases the whole family is revoked first
     */
    Rotated rotate(String presented) {
        Row row = find(presented).orElseThrow(() -> new ApiException.Unauthorized("invalid refresh token"));
        OffsetDateTime now = now();
        if (row.usedAt() != null || row.revokedAt() != null) {
            revokeFamily(row.familyId());
            log.warn("Refresh token reused: revoked token family {} of user {}", row.familyId(), row.userId());
            audit.record(
                    row.userId(),
                    null,
                    "refresh.reused",
                    "revoked token family " + row.familyId(),
                    AuditLog.Outcome.DENIED);
            throw new ApiException.Unauthorized("invalid refresh token");
        }
        if (!now.isBefore(row.expiresAt())) {
            throw new ApiException.Unauthorized("invalid refresh token");
        }
        int spent = jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL"
                        + " AND revoked_at IS NULL")
                .params(now, row.id())
                .update();
        if (spent != 1) {
            // a concurrent request spent it first: the same token was presented twice
            revokeFamily(row.familyId());
            throw new ApiException.Unauthorized("invalid refresh token");
        }
        return new Rotated(row.userId(), issue(row.userId(), row.familyId()));
    }

    /** Logout: revokes the family of {@code presented}, if it is one of ours. */
    void revoke(String presented) {
        find(presented).ifPresent(row -> {
            revokeFamily(row.familyId());
            audit.record(row.userId(), null, "logout", null);
        });
    }

    /**
     * Ends every session of {@code userId}: all its refresh-token families are revoked (a password change).
     *
     * @return how many tokens were revoked
     */
    int revokeAll(UUID userId) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(now(), userId)
                .update();
    }

    private Optional<Row> find(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM refresh_tokens WHERE token_hash = ?")
                .param(OpaqueTokens.digest(presented))
                .query(Row::map)
                .optional();
    }

    private void revokeFamily(UUID familyId) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(now(), familyId)
                .update();
    }

    private String issue(UUID userId, UUID familyId) {
        String token = OpaqueTokens.generate();
        OffsetDateTime now = now();
        jdbc.sql("INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        familyId,
                        userId,
                        OpaqueTokens.digest(token),
                        now,
                        now.plus(props.auth().refreshTokenTtl()))
                .update();
        return token;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
