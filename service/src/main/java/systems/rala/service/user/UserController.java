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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.Page;

/** Accounts: administrators create them; everyone can read their own. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService service;
    private final UserRepository users;
    private final AuditLog audit;

    UserController(UserService service, UserRepository users, AuditLog audit) {
        this.service = service;
        this.users = users;
        this.audit = audit;
    }

    /** What the API shows of an account: never the password hash. */
    record UserView(UUID id, String email, String displayName, boolean systemAdmin) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email(), u.displayName(), u.systemAdmin());
        }
    }

    /**
     * {@code systemAdmin} is boxed so that it may be left out (Jackson 3 refuses a missing primitive). The
     * password is checked by {@link PasswordPolicy}.
     */
    record NewUser(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 200) String displayName,
            @NotBlank String password,
            Boolean systemAdmin) {}

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal CurrentUser caller) {
        return UserView.of(service.require(caller.id()));
    }

    /** Every account, by e-mail, a page at a time ({@code page} from 0, {@code size} 1 to 200). */
    @GetMapping
    Page<UserView> list(
            @AuthenticationPrincipal CurrentUser caller,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!service.require(caller.id()).systemAdmin()) {
            throw new ApiException.Forbidden("only administrators list accounts");
        }
        Page.check(page, size);
        return new Page<>(
                users.page(Page.offset(page, size), size).stream()
                        .map(UserView::of)
                        .toList(),
                page,
                size,
                users.count());
    }

    @PostMapping
    ResponseEntity<UserView> create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody NewUser body) {
        if (!service.require(caller.id()).systemAdmin()) {
            throw new ApiException.Forbidden("only administrators create accounts");
        }
        PasswordPolicy.check("password", body.password(), body.email());
        User created = service.create(
                body.email(), body.displayName(), body.password(), Boolean.TRUE.equals(body.systemAdmin()));
        audit.record(
                caller.id(), null, "user.created", created.email() + (created.systemAdmin() ? " (system admin)" : ""));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(UserView.of(created));
    }
}
