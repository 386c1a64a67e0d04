package systems.rala.service.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;

/** A facility's sensors: viewers read them, admins change them. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/sensors")
@Transactional
class SensorController {

    /** A point name as the wire contract allows it: not blank, no control characters, at most 128 characters. */
    static final String POINT = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*";

    private final InventoryRepository inventory;
    private final References references;
    private final FacilityAccess access;
    private final Clock clock;
    private final AuditLog audit;

    SensorController(
            InventoryRepository inventory, References references, FacilityAccess access, Clock clock, AuditLog audit) {
        this.inventory = inventory;
        this.references = references;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @param kind a {@link SensorKind} wire name, e.g. {@code air_temperature}
     * @param unit the kind's canonical unit in any spelling {@code Units} accepts; left out, the canonical one
     * @param min lowest value the instrument measures, in the unit (optional)
     * @param max highest value the instrument measures, in the unit (optional)
     * @param gatewayId the gateway of this facility that reports it (optional; then {@code point} is required)
     * @param point the point name it is reported under
     */
    record SensorBody(
            @NotNull UUID zoneId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String kind,
            @Size(max = 32) String unit,
            Double min,
            Double max,
            UUID gatewayId,

            @Size(max = 128) @Pattern(regexp = POINT, message = "must not be blank or hold control characters")
            String point) {}

    record SensorView(
            UUID id,
            UUID zoneId,
            String name,
            String kind,
            String unit,
            Double min,
            Double max,
            UUID gatewayId,
            String point,
            OffsetDateTime createdAt) {
        static SensorView of(Sensor s) {
            return new SensorView(
                    s.id(),
                    s.zoneId(),
                    s.name(),
                    s.kind().wireName(),
                    s.unit(),
                    s.min(),
                    s.max(),
                    s.gatewayId(),
                    s.point(),
                    s.createdAt());
        }
    }

    /** All of the facility's sensors, or those of one zone ({@code ?zoneId=}). */
    @GetMapping
    List<SensorView> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID zoneId) {
        access.require(id, caller.id(), Role.VIEWER);
        return inventory.sensors(id, zoneId).stream().map(SensorView::of).toList();
    }

    @PostMapping
    ResponseEntity<SensorView> create(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody SensorBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Sensor s = sensor(UUID.randomUUID(), id, body, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        inventory.insert(s);
        audit.record(caller.id(), id, "sensor.created", describe(s));
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/sensors/" + s.id()))
                .body(SensorView.of(s));
    }

    @GetMapping("/{sensorId}")
    SensorView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID sensorId) {
        access.require(id, caller.id(), Role.VIEWER);
        return SensorView.of(existing(id, sensorId));
    }

    @PutMapping("/{sensorId}")
    SensorView update(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID sensorId,
            @Valid @RequestBody SensorBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Sensor s = sensor(sensorId, id, body, existing(id, sensorId).createdAt());
        inventory.update(s);
        audit.record(caller.id(), id, "sensor.updated", describe(s));
        return SensorView.of(s);
    }

    @DeleteMapping("/{sensorId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID sensorId) {
        access.require(id, caller.id(), Role.ADMIN);
        Sensor s = existing(id, sensorId);
        inventory.deleteSensor(id, sensorId);
        audit.record(caller.id(), id, "sensor.deleted", describe(s));
    }

    private Sensor sensor(UUID sensorId, UUID facilityId, SensorBody body, OffsetDateTime createdAt) {
        SensorKind kind = Invalid.sensorKind("kind", body.kind());
        if (body.unit() != null && !kind.accepts(body.unit())) {
            throw new Invalid.Field("unit", "must be " + kind.unit() + ", the unit of " + kind.wireName());
        }
        Invalid.ordered("min", body.min(), "max", body.max());
        String point = body.point() == null ? null : body.point().strip();
        if (body.gatewayId() != null && point == null) {
            throw new Invalid.Field("point", "is required with a gatewayId: the name the gateway reports it under");
        }
        references.zone(facilityId, "zoneId", body.zoneId());
        references.gateway(facilityId, "gatewayId", body.gatewayId());
        String name = body.name().strip();
        if (inventory.sensorNameTaken(body.zoneId(), name, sensorId)) {
            throw new ApiException.Conflict("name", "another sensor of this zone has this name");
        }
        if (body.gatewayId() != null && inventory.pointTaken(body.gatewayId(), point, sensorId)) {
            throw new ApiException.Conflict("point", "another sensor of this gateway is reported under this point");
        }
        return new Sensor(
                sensorId,
                facilityId,
                body.zoneId(),
                name,
                kind,
                kind.unit(),
                body.min(),
                body.max(),
                body.gatewayId(),
                point,
                createdAt);
    }

    private Sensor existing(UUID facilityId, UUID sensorId) {
        return inventory.sensor(facilityId, sensorId).orElseThrow(() -> new ApiException.NotFound("sensor"));
    }

    private static String describe(Sensor s) {
        return s.id() + " " + s.name() + " (" + s.kind().wireName() + ") in zone " + s.zoneId();
    }
}
