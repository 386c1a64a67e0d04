package systems.rala.service.twin;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs what-if jobs in the background on a bounded pool ({@code rala.twin.pool-size} threads and a queue of
 * {@code rala.twin.queue-capacity}); a submission beyond both is refused with 503. A job's row is the
 * source of truth: the worker moves it QUEUED → RUNNING → SUCCEEDED or FAILED with conditional updates, and
 * a cancellation moves it to CANCELLED at once, which the worker notices at its next step (in memory) or
 * its next progress update (in the database). Jobs live in this process's memory, so jobs left QUEUED or
 * RUNNING by a previous run of the service are marked FAILED when it starts.
 */
@Component
@EnableConfigurationProperties(TwinProperties.class)
class TwinJobs {

    private static final Logger log = LoggerFactory.getLogger(TwinJobs.class);
    /** Least time between two progress writes of one job, ms. */
    private static final long PROGRESS_INTERVAL_MS = 250;

    /**
     * What a finished job found.
     *
     * @param controller the scenario's controller
     * @param baseline the rule-based controller on the same episode, when the controller is a policy
     */
    record Outcome(TwinRun.Result controller, TwinRun.Result baseline) {}

    private final TwinJobRepository jobs;
    private final ObjectMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, Task> tasks = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    TwinJobs(TwinJobRepository jobs, TwinProperties props, ObjectMapper json, Clock clock) {
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
        BlockingQueue<Runnable> queue = props.queueCapacity() == 0
                ? new SynchronousQueue<>()
                : new LinkedBlockingQueue<>(props.queueCapacity());
        this.executor =
                new ThreadPoolExecutor(props.poolSize(), props.poolSize(), 0, TimeUnit.MILLISECONDS, queue, threads());
        int failed = jobs.failUnfinished(now());
        if (failed > 0) {
            log.warn("{} what-if job(s) left unfinished by the previous run of the service marked FAILED", failed);
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rala-twin-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Queues {@code job} (already stored as QUEUED) to run {@code plan}.
     *
     * @throws TwinProblems.Busy if every worker is busy and the queue is full; the job is then removed
     */
    void submit(TwinJob job, ScenarioPlanner.Plan plan) {
        Task task = new Task(job.id(), plan);
        tasks.put(job.id(), task);
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            tasks.remove(job.id());
            jobs.delete(job.id());
            throw new TwinProblems.Busy("every what-if worker is busy and the queue of "
                    + executor.getQueue().size() + " job(s) is full; try again later");
        }
    }

    /** Stops the job's worker if this process runs it (its row is already CANCELLED). */
    void cancelled(UUID id) {
        Task task = tasks.get(id);
        if (task != null) {
            task.cancelled.set(true);
            executor.remove(task); // frees its place in the queue if it had not started
        }
    }

    /** Jobs waiting for a worker, for diagnostics and tests. */
    int queued() {
        return executor.getQueue().size();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        stopping.set(true);
        executor.shutdownNow();
        if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("what-if workers still running after 10 s at shutdown");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** One job on a worker thread. */
    private final class Task implements Runnable {
        private final UUID id;
        private final ScenarioPlanner.Plan plan;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private long lastWrite;

        Task(UUID id, ScenarioPlanner.Plan plan) {
            this.id = id;
            this.plan = plan;
        }

        @Override
        public void run() {
            try {
                if (!cancelled.get() && jobs.start(id, now())) {
                    execute();
                }
            } finally {
                tasks.remove(id);
            }
        }

        private void execute() {
            try {
                boolean compare = plan.baselineOptions() != null;
                TwinRun.Result controller = TwinRun.run(
                        plan.env().id(),
                        plan.options(),
                        plan.controller(),
                        plan.episodeSeed(),
                        env -> plan.env().steps(env, plan.periodDays()),
                        (done, total) -> progress(compare ? 0.5 * done / total : (double) done / total));
                TwinRun.Result baseline = null;
                if (compare) {
                    baseline = TwinRun.run(
                            plan.env().id(),
                            plan.baselineOptions(),
                            TwinRun.Controller.baseline(ScenarioPlanner.RULE_BASED),
                            plan.episodeSeed(),
                            env -> plan.env().steps(env, plan.periodDays()),
                            (done, total) -> progress(0.5 + 0.5 * done / total));
                }
                jobs.succeed(id, json.writeValueAsString(new Outcome(controller, baseline)), now());
            } catch (TwinRun.Stopped e) {
                if (stopping.get()) {
                    jobs.fail(id, "the service stopped while the job was running", now());
                }
                // otherwise cancelled: the row already says so
            } catch (IOException | RuntimeException e) {
                log.warn("what-if job {} failed", id, e);
                jobs.fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), now());
            }
        }

        /** Writes progress now and then; false once the job is cancelled or the service stops. */
        private boolean progress(double share) {
            if (cancelled.get() || stopping.get() || Thread.currentThread().isInterrupted()) {
                return false;
            }
            long t = System.nanoTime() / 1_000_000;
            if (t - lastWrite >= PROGRESS_INTERVAL_MS) {
                lastWrite = t;
                // a cancellation from another instance of the service shows here
                return jobs.progress(id, Math.min(1.0, share));
            }
            return true;
        }
    }
}
