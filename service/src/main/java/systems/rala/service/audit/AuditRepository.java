package systems.rala.service.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import systems.rala.service.web.Page;

/** Reads the audit log, newest first. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who acted: the e-mail is {@code null} when the account is gone. */
    record Actor(UUID id, String email) {}

    /**
     * One entry.
     *
     * @param clientAddress the client's IP address, or {@code null} for events outside a request
     * @param outcome {@code success}, {@code denied} or {@code failed}
     */
    record Entry(
            UUID id,
            OffsetDateTime at,
            Actor actor,
            UUID facilityId,
            String action,
            String detail,
            String outcome,
            String clientAddress) {}

    /**
     * A query's filters; each {@code null} filter matches everything.
     *
     * @param from earliest time, inclusive
     * @param to latest time, exclusive
     */
    record Filter(UUID facility, UUID actor, String action, OffsetDateTime from, OffsetDateTime to) {}

    Page<Entry> find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.facility() != null) {
            where.append(" AND a.facility_id = ?");
            params.add(filter.facility());
        }
        if (filter.actor() != null) {
            where.append(" AND a.actor_id = ?");
            params.add(filter.actor());
        }
        if (filter.action() != null) {
            where.append(" AND a.action = ?");
            params.add(filter.action());
        }
        if (filter.from() != null) {
            where.append(" AND a.at >= ?");
            params.add(filter.from());
        }
        if (filter.to() != null) {
            where.append(" AND a.at < ?");
            params.add(filter.to());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_log a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(size);
        paged.add(Page.offset(page, size));
        List<Entry> items = jdbc.sql("SELECT a.*, u.email FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id"
                        + where
                        + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?")
                .params(paged)
                .query((rs, n) -> {
                    UUID actor = rs.getObject("actor_id", UUID.class);
                    return new Entry(
                            rs.getObject("id", UUID.class),
                            rs.getObject("at", OffsetDateTime.class),
                            actor == null ? null : new Actor(actor, rs.getString("email")),
                            rs.getObject("facility_id", UUID.class),
                            rs.getString("action"),
                            rs.getString("detail"),
                            rs.getString("outcome"),
                            rs.getString("client_address"));
                })
                .list();
        return new Page<>(items, page, size, total);
    }
}
