package systems.rala.service.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.gateway.Gateway;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.policy.PolicyRegistry;
import systems.rala.service.policy.PolicyVersion;
import systems.rala.service.web.ApiException;

/** A gateway's policy: admins roll a registry version out to it, viewers see the last rollout. */
@RestController
@RequestMapping("/api/v1/facilities/{id}/gateways/{gatewayId}/policy")
class RolloutController {

    private final Rollouts rollouts;
    private final PolicyRegistry registry;
    private final GatewayCredentials gateways;
    private final FacilityAccess access;

    RolloutController(Rollouts rollouts, PolicyRegistry registry, GatewayCredentials gateways, FacilityAccess access) {
        this.rollouts = rollouts;
        this.registry = registry;
        this.gateways = gateways;
        this.access = access;
    }

    /**
     * Which version: {@code policyId}, or {@code name} with {@code alias} (e.g. champion) or {@code version}.
     */
    record RolloutBody(
            UUID policyId,

            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "is not a policy name")
            String name,

            @Pattern(regexp = "[a-z][a-z0-9-]{0,31}", message = "is not an alias")
            String alias,

            @Min(1) Integer version) {}

    /**
     * A gateway and its last rollout.
     *
     * @param rollout the newest rollout to it, or {@code null} if there was none
     */
    record GatewayPolicyView(UUID gatewayId, String clientId, CommandView rollout) {}

    @PostMapping
    ResponseEntity<CommandView> rollout(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID gatewayId,
            @Valid @RequestBody RolloutBody body)
            throws IOException {
        access.require(id, caller.id(), Role.ADMIN);
        Gateway gateway = gateway(id, gatewayId);
        PolicyVersion p = version(id, body);
        CommandRow row = rollouts.rollout(id, caller.id(), gateway, p);
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/controls/" + row.id()))
                .body(CommandView.of(row));
    }

    @GetMapping
    GatewayPolicyView current(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID gatewayId) {
        access.require(id, caller.id(), Role.VIEWER);
        Gateway gateway = gateway(id, gatewayId);
        return new GatewayPolicyView(
                gateway.id(),
                gateway.clientId(),
                rollouts.last(id, gateway).map(CommandView::of).orElse(null));
    }

    private Gateway gateway(UUID facilityId, UUID gatewayId) {
        return gateways.find(facilityId, gatewayId).orElseThrow(() -> new ApiException.NotFound("gateway"));
    }

    private PolicyVersion version(UUID facilityId, RolloutBody body) {
        boolean byName = body.name() != null || body.alias() != null || body.version() != null;
        if (body.policyId() != null) {
            if (byName) {
                throw new Invalid.Field("policyId", "give policyId, or name with alias or version, not both");
            }
            return registry.find(facilityId, body.policyId())
                    .orElseThrow(() -> new Invalid.Reference("policyId", "policy version"));
        }
        if (body.name() == null) {
            throw new Invalid.Field(byName ? "name" : "policyId", "give policyId, or name with alias or version");
        }
        if ((body.alias() == null) == (body.version() == null)) {
            throw new Invalid.Field("alias", "give exactly one of alias and version with name");
        }
        if (body.alias() != null) {
            return registry.findByAlias(facilityId, body.name(), body.alias())
                    .orElseThrow(() -> new ControlProblems.Unprocessable(
                            "alias", "policy " + body.name() + " has no alias " + body.alias() + " in this facility"));
        }
        return registry.find(facilityId, body.name(), body.version())
                .orElseThrow(() -> new ControlProblems.Unprocessable(
                        "version",
                        "policy " + body.name() + " has no version " + body.version() + " in this facility"));
    }
}
