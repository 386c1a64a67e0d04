package systems.rala.service.control;

import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.web.ApiException;

/**
 * What a facility's gateways report about their control, for viewers: the latest state (mode, active policy
 * version, whether the rule-based fall-back acts) and the last decisions with the safety layer's
 * interventions. Read-only; the gateways write them ({@link Decisions}).
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/gateways/{gatewayId}")
class DecisionController {

    private final Decisions decisions;
    private final GatewayCredentials gateways;
    private final FacilityAccess access;

    DecisionController(Decisions decisions, GatewayCredentials gateways, FacilityAccess access) {
        this.decisions = decisions;
        this.gateways = gateways;
        this.access = access;
    }

    /** The latest state; {@code reported: false} (and nulls) before the gateway's first. */
    @GetMapping("/state")
    GatewayStateView state(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID gatewayId) {
        existing(caller, id, gatewayId);
        return decisions.state(id, gatewayId).orElseGet(() -> GatewayStateView.none(gatewayId));
    }

    /** Newest first; {@code limit} 1 to 500, default 50. */
    @GetMapping("/decisions")
    List<DecisionView> decisions(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID gatewayId,
            @RequestParam(required = false) Integer limit) {
        existing(caller, id, gatewayId);
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > 500) {
            throw new Invalid.Field("limit", "must be between 1 and 500");
        }
        return decisions.recent(id, gatewayId, n);
    }

    private void existing(CurrentUser caller, UUID facilityId, UUID gatewayId) {
        access.require(facilityId, caller.id(), Role.VIEWER);
        gateways.find(facilityId, gatewayId).orElseThrow(() -> new ApiException.NotFound("gateway"));
    }
}
