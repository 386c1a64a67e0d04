package systems.rala.service.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import systems.rala.service.web.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job runner on the service's own migrations (H2, PostgreSQL mode, in memory): jobs a stopped service
 * left unfinished, and a full pool and queue.
 */
class TwinJobsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private JdbcClient jdbc;
    private TwinJobRepository repo;
    private TwinJobs runner;
    private UUID facility;

    @BeforeEach
    void database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:twin-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        repo = new TwinJobRepository(jdbc);
        facility = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO facilities (id, name, location, area_m2, crop, created_at) VALUES (?, 'F', 'NL', 1, 'tomato', ?)")
                .params(facility, T0)
                .update();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (runner != null) {
            runner.stop();
        }
    }

    private UUID job(TwinJob.State state) {
        UUID id = UUID.randomUUID();
        repo.insert(new TwinJob(id, facility, null, "{}", TwinJob.State.QUEUED, 0, null, null, T0, null, null));
        jdbc.sql("UPDATE twin_jobs SET state = ? WHERE id = ?")
                .params(state.name(), id)
                .update();
        return id;
    }

    private TwinJobs start(int pool, int queue) {
        runner = new TwinJobs(
                repo,
                new TwinProperties(pool, queue, 60),
                JsonMapper.builder().build(),
                Clock.fixed(Instant.parse("2025-03-02T08:00:00Z"), ZoneOffset.UTC));
        return runner;
    }

    @Test
    void jobsLeftUnfinishedByAStoppedServiceAreMarkedFailedWithTheReason() {
        UUID running = job(TwinJob.State.RUNNING);
        UUID queued = job(TwinJob.State.QUEUED);
        UUID done = job(TwinJob.State.SUCCEEDED);
        UUID cancelled = job(TwinJob.State.CANCELLED);
        start(1, 1);
        TwinJob r = repo.find(facility, running).orElseThrow();
        assertThat(r.state()).isEqualTo(TwinJob.State.FAILED);
        assertThat(r.error()).isEqualTo("the service stopped while the job was running");
        assertThat(r.finishedAt()).isEqualTo(OffsetDateTime.parse("2025-03-02T08:00:00Z"));
        assertThat(repo.find(facility, queued).orElseThrow().error())
                .isEqualTo("the service stopped before the job started");
        assertThat(repo.find(facility, done).orElseThrow().state()).isEqualTo(TwinJob.State.SUCCEEDED);
        assertThat(repo.find(facility, cancelled).orElseThrow().state()).isEqualTo(TwinJob.State.CANCELLED);
    }

    /** One worker, no queue: a second job while the first runs is refused with 503 and not kept. */
    @Test
    void aSubmissionBeyondThePoolAndQueueIsRefusedAndNotKept() throws InterruptedException {
        TwinJobs jobs = start(1, 0);
        // 60 tomato days at 900 s steps: 5 760 steps, seconds of work, so it is still running below
        ScenarioPlanner.Plan plan = new ScenarioPlanner.Plan(
                TwinEnvironment.TOMATO,
                60,
                TwinRun.episodeSeed(0),
                TwinEnvironment.TOMATO.options("10-01", 60, "amsterdam", "validation"),
                TwinRun.Controller.baseline("rule-based"),
                null,
                Map.of());
        UUID first = job(TwinJob.State.QUEUED);
        jobs.submit(repo.find(facility, first).orElseThrow(), plan);
        awaitState(first, TwinJob.State.RUNNING);
        UUID second = job(TwinJob.State.QUEUED);
        assertThatThrownBy(() -> jobs.submit(repo.find(facility, second).orElseThrow(), plan))
                .isInstanceOf(TwinProblems.Busy.class)
                .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
        assertThat(repo.find(facility, second)).isEmpty();
        // cancelling the first frees the worker: its row says CANCELLED at once, and stays so
        assertThat(repo.cancel(facility, first, T0)).isTrue();
        jobs.cancelled(first);
        UUID third = job(TwinJob.State.QUEUED);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                jobs.submit(repo.find(facility, third).orElseThrow(), plan);
                break;
            } catch (TwinProblems.Busy e) {
                assertThat(System.nanoTime()).as("worker freed within 10 s").isLessThan(deadline);
                third = job(TwinJob.State.QUEUED);
                Thread.sleep(20);
            }
        }
        assertThat(repo.find(facility, first).orElseThrow().state()).isEqualTo(TwinJob.State.CANCELLED);
        awaitState(third, TwinJob.State.RUNNING);
        repo.cancel(facility, third, T0);
        jobs.cancelled(third);
    }

    private void awaitState(UUID id, TwinJob.State state) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (repo.find(facility, id).orElseThrow().state() != state) {
            assertThat(System.nanoTime()).as(id + " reaches " + state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
