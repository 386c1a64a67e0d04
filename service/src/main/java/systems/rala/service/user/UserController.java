package systems.rala.service.user;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.web.ApiException;

/** Accounts: administrators create them; everyone can read their own. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService service;
    private final AuditLog audit;

    UserController(UserService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    /** What the API shows of an account: never the password hash. */
    record UserView(UUID id, String email, String displayName, boolean systemAdmin) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.displayName(), u.systemAdmin());
        }
    }

    /** {@code systemAdmin} is boxed so that it may be left out (Jackson 3 refuses a missing primitive). BCrypt reads at most 72 bytes; ASVS V2.1.1 asks for at least 12 characters. */
    record NewUser(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank @Size(min = 12, max = 72) String password,
            Boolean systemAdmin) {}

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal CurrentUser caller) {
        return UserView.of(service.require(caller.id()));
    }

    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody NewUser body) {
        if (!service.require(caller.id()).systemAdmin()) {
            throw new ApiException.Forbidden("only administrators create accounts");
        }
        User created = service.create(
                body.email(), body.displayName(), body.password(), Boolean.TRUE.equals(body.systemAdmin()));
        audit.record(
                caller.id(), null, "user.created", created.email() + (created.systemAdmin() ? " (system admin)" : ""));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserView.of(created));
    }
}
