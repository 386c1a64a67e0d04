package systems.rala.service.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.user.PasswordPolicy;
import systems.rala.service.user.User;
import systems.rala.service.user.UserRepository;
import systems.rala.service.user.UserService;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.ClientAddress;

/**
 * Login, refresh, logout (the endpoints that take no access token) and the password change. Logins are
 * throttled per account and per client address ({@link LoginThrottle}).
 */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final UserRepository users;
    private final UserService userService;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final MeterRegistry meters;
    /** Compared against when the e-mail is unknown, so both failures take as long. */
    private final String dummyHash;

    AuthController(
            UserRepository users,
            UserService userService,
            PasswordEncoder passwords,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            AuditLog audit,
            LoginThrottle throttle,
            ClientAddress clientAddress,
            MeterRegistry meters) {
        this.users = users;
        this.userService = userService;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.meters = meters;
        this.dummyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** Lengths are sanity bounds only; what a password must be is {@link PasswordPolicy}'s business. */
    record Login(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password) {}

    record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    record PasswordChange(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {}

    record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    @PostMapping("/login")
    @Transactional
    Tokens login(@Valid @RequestBody Login body, HttpServletRequest request) {
        User user = users.findByEmail(body.email()).orElse(null);
        LoginThrottle.Attempt attempt = attempt("login", body.email(), user, request);
        boolean matches = passwords.matches(body.password(), user == null ? dummyHash : user.passwordHash());
        if (user == null || !matches) {
            audit.record(
                    user == null ? null : user.id(),
                    null,
                    "login.failed",
                    "e-mail " + body.email(),
                    AuditLog.Outcome.FAILED);
            logins("failed");
            throw new ApiException.Unauthorized("invalid e-mail or password");
        }
        attempt.succeeded();
        audit.record(user.id(), null, "login", null);
        logins("success");
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

    /**
     * Changes the caller's password after checking the current one (throttled like a login), ends every
     * session of the account (all refresh-token families) and returns a fresh pair for this client. Access
     * tokens issued before stay valid until they expire ({@code rala.auth.access-token-ttl}).
     */
    @PostMapping("/password")
    @Transactional
    Tokens changePassword(
            @AuthenticationPrincipal CurrentUser caller,
            @Valid @RequestBody PasswordChange body,
            HttpServletRequest request) {
        User user = userService.require(caller.id());
        PasswordPolicy.check("newPassword", body.newPassword(), user.email());
        if (body.newPassword().equals(body.currentPassword())) {
            throw new ApiException.Invalid("newPassword", "must differ from the current password");
        }
        LoginThrottle.Attempt attempt = attempt("password", user.email(), user, request);
        if (!passwords.matches(body.currentPassword(), user.passwordHash())) {
            audit.record(user.id(), null, "password.change-failed", null, AuditLog.Outcome.FAILED);
            throw new ApiException.Invalid("currentPassword", "does not match the account's password");
        }
        attempt.succeeded();
        userService.changePassword(user.id(), body.newPassword());
        int revoked = refreshTokens.revokeAll(user.id());
        audit.record(user.id(), null, "password.changed", "ended every session (" + revoked + " refresh tokens)");
        return tokens(user.id(), refreshTokens.startFamily(user.id()));
    }

    /** Lets a password check through the throttle, or audits the refusal and answers 429. */
    private LoginThrottle.Attempt attempt(String what, String email, User user, HttpServletRequest request) {
        String address = clientAddress.of(request);
        try {
            return throttle.begin(email, address);
        } catch (LoginThrottle.Limited limited) {
            String limit = limited.limit.name().toLowerCase(Locale.ROOT);
            log.warn("{} rate-limited by the per-{} limit; client {}", what, limit, address);
            audit.record(
                    user == null ? null : user.id(),
                    null,
                    what + ".rate-limited",
                    "e-mail " + email + "; per-" + limit + " limit",
                    AuditLog.Outcome.DENIED);
            if ("login".equals(what)) {
                logins("rate_limited");
            }
            throw limited.toApi();
        }
    }

    private void logins(String outcome) {
        Counter.builder("rala.logins")
                .description("Login attempts, by outcome")
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }

    private Tokens tokens(UUID userId, String refreshToken) {
        return new Tokens(
                accessTokens.issue(userId),
                refreshToken,
                "Bearer",
                accessTokens.ttl().toSeconds());
    }
}
