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
import systems.rala.runtime.observation.Units;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;

/** A facility's actuators: viewers read them, admins change them and their safety bounds. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/equipment")
@Transactional
class EquipmentController {

    private final InventoryRepository inventory;
    private final References references;
    private final FacilityAccess access;
    private final Clock clock;
    private final AuditLog audit;

    EquipmentController(
            InventoryRepository inventory, References references, FacilityAccess access, Clock clock, AuditLog audit) {
        this.inventory = inventory;
        this.references = references;
        this.access = access;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * @param kind an {@link EquipmentKind}
     * @param protocol a {@link Protocol}
     * @param address where the gateway reaches it, in the protocol's notation
     * @param unit the unit of its commands, e.g. {@code -} for a position 0..1
     * @param safetyMin lowest command value allowed, in the unit
     * @param safetyMax highest command value allowed, in the unit
     */
    record EquipmentBody(
            @NotNull UUID zoneId,
            @NotBlank @Size(max = 200) String name,
            @NotBlank String kind,
            @NotBlank String protocol,
            @NotBlank @Size(max = 200) String address,

            @NotBlank
            @Size(max = 128)
            @Pattern(regexp = SensorController.POINT, message = "must not hold control characters")
            String point,

            @NotBlank @Size(max = 32) String unit,
            @NotNull Double safetyMin,
            @NotNull Double safetyMax,
            UUID gatewayId) {}

    record EquipmentView(
            UUID id,
            UUID zoneId,
            String name,
            EquipmentKind kind,
            Protocol protocol,
            String address,
            String point,
            String unit,
            double safetyMin,
            double safetyMax,
            UUID gatewayId,
            OffsetDateTime createdAt) {
        static EquipmentView of(Equipment e) {
            return new EquipmentView(
                    e.id(),
                    e.zoneId(),
                    e.name(),
                    e.kind(),
                    e.protocol(),
                    e.address(),
                    e.point(),
                    e.unit(),
                    e.safetyMin(),
                    e.safetyMax(),
                    e.gatewayId(),
                    e.createdAt());
        }
    }

    /** All of the facility's equipment, or that of one zone ({@code ?zoneId=}). */
    @GetMapping
    List<EquipmentView> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID zoneId) {
        access.require(id, caller.id(), Role.VIEWER);
        return inventory.equipmentList(id, zoneId).stream()
                .map(EquipmentView::of)
                .toList();
    }

    @PostMapping
    ResponseEntity<EquipmentView> create(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @Valid @RequestBody EquipmentBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Equipment e =
                equipment(UUID.randomUUID(), id, body, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        inventory.insert(e);
        audit.record(caller.id(), id, "equipment.created", describe(e));
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/equipment/" + e.id()))
                .body(EquipmentView.of(e));
    }

    @GetMapping("/{equipmentId}")
    EquipmentView get(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID equipmentId) {
        access.require(id, caller.id(), Role.VIEWER);
        return EquipmentView.of(existing(id, equipmentId));
    }

    @PutMapping("/{equipmentId}")
    EquipmentView update(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID equipmentId,
            @Valid @RequestBody EquipmentBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Equipment old = existing(id, equipmentId);
        Equipment e = equipment(equipmentId, id, body, old.createdAt());
        inventory.update(e);
        audit.record(
                caller.id(),
                id,
                "equipment.updated",
                describe(e) + " (safety bounds were [" + old.safetyMin() + ", " + old.safetyMax() + "])");
        return EquipmentView.of(e);
    }

    @DeleteMapping("/{equipmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID equipmentId) {
        access.require(id, caller.id(), Role.ADMIN);
        Equipment e = existing(id, equipmentId);
        inventory.deleteEquipment(id, equipmentId);
        audit.record(caller.id(), id, "equipment.deleted", describe(e));
    }

    private Equipment equipment(UUID equipmentId, UUID facilityId, EquipmentBody body, OffsetDateTime createdAt) {
        EquipmentKind kind = Invalid.enumValue("kind", body.kind(), EquipmentKind.class);
        Protocol protocol = Invalid.enumValue("protocol", body.protocol(), Protocol.class);
        Invalid.ordered("safetyMin", body.safetyMin(), "safetyMax", body.safetyMax());
        references.zone(facilityId, "zoneId", body.zoneId());
        references.gateway(facilityId, "gatewayId", body.gatewayId());
        String name = body.name().strip();
        if (inventory.equipmentNameTaken(body.zoneId(), name, equipmentId)) {
            throw new ApiException.Conflict("name", "other equipment of this zone has this name");
        }
        return new Equipment(
                equipmentId,
                facilityId,
                body.zoneId(),
                name,
                kind,
                protocol,
                body.address().strip(),
                body.point().strip(),
                Units.normalise(body.unit()),
                body.safetyMin(),
                body.safetyMax(),
                body.gatewayId(),
                createdAt);
    }

    private Equipment existing(UUID facilityId, UUID equipmentId) {
        return inventory.equipment(facilityId, equipmentId).orElseThrow(() -> new ApiException.NotFound("equipment"));
    }

    private static String describe(Equipment e) {
        return e.id() + " " + e.name() + " (" + e.kind() + ", " + e.protocol() + " " + e.address() + ", safety ["
                + e.safetyMin() + ", " + e.safetyMax() + "] " + e.unit() + ") in zone " + e.zoneId();
    }
}
