package systems.rala.service.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import systems.rala.service.audit.AuditLog;

/**
 * Gateways and their credentials: a client id and a secret, both generated here. The secret is shown once,
 * when it is issued, and only its SHA-256 is stored.
 *
 * <p>Why SHA-256 and not BCrypt (which guards the users' passwords): the secret is 256 bits from {@link
 * SecureRandom}, not something a person chose, so a stolen hash cannot be reversed by guessing (2<sup>256</sup>
 * candidates) and a slow hash would add nothing; BCrypt's cost would instead be paid on every MQTT connect,
 * making the broker's authentication a cheap way to burn the service's CPU, and BCrypt reads only the first 72
 * bytes of its input. The same reasoning, and the same digest, as the refresh tokens (NIST SP 800-63B §5.1.1.2
 * asks for a slow hash only for secrets a person chooses).
 */
@Service
public class GatewayCredentials {

    /** 256-bit secrets [bytes]. */
    static final int SECRET_BYTES = 32;

    /** Longest secret worth hashing: ours are 43 characters of base64url. */
    private static final int MAX_SECRET_LENGTH = 200;

    /** Digest compared against when the client id is unknown, so both failures cost the same. */
    private static final byte[] NO_SUCH_GATEWAY = new byte[32];

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    GatewayCredentials(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A gateway and the secret just issued to it; the only time the secret exists outside the gateway. */
    public record Issued(Gateway gateway, String secret) {}

    /**
     * Registers a gateway with a fresh client id and secret. The caller checks the name is free in the facility.
     */
    @Transactional
    public Issued register(UUID facilityId, String name) {
        OffsetDateTime now = now();
        String secret = newSecret();
        // 80 random bits: a clash of client ids (UNIQUE, so it would fail loudly) is not expected in the life of
        // the universe; the name is checked by the caller
        Gateway g = new Gateway(UUID.randomUUID(), facilityId, name, newClientId(), now, null, now);
        jdbc.sql("INSERT INTO gateways (id, facility_id, name, client_id, secret_hash, created_at,"
                        + " credential_rotated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(g.id(), facilityId, name, g.clientId(), digest(secret), now, now)
                .update();
        return new Issued(g, secret);
    }

    /** Issues a new secret for the gateway; from now on the old one is refused. */
    @Transactional
    public Optional<Issued> rotate(UUID facilityId, UUID gatewayId) {
        String secret = newSecret();
        int n = jdbc.sql(
                        "UPDATE gateways SET secret_hash = ?, credential_rotated_at = ? WHERE facility_id = ? AND id = ?")
                .params(digest(secret), now(), facilityId, gatewayId)
                .update();
        return n == 1 ? find(facilityId, gatewayId).map(g -> new Issued(g, secret)) : Optional.empty();
    }

    /**
     * The gateway whose credentials these are, or empty. The digests are compared in constant time, and an
     * unknown client id costs the same digest and comparison as a wrong secret. A success records the gateway as
     * seen now; both outcomes are audited, like users' logins (with the client id, never the secret presented).
     */
    @Transactional
    public Optional<GatewayIdentity> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 64 || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        record Stored(UUID id, UUID facilityId, String hash) {}
        Optional<Stored> stored = jdbc.sql("SELECT id, facility_id, secret_hash FROM gateways WHERE client_id = ?")
                .param(clientId)
                .query((rs, n) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getObject("facility_id", UUID.class),
                        rs.getString("secret_hash")))
                .optional();
        byte[] expected = stored.map(s -> HexFormat.of().parseHex(s.hash())).orElse(NO_SUCH_GATEWAY);
        boolean match = MessageDigest.isEqual(expected, sha256(secret));
        if (stored.isEmpty() || !match) {
            audit.record(
                    null, stored.map(Stored::facilityId).orElse(null), "gateway.auth.failed", "client id " + clientId);
            return Optional.empty();
        }
        Stored s = stored.get();
        jdbc.sql("UPDATE gateways SET last_seen_at = ? WHERE id = ?")
                .params(now(), s.id())
                .update();
        audit.record(null, s.facilityId(), "gateway.authenticated", s.id() + " client id " + clientId);
        return Optional.of(new GatewayIdentity(s.id(), s.facilityId(), clientId));
    }

    public List<Gateway> list(UUID facilityId) {
        return jdbc.sql("SELECT * FROM gateways WHERE facility_id = ? ORDER BY name, id")
                .param(facilityId)
                .query((rs, n) -> map(rs))
                .list();
    }

    public Optional<Gateway> find(UUID facilityId, UUID gatewayId) {
        return jdbc.sql("SELECT * FROM gateways WHERE facility_id = ? AND id = ?")
                .params(facilityId, gatewayId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    boolean nameTaken(UUID facilityId, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM gateways WHERE facility_id = ? AND name = ?")
                        .params(facilityId, name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Deletes the gateway; its sensors and equipment stay, without a gateway. */
    void delete(UUID facilityId, UUID gatewayId) {
        jdbc.sql("DELETE FROM gateways WHERE facility_id = ? AND id = ?")
                .params(facilityId, gatewayId)
                .update();
    }

    private String newSecret() {
        byte[] b = new byte[SECRET_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * {@code gw-} and 20 hex digits: 23 characters, the longest client id every MQTT 3.1.1 broker must accept,
     * and a valid gateway id of the wire contract's topics. Generated rather than chosen, so a clash with another
     * tenant's gateway can neither happen by accident nor be used to learn its ids.
     */
    private String newClientId() {
        byte[] b = new byte[10];
        random.nextBytes(b);
        return "gw-" + HexFormat.of().formatHex(b);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Hex SHA-256 of the secret, as stored. */
    static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Gateway map(ResultSet rs) throws SQLException {
        return new Gateway(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getString("name"),
                rs.getString("client_id"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("last_seen_at", OffsetDateTime.class),
                rs.getObject("credential_rotated_at", OffsetDateTime.class));
    }
}
