package systems.rala.service.alert;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.web.ApiException;

/** A facility's alerts: viewers read them, operators acknowledge and resolve them. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/alerts")
@Transactional
class AlertController {

    private final Alerts alerts;
    private final FacilityAccess access;
    private final AuditLog audit;

    AlertController(Alerts alerts, FacilityAccess access, AuditLog audit) {
        this.alerts = alerts;
        this.access = access;
        this.audit = audit;
    }

    /** Newest first; {@code state} and {@code severity} filter, {@code limit} (1 to 1000, default 100) caps. */
    @GetMapping
    List<Alert> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) Integer limit) {
        access.require(id, caller.id(), Role.VIEWER);
        AlertState s = state == null ? null : Invalid.enumValue("state", state, AlertState.class);
        Severity v = severity == null ? null : Invalid.enumValue("severity", severity, Severity.class);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 1000) {
            throw new Invalid.Field("limit", "must be between 1 and 1000");
        }
        return alerts.list(id, s, v, n);
    }

    @GetMapping("/{alertId}")
    Alert get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID alertId) {
        access.require(id, caller.id(), Role.VIEWER);
        return existing(id, alertId);
    }

    /** OPEN → ACKNOWLEDGED; from any other state 409. */
    @PostMapping("/{alertId}/acknowledge")
    Alert acknowledge(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID alertId) {
        return move(caller, id, alertId, AlertState.ACKNOWLEDGED, "alert.acknowledged");
    }

    /** OPEN or ACKNOWLEDGED → RESOLVED; a resolved alert answers 409. */
    @PostMapping("/{alertId}/resolve")
    Alert resolve(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID alertId) {
        return move(caller, id, alertId, AlertState.RESOLVED, "alert.resolved");
    }

    private Alert move(CurrentUser caller, UUID id, UUID alertId, AlertState to, String action) {
        access.require(id, caller.id(), Role.OPERATOR);
        Alert before = existing(id, alertId);
        Alert after = alerts.move(id, alertId, to, caller.id())
                .orElseThrow(() -> new ApiException.Conflict(
                        "state",
                        "an alert that is " + existing(id, alertId).state() + " cannot become " + to
                                + " (OPEN -> ACKNOWLEDGED -> RESOLVED, or OPEN -> RESOLVED)"));
        audit.record(caller.id(), id, action, alertId + " " + before.kind() + " " + before.state() + " -> " + to);
        return after;
    }

    private Alert existing(UUID facilityId, UUID alertId) {
        return alerts.find(facilityId, alertId).orElseThrow(() -> new ApiException.NotFound("alert"));
    }
}
