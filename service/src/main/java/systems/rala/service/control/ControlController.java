package systems.rala.service.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.runtime.observation.Units;
import systems.rala.runtime.wire.Command;
import systems.rala.runtime.wire.ControlMode;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import systems.rala.service.gateway.Gateway;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.inventory.Equipment;
import systems.rala.service.inventory.Invalid;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.Page;

/**
 * Control commands to a facility's gateways: operators issue them, viewers follow them. A command is checked
 * here (set-point names and bounds, equipment safety bounds) before anything is sent; the gateway checks again
 * against its own points.
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/controls")
class ControlController {

    /** Default and allowed {@code expiresInSeconds} [s]. */
    static final int DEFAULT_EXPIRY_S = 120;

    static final int MIN_EXPIRY_S = 10;
    static final int MAX_EXPIRY_S = 3600;

    /** The modes that may be asked for, by their API names; {@code fallback} is the gateway's own. */
    static final Map<String, ControlMode> MODES =
            Map.of("autonomous", ControlMode.POLICY, "advisory", ControlMode.ADVISORY, "manual", ControlMode.MANUAL);

    private final Commands commands;
    private final CommandRepository rows;
    private final FacilityAccess access;
    private final GatewayCredentials gateways;
    private final InventoryRepository inventory;

    ControlController(
            Commands commands,
            CommandRepository rows,
            FacilityAccess access,
            GatewayCredentials gateways,
            InventoryRepository inventory) {
        this.commands = commands;
        this.rows = rows;
        this.access = access;
        this.gateways = gateways;
        this.inventory = inventory;
    }

    /**
     * A command request; which fields an action takes:
     *
     * <ul>
     *   <li>{@code setpoint}: {@code gatewayId, target, value, unit} (a known set-point, its unit, within its
     *       bounds);
     *   <li>{@code override}: {@code equipmentId, value} (within the equipment's safety bounds, in its unit);
     *   <li>{@code release}: {@code equipmentId};
     *   <li>{@code mode}: {@code gatewayId, mode} ({@code autonomous}, {@code advisory} or {@code manual}).
     * </ul>
     *
     * @param expiresInSeconds after this many seconds the gateway must not apply it (default 120, 10 to 3600)
     */
    record ControlBody(
            @NotBlank String action,
            UUID gatewayId,
            UUID equipmentId,
            @Size(max = 128) String target,
            Double value,
            @Size(max = 32) String unit,
            @Size(max = 32) String mode,

            @Min(value = MIN_EXPIRY_S, message = "must be between 10 and 3600 seconds")
            @Max(value = MAX_EXPIRY_S, message = "must be between 10 and 3600 seconds")
            Integer expiresInSeconds) {}

    @PostMapping
    ResponseEntity<CommandView> issue(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody ControlBody body) {
        access.require(id, caller.id(), Role.OPERATOR);
        CommandRow row = commands.submit(command(id, caller.id(), body), caller.id(), "command.issued");
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/controls/" + row.id()))
                .body(CommandView.of(row));
    }

    /** Commands and rollouts, newest first; {@code status} and {@code kind} filter. */
    @GetMapping
    Page<CommandView> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        access.require(id, caller.id(), Role.VIEWER);
        Page.check(page, size);
        CommandStatus s = status == null ? null : Invalid.enumValue("status", status, CommandStatus.class);
        CommandKind k = kind == null ? null : Invalid.enumValue("kind", kind, CommandKind.class);
        return new Page<>(
                rows.list(id, s, k, Page.offset(page, size), size).stream()
                        .map(CommandView::of)
                        .toList(),
                page,
                size,
                rows.count(id, s, k));
    }

    @GetMapping("/{commandId}")
    CommandView get(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable String commandId) {
        access.require(id, caller.id(), Role.VIEWER);
        if (!MessageIds.isValid(commandId)) {
            throw new ApiException.NotFound("command");
        }
        return rows.find(id, commandId).map(CommandView::of).orElseThrow(() -> new ApiException.NotFound("command"));
    }

    // ---- building a command from a request ----

    private CommandRow command(UUID facilityId, UUID caller, ControlBody body) {
        Command.Action action = action(body.action());
        OffsetDateTime issuedAt = commands.now().truncatedTo(ChronoUnit.MILLIS);
        int expiry = body.expiresInSeconds() == null ? DEFAULT_EXPIRY_S : body.expiresInSeconds();
        OffsetDateTime expiresAt = issuedAt.plusSeconds(expiry);
        String id = MessageIds.newId();
        String issuedBy = "user:" + caller;
        Gateway gateway;
        Equipment equipment = null;
        Command c;
        switch (action) {
            case SETPOINT -> {
                notTaken(action, "equipmentId", body.equipmentId());
                notTaken(action, "mode", body.mode());
                gateway = gateway(facilityId, body.gatewayId());
                SetPoints.SetPoint sp = SetPoints.find(
                                body.target() == null ? null : body.target().strip())
                        .orElseThrow(() -> new Invalid.Field(
                                "target",
                                body.target() == null
                                        ? "is required for action 'setpoint'; one of " + SetPoints.allowed()
                                        : "is not a known set-point; one of " + SetPoints.allowed()));
                if (body.unit() == null || body.unit().isBlank()) {
                    throw new Invalid.Field("unit", "is required for action 'setpoint': " + sp.unit());
                }
                if (!Units.normalise(body.unit()).equals(sp.unit())) {
                    throw new Invalid.Field(
                            "unit", "must be " + sp.unit() + " for " + sp.name() + " (no conversion is made)");
                }
                double value = value(action, body.value());
                if (!(value >= sp.min() && value <= sp.max())) {
                    throw new Invalid.Field(
                            "value",
                            "must be between " + SetPoints.num(sp.min()) + " and " + SetPoints.num(sp.max()) + " "
                                    + sp.unit() + " for " + sp.name());
                }
                c = Command.setPoint(
                        id,
                        gateway.clientId(),
                        issuedAt.toInstant(),
                        expiresAt.toInstant(),
                        issuedBy,
                        sp.name(),
                        value,
                        sp.unit());
            }
            case OVERRIDE, RELEASE -> {
                notTaken(action, "gatewayId", body.gatewayId());
                notTaken(action, "target", body.target());
                notTaken(action, "unit", body.unit());
                notTaken(action, "mode", body.mode());
                equipment = equipment(facilityId, body.equipmentId());
                gateway = gateways.find(facilityId, equipment.gatewayId())
                        .orElseThrow(() -> new ApiException.Conflict(
                                "equipmentId", "the equipment is driven by no gateway; set its gatewayId first"));
                if (action == Command.Action.OVERRIDE) {
                    double value = value(action, body.value());
                    if (!equipment.allows(value)) {
                        throw new Invalid.Field(
                                "value",
                                "must be within the equipment's safety bounds [" + SetPoints.num(equipment.safetyMin())
                                        + ", " + SetPoints.num(equipment.safetyMax()) + "] " + equipment.unit());
                    }
                    c = Command.override(
                            id,
                            gateway.clientId(),
                            issuedAt.toInstant(),
                            expiresAt.toInstant(),
                            issuedBy,
                            equipment.point(),
                            value,
                            equipment.unit());
                } else {
                    notTaken(action, "value", body.value());
                    c = Command.release(
                            id,
                            gateway.clientId(),
                            issuedAt.toInstant(),
                            expiresAt.toInstant(),
                            issuedBy,
                            equipment.point());
                }
            }
            case MODE -> {
                notTaken(action, "equipmentId", body.equipmentId());
                notTaken(action, "target", body.target());
                notTaken(action, "value", body.value());
                notTaken(action, "unit", body.unit());
                gateway = gateway(facilityId, body.gatewayId());
                ControlMode mode = body.mode() == null
                        ? null
                        : MODES.get(body.mode().strip().toLowerCase(Locale.ROOT));
                if (mode == null) {
                    throw new Invalid.Field("mode", "must be one of autonomous, advisory, manual");
                }
                c = Command.mode(id, gateway.clientId(), issuedAt.toInstant(), expiresAt.toInstant(), issuedBy, mode);
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        return new CommandRow(
                id,
                facilityId,
                gateway.id(),
                gateway.clientId(),
                equipment == null ? null : equipment.id(),
                CommandKind.COMMAND,
                action,
                c.target(),
                Double.isNaN(c.value()) ? null : c.value(),
                c.unit(),
                c.mode(),
                null,
                null,
                null,
                caller,
                issuedAt,
                expiresAt,
                CommandStatus.QUEUED,
                null,
                issuedAt,
                null,
                null,
                null,
                WireCodec.encodeToString(c));
    }

    private static Command.Action action(String given) {
        for (Command.Action a : Command.Action.values()) {
            if (CommandView.actionName(a).equals(given.strip().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new Invalid.Field("action", "must be one of setpoint, override, release, mode");
    }

    private static double value(Command.Action action, Double value) {
        if (value == null) {
            throw new Invalid.Field("value", "is required for action '" + CommandView.actionName(action) + "'");
        }
        if (!Double.isFinite(value)) {
            throw new Invalid.Field("value", "must be a finite number");
        }
        return value;
    }

    private static void notTaken(Command.Action action, String field, Object value) {
        if (value != null) {
            throw new Invalid.Field(field, "is not taken by action '" + CommandView.actionName(action) + "'");
        }
    }

    private Gateway gateway(UUID facilityId, UUID gatewayId) {
        if (gatewayId == null) {
            throw new Invalid.Field("gatewayId", "is required");
        }
        return gateways.find(facilityId, gatewayId).orElseThrow(() -> new Invalid.Reference("gatewayId", "gateway"));
    }

    private Equipment equipment(UUID facilityId, UUID equipmentId) {
        if (equipmentId == null) {
            throw new Invalid.Field("equipmentId", "is required");
        }
        return inventory
                .equipment(facilityId, equipmentId)
                .orElseThrow(() -> new Invalid.Reference("equipmentId", "equipment"));
    }
}
