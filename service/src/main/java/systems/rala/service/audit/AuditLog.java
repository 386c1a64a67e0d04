package systems.rala.service.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import systems.rala.service.web.ClientAddress;

/**
 * Appends to the audit log. Each entry commits on its own, so a failed login or a detected token replay is
 * recorded even though the request that caused it fails and rolls back. The client address is taken from the
 * request being served, so callers need not pass it.
 */
@Component
public class AuditLog {

    /** How an audited attempt ended. */
    public enum Outcome {
        /** it was done */
        SUCCESS,
        /** it was refused by a rule: a rate limit, a replayed token */
        DENIED,
        /** it failed on the caller's input: a wrong password */
        FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClientAddress clientAddress;
    private final MeterRegistry meters;

    AuditLog(JdbcClient jdbc, Clock clock, ClientAddress clientAddress, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clientAddress = clientAddress;
        this.meters = meters;
    }

    /** Records a successful action; see {@link #record(UUID, UUID, String, String, Outcome)}. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID actor, UUID facility, String action, String detail) {
        record(actor, facility, action, detail, Outcome.SUCCESS);
    }

    /**
     * @param actor the account that acted, or {@code null} when unknown (a failed login)
     * @param facility the facility acted on, or {@code null}
     * @param action a stable dotted name, e.g. {@code login.failed}
     * @param detail free text without secrets, cut to 500 characters
     * @param outcome how it ended
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UUID actor, UUID facility, String action, String detail, Outcome outcome) {
        String text = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
        String address = clientAddress
                .ofCurrentRequest()
                .map(a -> a.substring(0, Math.min(a.length(), 45)))
                .orElse(null);
        jdbc.sql("INSERT INTO audit_log (id, at, actor_id, facility_id, action, detail, client_address, outcome)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        actor,
                        facility,
                        action,
                        text,
                        address,
                        outcome.column())
                .update();
        Counter.builder("rala.audit.events")
                .description("Audit-log entries written, by action and outcome")
                .tag("action", action)
                .tag("outcome", outcome.column())
                .register(meters)
                .increment();
    }
}
