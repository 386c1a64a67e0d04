package systems.rala.service.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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
import systems.rala.service.web.ApiException;

/** A facility's zones: viewers read them, admins change them. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/zones")
@Transactional
class ZoneController {

    private final InventoryRepository inventory;
    private final FacilityAccess access;
    private final Clock clock;
    private final AuditLog audit;

    ZoneController(InventoryRepository inventory, FacilityAccess access, Clock clock, AuditLog audit) {
        this.inventory = inventory;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /** @param areaM2 floor area, m² */
    record ZoneBody(
            @NotBlank @Size(max = 200) String name,
            @NotNull @Positive Double areaM2,
            @Size(max = 100) String crop) {}

    /** @param areaM2 floor area, m² */
    record ZoneView(UUID id, String name, double areaM2, String crop, OffsetDateTime createdAt) {
        static ZoneView of(Zone z) {
            return new ZoneView(z.id(), z.name(), z.areaM2(), z.crop(), z.createdAt());
        }
    }

    @GetMapping
    List<ZoneView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        return inventory.zones(id).stream().map(ZoneView::of).toList();
    }

    @PostMapping
    ResponseEntity<ZoneView> create(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody ZoneBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Zone z = zone(UUID.randomUUID(), id, body, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        inventory.insert(z);
        audit.record(caller.id(), id, "zone.created", z.id() + " " + z.name());
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/zones/" + z.id()))
                .body(ZoneView.of(z));
    }

    @GetMapping("/{zoneId}")
    ZoneView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID zoneId) {
        access.require(id, caller.id(), Role.VIEWER);
        return ZoneView.of(existing(id, zoneId));
    }

    @PutMapping("/{zoneId}")
    ZoneView update(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID zoneId,
            @Valid @RequestBody ZoneBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Zone z = zone(zoneId, id, body, existing(id, zoneId).createdAt());
        inventory.update(z);
        audit.record(caller.id(), id, "zone.updated", z.id() + " " + z.name());
        return ZoneView.of(z);
    }

    /** Refused (409) while sensors, equipment or alert rules are in the zone: they are removed or moved first. */
    @DeleteMapping("/{zoneId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID zoneId) {
        access.require(id, caller.id(), Role.ADMIN);
        Zone z = existing(id, zoneId);
        InventoryRepository.ZoneContents in = inventory.contents(zoneId);
        if (!in.empty()) {
            throw new ApiException.Conflict(
                    "zoneId",
                    "the zone still has " + in.sensors() + " sensors, " + in.equipment() + " pieces of equipment and "
                            + in.alertRules() + " alert rules; delete or move them first");
        }
        inventory.deleteZone(id, zoneId);
        audit.record(caller.id(), id, "zone.deleted", z.id() + " " + z.name());
    }

    private Zone zone(UUID zoneId, UUID facilityId, ZoneBody body, OffsetDateTime createdAt) {
        String name = body.name().strip();
        if (inventory.zoneNameTaken(facilityId, name, zoneId)) {
            throw new ApiException.Conflict("name", "another zone of this facility has this name");
        }
        String crop = body.crop() == null || body.crop().isBlank()
                ? null
                : body.crop().strip();
        return new Zone(zoneId, facilityId, name, body.areaM2(), crop, createdAt);
    }

    private Zone existing(UUID facilityId, UUID zoneId) {
        return inventory.zone(facilityId, zoneId).orElseThrow(() -> new ApiException.NotFound("zone"));
    }
}
