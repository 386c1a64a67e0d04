package systems.rala.service.twin;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What-if runs of the twin: operators submit and cancel, viewers read state, progress and results. A
 * submission is checked in full before it is queued (400 naming each field at fault) and answered 202.
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/twin/jobs")
class TwinJobController {

    private final FacilityAccess access;
    private final ScenarioPlanner planner;
    private final TwinJobs runner;
    private final TwinJobRepository jobs;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    TwinJobController(
            FacilityAccess access,
            ScenarioPlanner planner,
            TwinJobs runner,
            TwinJobRepository jobs,
            AuditLog audit,
            Clock clock,
            ObjectMapper json) {
        this.access = access;
        this.planner = planner;
        this.runner = runner;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * A job as the API shows it. {@code result}: once SUCCEEDED, {@code controller} (and {@code baseline},
     * the rule-based controller on the same episode, when the controller is a policy), each with the
     * return, steps, the environment's KPIs and the reward's terms.
     */
    record JobView(
            UUID id,
            TwinJob.State state,
            double progress,
            JsonNode scenario,
            JsonNode result,
            String error,
            UUID requestedBy,
            OffsetDateTime createdAt,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    @PostMapping
    ResponseEntity<JobView> submit(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestBody ScenarioPlanner.ScenarioBody body) {
        access.require(id, caller.id(), Role.OPERATOR);
        ScenarioPlanner.Plan plan = planner.plan(id, body);
        TwinJob job = new TwinJob(
                UUID.randomUUID(),
                id,
                caller.id(),
                json.writeValueAsString(plan.scenario()),
                TwinJob.State.QUEUED,
                0,
                null,
                null,
                now(),
                null,
                null);
        jobs.insert(job);
        runner.submit(job, plan);
        Map<String, Object> s = plan.scenario();
        audit.record(
                caller.id(),
                id,
                "twin.job.submitted",
                job.id() + ": " + s.get("environment") + ", " + s.get("controller") + ", " + s.get("periodDays")
                        + " d from " + (s.get("start") == null ? "a seeded day" : s.get("start")) + ", seed "
                        + s.get("seed"));
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/facilities/" + id + "/twin/jobs/" + job.id()))
                .body(view(job));
    }

    @GetMapping
    List<JobView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        return jobs.list(id).stream().map(this::view).toList();
    }

    @GetMapping("/{jid}")
    JobView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID jid) {
        access.require(id, caller.id(), Role.VIEWER);
        return view(existing(id, jid));
    }

    /** QUEUED or RUNNING → CANCELLED at once (its worker stops within a step); 409 if already finished. */
    @PostMapping("/{jid}/cancel")
    JobView cancel(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID jid) {
        access.require(id, caller.id(), Role.OPERATOR);
        TwinJob before = existing(id, jid);
        if (!jobs.cancel(id, jid, now())) {
            throw new ApiException.Conflict(
                    "state",
                    "the job has finished (" + existing(id, jid).state()
                            + "); only a queued or running job can be cancelled");
        }
        runner.cancelled(jid);
        audit.record(caller.id(), id, "twin.job.cancelled", jid + " (was " + before.state() + ")");
        return view(existing(id, jid));
    }

    private TwinJob existing(UUID facilityId, UUID jid) {
        return jobs.find(facilityId, jid).orElseThrow(() -> new ApiException.NotFound("twin job"));
    }

    private JobView view(TwinJob j) {
        return new JobView(
                j.id(),
                j.state(),
                j.progress(),
                json.readTree(j.scenarioJson()),
                j.kpisJson() == null ? null : json.readTree(j.kpisJson()),
                j.error(),
                j.requestedBy(),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
