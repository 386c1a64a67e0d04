package systems.rala.service.ingest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.user.UserService;
import systems.rala.service.web.ApiException;

/**
 * What ingestion refused, newest first: a facility's admins see their gateways' dead letters; system
 * administrators see all, including those from unknown gateways, and the ingestion counters.
 */
@RestController
class DeadLetterController {

    private final JdbcClient jdbc;
    private final FacilityAccess access;
    private final UserService users;
    private final IngestionStats stats;
    private final Ingestion ingestion;

    DeadLetterController(
            JdbcClient jdbc, FacilityAccess access, UserService users, IngestionStats stats, Ingestion ingestion) {
        this.jdbc = jdbc;
        this.access = access;
        this.users = users;
        this.stats = stats;
        this.ingestion = ingestion;
    }

    record DeadLetterView(
            UUID id,
            OffsetDateTime receivedAt,
            String topic,
            UUID facilityId,
            String gateway,
            String reason,
            String detail,
            String payload) {}

    @GetMapping("/api/v1/facilities/{id}/dead-letters")
    List<DeadLetterView> forFacility(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "100") int limit) {
        access.require(id, caller.id(), Role.ADMIN);
        return query("WHERE facility_id = ?", id, limit);
    }

    @GetMapping("/api/v1/dead-letters")
    List<DeadLetterView> all(
            @AuthenticationPrincipal CurrentUser caller, @RequestParam(defaultValue = "100") int limit) {
        requireSystemAdmin(caller);
        return query("", null, limit);
    }

    /** Ingestion's counters since the service started. */
    @GetMapping("/api/v1/ingestion/stats")
    Map<String, Object> stats(@AuthenticationPrincipal CurrentUser caller) {
        requireSystemAdmin(caller);
        Map<String, Object> rejected = new java.util.LinkedHashMap<>();
        for (Rejection r : Rejection.values()) {
            rejected.put(r.name(), stats.rejected(r).get());
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("messages", stats.messages.get());
        out.put("readingsStored", stats.readingsStored.get());
        out.put("duplicates", stats.duplicates.get());
        out.put("batches", stats.batches.get());
        out.put("storeFailures", stats.storeFailures.get());
        out.put("acknowledged", stats.acknowledged.get());
        out.put("queued", ingestion.queued());
        out.put("rejected", rejected);
        return out;
    }

    private void requireSystemAdmin(CurrentUser caller) {
        if (!users.require(caller.id()).systemAdmin()) {
            throw new ApiException.Forbidden("needs a system administrator");
        }
    }

    private List<DeadLetterView> query(String where, UUID facility, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new Invalid.Field("limit", "must be between 1 and 1000");
        }
        var statement = jdbc.sql("SELECT id, received_at, topic, facility_id, gateway, reason, detail, payload"
                + " FROM dead_letters " + where + " ORDER BY received_at DESC, id LIMIT " + limit);
        if (facility != null) {
            statement = statement.param(facility);
        }
        return statement
                .query((rs, i) -> new DeadLetterView(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }
}
