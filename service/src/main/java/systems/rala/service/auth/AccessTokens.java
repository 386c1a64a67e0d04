package systems.rala.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import systems.rala.service.config.RalaProperties;

/**
 * Issues and checks access tokens: HS256 JWTs with {@code iss}, {@code aud}, {@code sub} (the user id),
 * {@code iat}, {@code exp}, {@code jti} and {@code token_use=access}. Checking allows HS256 only (so
 * {@code alg=none} and algorithm swaps fail), verifies the signature first, then every claim.
 */
public final class AccessTokens {

    /** The one algorithm accepted (allow-list, OWASP ASVS V3.5.3 / RFC 8725 §3.1). */
    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.HS256;

    public static final String TOKEN_USE = "token_use";
    public static final String ACCESS = "access";

    /** Clocks of the service's own instances may differ by this much. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final RalaProperties.Auth settings;
    private final Clock clock;

    public AccessTokens(SigningKey key, RalaProperties.Auth settings, Clock clock) {
        try {
            this.signer = new MACSigner(key.bytes());
            this.verifier = new MACVerifier(key.bytes());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing key rejected: " + e.getMessage(), e);
        }
        this.settings = settings;
        this.clock = clock;
    }

    public Duration ttl() {
        return settings.accessTokenTtl();
    }

    public String issue(UUID userId) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .audience(settings.audience())
                .subject(userId.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(TOKEN_USE, ACCESS)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(ALGORITHM).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * What a valid access token proves.
     *
     * @param expiresAt its {@code exp}: the caller must present a new token from then on
     */
    public record Verified(UUID userId, Instant expiresAt) {}

    /** The user id the token was issued to, or empty when anything about the token is wrong. */
    public Optional<UUID> verify(String token) {
        return check(token).map(Verified::userId);
    }

    /** {@link #verify}, with the token's expiry: for sessions that outlive the request, such as a WebSocket. */
    public Optional<Verified> check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ALGORITHM.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(verifier)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date exp = claims.getExpirationTime();
            Date iat = claims.getIssueTime();
            boolean valid = exp != null
                    && now.isBefore(exp.toInstant().plus(SKEW))
                    && iat != null
                    && !iat.toInstant().isAfter(now.plus(SKEW))
                    && settings.issuer().equals(claims.getIssuer())
                    && claims.getAudience() != null
                    && claims.getAudience().contains(settings.audience())
                    && ACCESS.equals(claims.getClaim(TOKEN_USE))
                    && claims.getSubject() != null;
            return valid
                    ? Optional.of(new Verified(UUID.fromString(claims.getSubject()), exp.toInstant()))
                    : Optional.empty();
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
