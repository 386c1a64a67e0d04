package systems.rala.service.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit log. Each entry commits on its own, so a failed login or a detected token replay is
 * recorded even though the request that caused it fails and rolls back.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actor the account that acted, or {@code null} when unknown (a failed login)
     * @param facility the facility acted on, or {@code null}
     * @param action a stable dotted name, e.g. {@code login.failed}
     * @param detail free text without secrets, cut to 500 characters
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID actor, UUID facility, String action, String detail) {
        String text = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
        jdbc.sql("INSERT INTO audit_log (id, at, actor_id, facility_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        actor,
                        facility,
                        action,
                        text)
                .update();
    }
}
