package systems.rala.service.facility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
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
import systems.rala.service.user.User;
import systems.rala.service.user.UserRepository;
import systems.rala.service.web.ApiException;

/**
 * Facilities and their members. Any account may create a facility and becomes its admin; everything else
 * goes through {@link FacilityAccess}.
 */
@RestController
@RequestMapping("/api/v1/facilities")
@Transactional
class FacilityController {

    private final FacilityRepository facilities;
    private final FacilityAccess access;
    private final UserRepository users;
    private final Clock clock;
    private final AuditLog audit;

    FacilityController(
            FacilityRepository facilities, FacilityAccess access, UserRepository users, Clock clock, AuditLog audit) {
        this.facilities = facilities;
        this.access = access;
        this.users = users;
        this.clock = clock;
        this.audit = audit;
    }

    record FacilityBody(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 200) String location,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @NotNull @Positive Double areaM2,
            @NotBlank @Size(max = 100) String crop) {}

    record FacilityView(
            UUID id,
            String name,
            String location,
            Double latitude,
            Double longitude,
            double areaM2,
            String crop,
            Role role,
            OffsetDateTime createdAt) {
        static FacilityView of(Facility f, Role role) {
            return new FacilityView(
                    f.id(),
                    f.name(),
                    f.location(),
                    f.latitude(),
                    f.longitude(),
                    f.areaM2(),
                    f.crop(),
                    role,
                    f.createdAt());
        }
    }

    record NewMember(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Role role) {}

    record RoleBody(@NotNull Role role) {}

    @GetMapping
    List<FacilityView> list(@AuthenticationPrincipal CurrentUser caller) {
        return facilities.visibleTo(caller.id()).stream()
                .map(m -> FacilityView.of(m.facility(), m.role()))
                .toList();
    }

    @PostMapping
    ResponseEntity<FacilityView> create(
            @AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody FacilityBody body) {
        Facility f = new Facility(
                UUID.randomUUID(),
                body.name().trim(),
                body.location().trim(),
                body.latitude(),
                body.longitude(),
                body.areaM2(),
                body.crop().trim(),
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
        facilities.insert(f);
        facilities.addMember(f.id(), caller.id(), Role.ADMIN);
        audit.record(caller.id(), f.id(), "facility.created", f.name());
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + f.id()))
                .body(FacilityView.of(f, Role.ADMIN));
    }

    @GetMapping("/{id}")
    FacilityView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        Role role = access.require(id, caller.id(), Role.VIEWER);
        return FacilityView.of(existing(id), role);
    }

    @PutMapping("/{id}")
    FacilityView update(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody FacilityBody body) {
        Role role = access.require(id, caller.id(), Role.ADMIN);
        Facility old = existing(id);
        Facility f = new Facility(
                id,
                body.name().trim(),
                body.location().trim(),
                body.latitude(),
                body.longitude(),
                body.areaM2(),
                body.crop().trim(),
                old.createdAt());
        facilities.update(f);
        audit.record(caller.id(), id, "facility.updated", f.name());
        return FacilityView.of(f, role);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.ADMIN);
        facilities.delete(id);
        audit.record(caller.id(), id, "facility.deleted", null);
    }

    @GetMapping("/{id}/members")
    List<FacilityRepository.Member> members(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.VIEWER);
        return facilities.members(id);
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    FacilityRepository.Member addMember(
            @AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @Valid @RequestBody NewMember body) {
        access.require(id, caller.id(), Role.ADMIN);
        User user = users.findByEmail(body.email())
                .orElseThrow(() -> new ApiException.Conflict("email", "no account has this e-mail"));
        if (facilities.roleOf(id, user.id()).isPresent()) {
            throw new ApiException.Conflict("email", "already a member of this facility");
        }
        facilities.addMember(id, user.id(), body.role());
        audit.record(caller.id(), id, "member.added", user.email() + " as " + body.role());
        return new FacilityRepository.Member(user.id(), user.email(), user.displayName(), body.role());
    }

    @PutMapping("/{id}/members/{userId}")
    FacilityRepository.Member setRole(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID userId,
            @Valid @RequestBody RoleBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        Role current = facilities.roleOf(id, userId).orElseThrow(() -> new ApiException.NotFound("member"));
        if (current == Role.ADMIN && body.role() != Role.ADMIN) {
            keepOneAdmin(id, "role");
        }
        facilities.setRole(id, userId, body.role());
        audit.record(caller.id(), id, "member.role", userId + " " + current + " -> " + body.role());
        return facilities.members(id).stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> new ApiException.NotFound("member"));
    }

    @DeleteMapping("/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID userId) {
        access.require(id, caller.id(), Role.ADMIN);
        Role current = facilities.roleOf(id, userId).orElseThrow(() -> new ApiException.NotFound("member"));
        if (current == Role.ADMIN) {
            keepOneAdmin(id, "userId");
        }
        facilities.removeMember(id, userId);
        audit.record(caller.id(), id, "member.removed", userId.toString());
    }

    /** A facility without an admin could never be administered again. */
    private void keepOneAdmin(UUID facilityId, String field) {
        if (facilities.admins(facilityId) <= 1) {
            throw new ApiException.Conflict(field, "a facility keeps at least one admin");
        }
    }

    private Facility existing(UUID id) {
        return facilities.find(id).orElseThrow(() -> new ApiException.NotFound("facility"));
    }
}
