package systems.rala.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt over an HMAC-SHA256 of the password, so that passwords up to 128 characters (OWASP ASVS 4.0.3 V2.1.2)
 * count in full: BCrypt itself reads at most 72 bytes and refuses longer input. The digest is base64-encoded
 * (44 ASCII characters, no NUL bytes) before BCrypt sees it; keying the HMAC with a fixed label keeps a plain
 * SHA-256 of the same password leaked elsewhere from being tested against the stored hash ("password
 * shucking"). Stored as {@code {bcrypt-sha256}$2a$...}; hashes written before this scheme (plain BCrypt, no
 * prefix) still verify.
 */
final class PrehashedBCrypt implements PasswordEncoder {

    static final String PREFIX = "{bcrypt-sha256}";
    private static final byte[] LABEL = "rala password prehash v1".getBytes(StandardCharsets.US_ASCII);
    /** BCrypt's input limit, bytes. */
    private static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder bcrypt;

    PrehashedBCrypt(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String encode(CharSequence raw) {
        return PREFIX + bcrypt.encode(prehash(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String stored) {
        if (raw == null || stored == null) {
            return false;
        }
        if (stored.startsWith(PREFIX)) {
            return bcrypt.matches(prehash(raw), stored.substring(PREFIX.length()));
        }
        // plain BCrypt from before: it never held a longer password
        return raw.toString().getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES
                && bcrypt.matches(raw, stored);
    }

    @Override
    public boolean upgradeEncoding(String stored) {
        return stored == null
                || !stored.startsWith(PREFIX)
                || bcrypt.upgradeEncoding(stored.substring(PREFIX.length()));
    }

    private static String prehash(CharSequence raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(LABEL, "HmacSHA256"));
            byte[] digest = mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
