package systems.rala.service.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import systems.rala.service.web.IpRange;

/**
 * The service's own settings ({@code rala.*}), checked when the service starts: a bad value stops it with a
 * message that names the property.
 *
 * @param dataDir where the embedded default keeps its database and generated signing key
 * @param auth token settings
 * @param bootstrap the first administrator, created when there are no users at all
 */
@ConfigurationProperties("rala")
@Validated
public record RalaProperties(
        @NotNull Path dataDir,
        @Valid @NotNull Auth auth,
        @Valid @NotNull Bootstrap bootstrap) {

    /**
     * @param issuer {@code iss} of every access token, checked on the way back in
     * @param audience {@code aud} of every access token, checked on the way back in
     * @param accessTokenTtl lifetime of an access token; short, since it cannot be revoked
     * @param refreshTokenTtl lifetime of one refresh token (each use issues a new one)
     * @param signingKey base64 HMAC-SHA256 key of at least 256 bits; required in production, generated into
     *     the data folder otherwise
     * @param bcryptStrength BCrypt work factor for stored passwords (OWASP: at least 10)
     * @param invitationTtl how long an invitation to a facility can be accepted
     * @param loginLimit how many login attempts an account and a client address may make
     * @param trustedProxies addresses (or CIDR blocks) of the reverse proxies whose {@code X-Forwarded-For} is
     *     believed when telling the client's address (rate limits, audit log); empty: none, the TCP peer is
     *     the client
     */
    public record Auth(
            @NotBlank String issuer,
            @NotBlank String audience,
            @NotNull Duration accessTokenTtl,
            @NotNull Duration refreshTokenTtl,
            String signingKey,
            @Min(10) @Max(16) int bcryptStrength,
            @NotNull Duration invitationTtl,
            @Valid @NotNull LoginLimit loginLimit,
            @DefaultValue List<String> trustedProxies) {

        @AssertTrue(message = "must be between 1 hour and 30 days")
        public boolean isInvitationTtlBounded() {
            return invitationTtl == null
                    || (invitationTtl.compareTo(Duration.ofHours(1)) >= 0
                            && invitationTtl.compareTo(Duration.ofDays(30)) <= 0);
        }

        @AssertTrue(message = "must be IP addresses or CIDR blocks, e.g. 10.0.0.0/8")
        public boolean isTrustedProxiesValid() {
            return trustedProxies == null || trustedProxies.stream().allMatch(IpRange::isValid);
        }

        @AssertTrue(message = "must be between 1 minute and 1 hour")
        public boolean isAccessTokenTtlShort() {
            return accessTokenTtl == null
                    || (accessTokenTtl.compareTo(Duration.ofMinutes(1)) >= 0
                            && accessTokenTtl.compareTo(Duration.ofHours(1)) <= 0);
        }

        @AssertTrue(message = "must be between 1 hour and 90 days")
        public boolean isRefreshTokenTtlBounded() {
            return refreshTokenTtl == null
                    || (refreshTokenTtl.compareTo(Duration.ofHours(1)) >= 0
                            && refreshTokenTtl.compareTo(Duration.ofDays(90)) <= 0);
        }
    }

    /**
     * Login throttling, in memory per service instance. Each limit is a token bucket: {@code attempts} at once,
     * refilled at {@code attempts} per {@code window}.
     *
     * @param perAccount failed logins per e-mail address
     * @param perAddress logins, failed or not, per client address
     * @param maxTrackedKeys buckets kept per limit; beyond it the longest unused are forgotten
     */
    public record LoginLimit(
            @Valid @NotNull Rate perAccount,
            @Valid @NotNull Rate perAddress,
            @Min(100) @Max(1_000_000) int maxTrackedKeys) {

        /**
         * OWASP ASVS 4.0.3 V2.2.1 (after NIST SP 800-63B §5.2.2): no more than 100 failed attempts per hour on
         * one account. A full bucket plus an hour's refill is the most one hour can see.
         */
        @AssertTrue(message = "must allow at most 100 failed attempts an hour (OWASP ASVS V2.2.1)")
        public boolean isPerAccountWithinAsvs() {
            return perAccount == null || perAccount.window() == null || perAccount.mostInOneHour() <= 100;
        }
    }

    /**
     * @param attempts how many may be made at once (the bucket's size)
     * @param window the time in which a spent bucket refills completely
     */
    public record Rate(
            @Min(1) @Max(100_000) int attempts, @NotNull Duration window) {

        @AssertTrue(message = "must be between 1 second and 1 day")
        public boolean isWindowBounded() {
            return window == null
                    || (window.compareTo(Duration.ofSeconds(1)) >= 0 && window.compareTo(Duration.ofDays(1)) <= 0);
        }

        /** A full bucket plus what refills in an hour. */
        public double mostInOneHour() {
            return attempts + attempts * (3600.0 / window.toSeconds());
        }
    }

    /**
     * @param adminEmail e-mail of the first administrator; blank: create none
     * @param adminPassword its password; blank: a random one is generated and written to the data folder
     */
    public record Bootstrap(String adminEmail, String adminPassword) {}
}
