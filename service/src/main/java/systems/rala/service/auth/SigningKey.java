package systems.rala.service.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA256 key that signs access tokens: at least 256 bits (RFC 7518 §3.2, OWASP ASVS V6.2). There is
 * no built-in key: production must be given one, and the embedded default makes its own and keeps it in the
 * data folder.
 */
public final class SigningKey {

    /** 256 bits, the least HS256 allows. */
    public static final int MIN_BYTES = 32;

    static final String PROPERTY = "rala.auth.signing-key";
    static final String FILE_NAME = "jwt-signing-key";

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

    private final byte[] bytes;

    private SigningKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Decodes a configured key and refuses a missing, malformed or weak one.
     *
     * @throws IllegalStateException naming the property and the reason
     */
    public static SigningKey fromConfigured(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalStateException(PROPERTY + " (RALA_SIGNING_KEY) is required in production: "
                    + "a base64 key of at least " + MIN_BYTES * 8 + " bits, e.g. `openssl rand -base64 32`");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(PROPERTY + " is not valid base64", e);
        }
        if (decoded.length < MIN_BYTES) {
            throw new IllegalStateException(PROPERTY + " is too weak: " + decoded.length * 8 + " bits, at least "
                    + MIN_BYTES * 8 + " are required");
        }
        if (distinctBytes(decoded) < 8) {
            throw new IllegalStateException(PROPERTY + " is too weak: it repeats a few byte values");
        }
        return new SigningKey(decoded);
    }

    /** Reads the key kept in {@code dataDir}, or generates and keeps one there (owner-only permissions). */
    public static SigningKey fromDataDir(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[MIN_BYTES];
                new SecureRandom().nextBytes(fresh);
                writeOwnerOnly(file, Base64.getEncoder().encodeToString(fresh));
            }
            log.warn(
                    "Signing access tokens with the key generated in {}: fine for the embedded default, "
                            + "set {} (RALA_SIGNING_KEY) in production",
                    file.toAbsolutePath(),
                    PROPERTY);
            return fromConfigured(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }

    static void writeOwnerOnly(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            // another start won the race; keep its content
            return;
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    private static long distinctBytes(byte[] key) {
        byte[] copy = key.clone();
        Arrays.sort(copy);
        long distinct = 1;
        for (int i = 1; i < copy.length; i++) {
            if (copy[i] != copy[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }
}
