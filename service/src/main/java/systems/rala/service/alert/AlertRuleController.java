package systems.rala.service.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.inventory.References;
import systems.rala.service.inventory.SensorKind;
import systems.rala.service.web.ApiException;

/** A facility's alert rules: viewers read them, admins change them. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/alert-rules")
@Transactional
class AlertRuleController {

    private final AlertRuleRepository rules;
    private final References references;
    private final FacilityAccess access;
    private final Clock clock;
    private final AuditLog audit;

    AlertRuleController(
            AlertRuleRepository rules, References references, FacilityAccess access, Clock clock, AuditLog audit) {
        this.rules = rules;
        this.references = references;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @param sensorKind a sensor kind's wire name, e.g. {@code air_temperature}
     * @param zoneId one zone of this facility, or left out for all of them
     * @param minThreshold lower limit in the kind's canonical unit (at least one of the two is required)
     * @param maxThreshold upper limit in the kind's canonical unit
     * @param enabled left out, true
     */
    record RuleBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String sensorKind,
            UUID zoneId,
            Double minThreshold,
            Double maxThreshold,
            @NotNull String severity,
            Boolean enabled) {}

    /** @param unit the unit of both thresholds: the sensor kind's canonical unit */
    record RuleView(
            UUID id,
            String name,
            String sensorKind,
            String unit,
            UUID zoneId,
            Double minThreshold,
            Double maxThreshold,
            Severity severity,
            boolean enabled,
            OffsetDateTime createdAt) {
        static RuleView of(AlertRule r) {
            return new RuleView(
                    r.id(),
                    r.name(),
                    r.sensorKind().wireName(),
                    r.sensorKind().unit(),
                    r.zoneId(),
                    r.minThreshold(),
                    r.maxThreshold(),
                    r.severity(),
                    r.enabled(),
                    r.createdAt());
        }
    }

    @GetMapping
    List<RuleView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        return rules.list(id).stream().map(RuleView::of).toList();
    }

    @PostMapping
    ResponseEntity<RuleView> create(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody RuleBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        AlertRule r =
                rule(UUID.randomUUID(), id, body, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        rules.insert(r);
        audit.record(caller.id(), id, "alert-rule.created", describe(r));
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/alert-rules/" + r.id()))
                .body(RuleView.of(r));
    }

    @GetMapping("/{ruleId}")
    RuleView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID ruleId) {
        access.require(id, caller.id(), Role.VIEWER);
        return RuleView.of(existing(id, ruleId));
    }

    @PutMapping("/{ruleId}")
    RuleView update(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID ruleId,
            @Valid @RequestBody RuleBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        AlertRule r = rule(ruleId, id, body, existing(id, ruleId).createdAt());
        rules.update(r);
        audit.record(caller.id(), id, "alert-rule.updated", describe(r));
        return RuleView.of(r);
    }

    @DeleteMapping("/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID ruleId) {
        access.require(id, caller.id(), Role.ADMIN);
        AlertRule r = existing(id, ruleId);
        rules.delete(id, ruleId);
        audit.record(caller.id(), id, "alert-rule.deleted", describe(r));
    }

    private AlertRule rule(UUID ruleId, UUID facilityId, RuleBody body, OffsetDateTime createdAt) {
        SensorKind kind = Invalid.sensorKind("sensorKind", body.sensorKind());
        Severity severity = Invalid.enumValue("severity", body.severity(), Severity.class);
        if (body.minThreshold() == null && body.maxThreshold() == null) {
            throw new Invalid.Field("minThreshold", "minThreshold, maxThreshold or both are required");
        }
        Invalid.ordered("minThreshold", body.minThreshold(), "maxThreshold", body.maxThreshold());
        references.zone(facilityId, "zoneId", body.zoneId());
        String name = body.name().strip();
        if (rules.nameTaken(facilityId, name, ruleId)) {
            throw new ApiException.Conflict("name", "another alert rule of this facility has this name");
        }
        return new AlertRule(
                ruleId,
                facilityId,
                name,
                kind,
                body.zoneId(),
                body.minThreshold(),
                body.maxThreshold(),
                severity,
                body.enabled() == null || body.enabled(),
                createdAt);
    }

    private AlertRule existing(UUID facilityId, UUID ruleId) {
        return rules.find(facilityId, ruleId).orElseThrow(() -> new ApiException.NotFound("alert rule"));
    }

    private static String describe(AlertRule r) {
        return r.id() + " " + r.name() + ": " + r.sensorKind().wireName() + " outside [" + r.minThreshold() + ", "
                + r.maxThreshold() + "] " + r.sensorKind().unit() + " -> " + r.severity()
                + (r.enabled() ? "" : " (disabled)");
    }
}
