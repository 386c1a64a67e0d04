package systems.rala.service.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

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
     */
    public record Auth(
            @NotBlank String issuer,
            @NotBlank String audience,
            @NotNull Duration accessTokenTtl,
            @NotNull Duration refreshTokenTtl,
            String signingKey,
            @Min(10) @Max(16) int bcryptStrength) {

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
     * @param adminEmail e-mail of the first administrator; blank: create none
     * @param adminPassword its password; blank: a random one is generated and written to the data folder
     */
    public record Bootstrap(String adminEmail, String adminPassword) {}
}
