package systems.rala.service.twin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What-if jobs. Each state change is a conditional update on the state it leaves, so a job cancelled while
 * it runs stays cancelled whatever its worker writes afterwards.
 */
@Repository
class TwinJobRepository {

    /** Jobs listed per facility, newest first. */
    static final int LIST_LIMIT = 200;

    private final JdbcClient jdbc;

    TwinJobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TwinJob j) {
        jdbc.sql("INSERT INTO twin_jobs (id, facility_id, requested_by, scenario, state, progress, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        j.id(),
                        j.facilityId(),
                        j.requestedBy(),
                        j.scenarioJson(),
                        j.state().name(),
                        j.progress(),
                        j.createdAt())
                .update();
    }

    Optional<TwinJob> find(UUID facilityId, UUID id) {
        return jdbc.sql("SELECT * FROM twin_jobs WHERE facility_id = ? AND id = ?")
                .params(facilityId, id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<TwinJob> list(UUID facilityId) {
        return jdbc.sql("SELECT * FROM twin_jobs WHERE facility_id = ? ORDER BY created_at DESC, id LIMIT "
                        + LIST_LIMIT)
                .param(facilityId)
                .query((rs, n) -> map(rs))
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM twin_jobs WHERE id = ?").param(id).update();
    }

    /** QUEUED → RUNNING; false if it is no longer queued (cancelled, or its facility deleted). */
    boolean start(UUID id, OffsetDateTime at) {
        return jdbc.sql("UPDATE twin_jobs SET state = 'RUNNING', started_at = ? WHERE id = ? AND state = 'QUEUED'")
                        .params(at, id)
                        .update()
                > 0;
    }

    /** Records progress of a RUNNING job; false if it is no longer running (cancelled). */
    boolean progress(UUID id, double progress) {
        return jdbc.sql("UPDATE twin_jobs SET progress = ? WHERE id = ? AND state = 'RUNNING'")
                        .params(progress, id)
                        .update()
                > 0;
    }

    boolean succeed(UUID id, String kpisJson, OffsetDateTime at) {
        return jdbc.sql("UPDATE twin_jobs SET state = 'SUCCEEDED', progress = 1, kpis = ?, finished_at = ?"
                                + " WHERE id = ? AND state = 'RUNNING'")
                        .params(kpisJson, at, id)
                        .update()
                > 0;
    }

    boolean fail(UUID id, String error, OffsetDateTime at) {
        return jdbc.sql("UPDATE twin_jobs SET state = 'FAILED', error = ?, finished_at = ?"
                                + " WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")
                        .params(cut(error), at, id)
                        .update()
                > 0;
    }

    /** QUEUED or RUNNING → CANCELLED; false if the job had already finished. */
    boolean cancel(UUID facilityId, UUID id, OffsetDateTime at) {
        return jdbc.sql("UPDATE twin_jobs SET state = 'CANCELLED', finished_at = ?"
                                + " WHERE facility_id = ? AND id = ? AND state IN ('QUEUED', 'RUNNING')")
                        .params(at, facilityId, id)
                        .update()
                > 0;
    }

    /**
     * Marks every job still QUEUED or RUNNING as FAILED: called when the service starts, when no job of
     * this process can be running (jobs live in the memory of the process that took them).
     *
     * @return jobs marked
     */
    int failUnfinished(OffsetDateTime at) {
        int running = jdbc.sql("UPDATE twin_jobs SET state = 'FAILED', finished_at = ?, error = ?"
                        + " WHERE state = 'RUNNING'")
                .params(at, "the service stopped while the job was running")
                .update();
        int queued = jdbc.sql(
                        "UPDATE twin_jobs SET state = 'FAILED', finished_at = ?, error = ?" + " WHERE state = 'QUEUED'")
                .params(at, "the service stopped before the job started")
                .update();
        return running + queued;
    }

    private static String cut(String s) {
        return s == null ? null : s.substring(0, Math.min(s.length(), 1000));
    }

    private static TwinJob map(ResultSet rs) throws SQLException {
        return new TwinJob(
                rs.getObject("id", UUID.class),
                rs.getObject("facility_id", UUID.class),
                rs.getObject("requested_by", UUID.class),
                rs.getString("scenario"),
                TwinJob.State.valueOf(rs.getString("state")),
                rs.getDouble("progress"),
                rs.getString("kpis"),
                rs.getString("error"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class),
                rs.getObject("finished_at", OffsetDateTime.class));
    }
}
