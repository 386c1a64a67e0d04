package systems.rala.service.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds the bad tokens the security tests present: each differs from a good one in exactly one way. */
public final class TokenForge {

    private final byte[] key;
    private final String issuer;
    private final String audience;

    public TokenForge(SigningKey key, String issuer, String audience) {
        this.key = key.bytes();
        this.issuer = issuer;
        this.audience = audience;
    }

    private JWTClaimsSet.Builder good(UUID user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(user.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim(AccessTokens.TOKEN_USE, AccessTokens.ACCESS);
    }

    private String sign(JWSAlgorithm alg, JWTClaimsSet claims, byte[] with) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new MACSigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid access token for {@code user} that expires {@code in} from now (rather than in 5 minutes). */
    public String expiringIn(UUID user, Duration in) {
        return sign(
                JWSAlgorithm.HS256,
                good(user).expirationTime(Date.from(Instant.now().plus(in))).build(),
                key);
    }

    /** Every way a token for {@code user} can be wrong, by name. */
    public Map<String, String> badTokens(UUID user) {
        Map<String, String> bad = new LinkedHashMap<>();
        String valid = sign(JWSAlgorithm.HS256, good(user).build(), key);
        String[] parts = valid.split("\\.");
        String otherUser = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace(user.toString(), UUID.randomUUID().toString())
                        .getBytes(StandardCharsets.UTF_8));
        bad.put("tampered payload", parts[0] + "." + otherUser + "." + parts[2]);
        bad.put("tampered signature", parts[0] + "." + parts[1] + "." + flip(parts[2]));
        String none = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        bad.put("alg=none", none + "." + parts[1] + ".");
        bad.put(
                "alg=HS384 with the right key",
                sign(JWSAlgorithm.HS384, good(user).build(), concat(key, key)));
        bad.put(
                "expired",
                sign(
                        JWSAlgorithm.HS256,
                        good(user)
                                .issueTime(Date.from(Instant.now().minus(Duration.ofHours(2))))
                                .expirationTime(Date.from(Instant.now().minus(Duration.ofHours(1))))
                                .build(),
                        key));
        bad.put(
                "no exp",
                sign(JWSAlgorithm.HS256, good(user).expirationTime(null).build(), key));
        bad.put(
                "wrong audience",
                sign(JWSAlgorithm.HS256, good(user).audience("another-api").build(), key));
        bad.put(
                "wrong issuer",
                sign(JWSAlgorithm.HS256, good(user).issuer("someone-else").build(), key));
        bad.put(
                "wrong token type",
                sign(
                        JWSAlgorithm.HS256,
                        good(user).claim(AccessTokens.TOKEN_USE, "refresh").build(),
                        key));
        byte[] otherKey = key.clone();
        otherKey[0] ^= 1;
        bad.put("signed with another key", sign(JWSAlgorithm.HS256, good(user).build(), otherKey));
        bad.put("garbage", "not-a-jwt");
        return bad;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String flip(String s) {
        char c = s.charAt(5);
        return s.substring(0, 5) + (c == 'A' ? 'B' : 'A') + s.substring(6);
    }
}
