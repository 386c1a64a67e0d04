package systems.rala.service.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.user.User;
import systems.rala.service.user.UserRepository;
import systems.rala.service.web.ApiException;

/** Login, refresh and logout. The only endpoints that take no access token. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    /** Compared against when the e-mail is unknown, so both failures take as long. */
    private final String dummyHash;

    AuthController(
            UserRepository users,
            PasswordEncoder passwords,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    record Login(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 72) String password) {}

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    @PostMapping("/login")
    @Transactional
    Tokens login(@Valid @RequestBody Login body) {
        User user = users.findByEmail(body.email()).orElse(null);
        boolean matches = passwords.matches(body.password(), user == null ? dummyHash : user.passwordHash());
        if (user == null || !matches) {
            audit.record(user == null ? null : user.id(), null, "login.failed", "e-mail " + body.email());
            throw new ApiException.Unauthorized("invalid e-mail or password");
        }
        audit.record(user.id(), null, "login", null);
        return tokens(user.id(), refreshTokens.startFamily(user.id()));
    }

    /** Not transactional on purpose: a detected reuse must stay revoked although the request fails. */
    @PostMapping("/refresh")
    Tokens refresh(@Valid @RequestBody Refresh body) {
        RefreshTokens.Rotated rotated = refreshTokens.rotate(body.refreshToken());
        return tokens(rotated.userId(), rotated.next());
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody Refresh body) {
        refreshTokens.revoke(body.refreshToken());
    }

    private Tokens tokens(UUID userId, String refreshToken) {
        return new Tokens(
                accessTokens.issue(userId),
                refreshToken,
                "Bearer",
                accessTokens.ttl().toSeconds());
    }
}
