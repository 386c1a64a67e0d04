package systems.rala.service.facility;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.auth.OpaqueTokens;
import systems.rala.service.config.RalaProperties;
import systems.rala.service.user.PasswordPolicy;
import systems.rala.service.user.User;
import systems.rala.service.user.UserRepository;
import systems.rala.service.user.UserService;
import systems.rala.service.web.ApiException;

/**
 * Invitations: a facility admin invites an e-mail address with a role and gets a token, shown once, to pass on
 * (RALA sends no mail). The invitee accepts with the token: without an account it creates one; with an
 * account it logs in first and accepts with its access token. Re-inviting an address revokes its open
 * invitations to the same facility.
 */
@RestController
@Transactional
class InvitationController {

    private final InvitationRepository invitations;
    private final FacilityRepository facilities;
    private final FacilityAccess access;
    private final UserRepository users;
    private final UserService userService;
    private final RalaProperties props;
    private final Clock clock;
    private final AuditLog audit;

    InvitationController(
            InvitationRepository invitations,
            FacilityRepository facilities,
            FacilityAccess access,
            UserRepository users,
            UserService userService,
            RalaProperties props,
            Clock clock,
            AuditLog audit) {
        this.invitations = invitations;
        this.facilities = facilities;
        this.access = access;
        this.users = users;
        this.userService = userService;
        this.props = props;
        this.clock = clock;
        this.audit = audit;
    }

    record NewInvitation(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull Role role) {}

    /** @param status {@code pending}, {@code accepted}, {@code revoked} or {@code expired} */
    record InvitationView(
            UUID id,
            UUID facilityId,
            String email,
            Role role,
            String status,
            UUID invitedBy,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime acceptedAt,
            OffsetDateTime revokedAt) {
        static InvitationView of(InvitationRepository.Invitation i, OffsetDateTime now) {
            return new InvitationView(
                    i.id(),
                    i.facilityId(),
                    i.email(),
                    i.role(),
                    i.status(now),
                    i.invitedBy(),
                    i.createdAt(),
                    i.expiresAt(),
                    i.acceptedAt(),
                    i.revokedAt());
        }
    }

    /** The answer to the admin who invited: the only time the token is shown. */
    record IssuedInvitation(
            UUID id,
            UUID facilityId,
            String email,
            Role role,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            String token) {}

    /** {@code displayName} and {@code password} are for a new account and ignored for an existing one. */
    record Acceptance(
            @NotBlank @Size(max = 200) String token,
            @Size(max = 200) String displayName,
            @Size(max = 1024) String password) {}

    record Accepted(UUID userId, String email, UUID facilityId, Role role, boolean accountCreated) {}

    @PostMapping("/api/v1/facilities/{id}/invitations")
    ResponseEntity<IssuedInvitation> invite(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @Valid @RequestBody NewInvitation body) {
        access.require(id, caller.id(), Role.ADMIN);
        String email = UserRepository.normalizeEmail(body.email());
        boolean member = users.findByEmail(email)
                .flatMap(u -> facilities.roleOf(id, u.id()))
                .isPresent();
        if (member) {
            throw new ApiException.Conflict("email", "already a member of this facility");
        }
        OffsetDateTime now = now();
        int replaced = invitations.revokeOpen(id, email, now);
        String token = OpaqueTokens.generate();
        InvitationRepository.Invitation i = new InvitationRepository.Invitation(
                UUID.randomUUID(),
                id,
                email,
                body.role(),
                caller.id(),
                now,
                now.plus(props.auth().invitationTtl()),
                null,
                null,
                null);
        invitations.insert(i, OpaqueTokens.digest(token));
        audit.record(
                caller.id(),
                id,
                "invitation.created",
                email + " as " + body.role() + (replaced > 0 ? "; replaced " + replaced + " open" : ""));
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/invitations/" + i.id()))
                .body(new IssuedInvitation(
                        i.id(), id, email, i.role(), i.status(now), i.createdAt(), i.expiresAt(), token));
    }

    @GetMapping("/api/v1/facilities/{id}/invitations")
    List<InvitationView> list(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
        access.require(id, caller.id(), Role.ADMIN);
        OffsetDateTime now = now();
        return invitations.ofFacility(id).stream()
                .map(i -> InvitationView.of(i, now))
                .toList();
    }

    /** Revokes an open invitation; revoking one that is revoked or expired already changes nothing. */
    @DeleteMapping("/api/v1/facilities/{id}/invitations/{invitationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID invitationId) {
        access.require(id, caller.id(), Role.ADMIN);
        InvitationRepository.Invitation i =
                invitations.find(id, invitationId).orElseThrow(() -> new ApiException.NotFound("invitation"));
        if (i.acceptedAt() != null) {
            throw new ApiException.Conflict("invitationId", "already accepted: remove the member instead");
        }
        if (invitations.revoke(invitationId, now())) {
            audit.record(caller.id(), id, "invitation.revoked", i.email());
        }
    }

    /**
     * Accepts an invitation. Anonymous: creates the account for the invited e-mail (which must have none) from
     * {@code displayName} and {@code password}. With an access token: adds the caller's account, whose e-mail
     * must be the invited one.
     */
    @PostMapping("/api/v1/auth/accept-invitation")
    ResponseEntity<Accepted> accept(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody Acceptance body) {
        OffsetDateTime now = now();
        InvitationRepository.Invitation i = invitations
                .findByTokenHash(OpaqueTokens.digest(body.token()))
                .orElseThrow(() -> new ApiException.Invalid("token", "no such invitation"));
        switch (i.status(now)) {
            case "accepted" -> throw new ApiException.Gone("token", "the invitation was accepted already");
            case "revoked" -> throw new ApiException.Gone("token", "the invitation was revoked");
            case "expired" -> throw new ApiException.Gone("token", "the invitation has expired");
            default -> {}
        }
        User user;
        boolean created = false;
        if (caller != null) {
            user = userService.require(caller.id());
            if (!user.email().equals(i.email())) {
                throw new ApiException.Conflict("token", "the invitation is for another e-mail address");
            }
        } else {
            if (users.emailTaken(i.email())) {
                throw new ApiException.Conflict(
                        "token", "an account with this e-mail exists: log in and accept with its access token");
            }
            if (body.displayName() == null || body.displayName().isBlank()) {
                throw new ApiException.Invalid("displayName", "is required for a new account");
            }
            PasswordPolicy.check("password", body.password(), i.email());
            user = userService.create(i.email(), body.displayName(), body.password(), false);
            created = true;
        }
        if (facilities.roleOf(i.facilityId(), user.id()).isPresent()) {
            throw new ApiException.Conflict("token", "already a member of this facility");
        }
        if (!invitations.accept(i.id(), user.id(), now)) {
            throw new ApiException.Gone("token", "the invitation was accepted or revoked meanwhile");
        }
        facilities.addMember(i.facilityId(), user.id(), i.role());
        audit.record(
                user.id(),
                i.facilityId(),
                "invitation.accepted",
                i.email() + " as " + i.role() + (created ? "; account created" : ""));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Accepted(user.id(), user.email(), i.facilityId(), i.role(), created));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
