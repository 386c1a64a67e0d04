package systems.rala.service.twin;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A what-if job as stored.
 *
 * @param scenarioJson the resolved scenario ({@link ScenarioPlanner.Plan#scenario()}) as JSON
 * @param progress share of the simulated steps done, 0..1
 * @param kpisJson the results once SUCCEEDED ({@link TwinJobs.Outcome}) as JSON, else null
 * @param error why it FAILED, else null
 */
record TwinJob(
        UUID id,
        UUID facilityId,
        UUID requestedBy,
        String scenarioJson,
        State state,
        double progress,
        String kpisJson,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt) {

    enum State {
        QUEUED,
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED;

        boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }
}
