package systems.rala.service.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.web.ApiException;

/**
 * A facility's gateways: viewers read them, admins register, delete and re-key them. A secret appears in exactly
 * two responses, registration and rotation, each marked {@code Cache-Control: no-store}.
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/gateways")
@Transactional
class GatewayController {

    private final GatewayCredentials gateways;
    private final FacilityAccess access;
    private final AuditLog audit;

    GatewayController(GatewayCredentials gateways, FacilityAccess access, AuditLog audit) {
        this.gateways = gateways;
        this.access = access;
        this.audit = audit;
    }

    record GatewayBody(@NotBlank @Size(max = 200) String name) {}

    record GatewayView(
            UUID id,
            String name,
            String clientId,
            OffsetDateTime createdAt,
            OffsetDateTime lastSeenAt,
            OffsetDateTime credentialRotatedAt) {
        static GatewayView of(Gateway g) {
            return new GatewayView(
                    g.id(), g.name(), g.clientId(), g.createdAt(), g.lastSeenAt(), g.credentialRotatedAt());
        }
    }

    /** What the gateway is to be configured with; the secret cannot be read again. */
    record Credentials(UUID gatewayId, String clientId, String secret, OffsetDateTime credentialRotatedAt) {
        static Credentials of(GatewayCredentials.Issued issued) {
            Gateway g = issued.gateway();
            return new Credentials(g.id(), g.clientId(), issued.secret(), g.credentialRotatedAt());
        }
    }

    @GetMapping
    List<GatewayView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        return gateways.list(id).stream().map(GatewayView::of).toList();
    }

    @PostMapping
    ResponseEntity<Credentials> register(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody GatewayBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        String name = body.name().strip();
        if (gateways.nameTaken(id, name)) {
            throw new ApiException.Conflict("name", "another gateway of this facility has this name");
        }
        GatewayCredentials.Issued issued = gateways.register(id, name);
        Gateway g = issued.gateway();
        audit.record(caller.id(), id, "gateway.registered", g.id() + " " + g.name() + " client id " + g.clientId());
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/gateways/" + g.id()))
                .cacheControl(CacheControl.noStore())
                .body(Credentials.of(issued));
    }

    @GetMapping("/{gatewayId}")
    GatewayView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID gatewayId) {
        access.require(id, caller.id(), Role.VIEWER);
        return GatewayView.of(existing(id, gatewayId));
    }

    /** Issues a new secret; the old one stops working at once (a gateway still using it is refused). */
    @PostMapping("/{gatewayId}/credentials")
    ResponseEntity<Credentials> rotate(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID gatewayId) {
        access.require(id, caller.id(), Role.ADMIN);
        GatewayCredentials.Issued issued =
                gateways.rotate(id, gatewayId).orElseThrow(() -> new ApiException.NotFound("gateway"));
        Gateway g = issued.gateway();
        audit.record(caller.id(), id, "gateway.credentials.rotated", g.id() + " " + g.name());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Credentials.of(issued));
    }

    /** Its sensors and equipment stay, with no gateway; its alerts keep their history. */
    @DeleteMapping("/{gatewayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID gatewayId) {
        access.require(id, caller.id(), Role.ADMIN);
        Gateway g = existing(id, gatewayId);
        gateways.delete(id, gatewayId);
        audit.record(caller.id(), id, "gateway.deleted", g.id() + " " + g.name() + " client id " + g.clientId());
    }

    private Gateway existing(UUID facilityId, UUID gatewayId) {
        return gateways.find(facilityId, gatewayId).orElseThrow(() -> new ApiException.NotFound("gateway"));
    }
}
