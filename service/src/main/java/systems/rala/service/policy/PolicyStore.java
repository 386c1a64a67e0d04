package systems.rala.service.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyFileException;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.service.config.RalaProperties;

/**
 * Policy files on disk, content-addressed: {@code <data-dir>/policies/<sha256>.onnx}. An upload is written
 * to a temporary file in the same folder (flushed to disk), checked by the policy runtime, and then moved
 * into place in one atomic rename, so a reader never sees half a file; the same bytes uploaded twice share
 * one file. Temporary files left by a crash are removed when the service starts.
 */
@Component
class PolicyStore {

    private static final Logger log = LoggerFactory.getLogger(PolicyStore.class);
    private static final String FOLDER = "policies";
    private static final String TEMP_PREFIX = ".upload-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dataDir;
    private final Path dir;
    private final long maxBytes;
    /**
     * Serialises putting a file in place with recording it, against deleting an unreferenced file: without
     * it a delete could remove a file between an upload's rename and its row's commit.
     */
    private final ReentrantLock lock = new ReentrantLock();

    PolicyStore(RalaProperties rala, PolicyProperties props) {
        this.dataDir = rala.dataDir().toAbsolutePath().normalize();
        this.dir = dataDir.resolve(FOLDER);
        this.maxBytes = props.maxFileSize().toBytes();
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir, TEMP_PREFIX + "*" + TEMP_SUFFIX)) {
                for (Path p : stale) {
                    log.warn("removing {}, an upload interrupted by a stop", p);
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the policy folder " + dir, e);
        }
    }

    /** An upload written to a temporary file, with its digest and size; closing removes the temporary file. */
    record Staged(Path temp, String sha256, long sizeBytes) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                log.warn("cannot remove {}: {}", temp, e.getMessage());
            }
        }
    }

    /** The largest file accepted, bytes. */
    long maxBytes() {
        return maxBytes;
    }

    /**
     * Copies {@code in} to a temporary file in the policy folder, hashing it on the way.
     *
     * @throws PolicyProblems.TooLarge past {@link #maxBytes()} (nothing is left behind)
     */
    Staged stage(InputStream in) throws IOException {
        Path temp = dir.resolve(TEMP_PREFIX + UUID.randomUUID() + TEMP_SUFFIX);
        MessageDigest sha = sha256();
        long size = 0;
        boolean done = false;
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), sha)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw new PolicyProblems.TooLarge("file", "larger than the limit of " + describe(maxBytes));
                }
                out.write(buf, 0, n);
            }
            out.flush();
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        return new Staged(temp, HexFormat.of().formatHex(sha.digest()), size);
    }

    /**
     * Loads the staged file as the policy runtime would on a gateway — content hash, manifest, ONNX Runtime
     * session, input and output shapes against the manifest — and returns its manifest.
     *
     * @throws PolicyProblems.Unprocessable naming the field {@code file} and the runtime's reason
     */
    PolicyManifest check(Staged staged) throws IOException {
        try (OnnxPolicy policy = OnnxPolicy.load(staged.temp())) {
            return policy.manifest();
        } catch (PolicyFileException e) {
            // the runtime names the file; the temporary name means nothing to the uploader
            String reason = e.getMessage();
            String prefix = staged.temp() + ": ";
            if (reason.startsWith(prefix)) {
                reason = reason.substring(prefix.length());
            }
            throw new PolicyProblems.Unprocessable("file", "not a usable RALA policy: " + reason);
        }
    }

    /**
     * Moves the staged file to its content address (or drops it, when the same bytes are there already) and
     * runs {@code record} with the lock held, so the file cannot be removed before its row exists. If
     * {@code record} fails, a file this call put in place is removed again unless {@code stillUsed}.
     *
     * @return what {@code record} returns
     */
    <T> T commit(Staged staged, Function<String, T> record, BooleanSupplier stillUsed) throws IOException {
        String relative = FOLDER + "/" + staged.sha256() + ".onnx";
        Path target = dataDir.resolve(relative);
        lock.lock();
        try {
            boolean moved = false;
            if (!Files.exists(target)) {
                try {
                    Files.move(staged.temp(), target, StandardCopyOption.ATOMIC_MOVE);
                    moved = true;
                } catch (FileAlreadyExistsException e) {
                    // another upload of the same bytes won the race: same content, keep theirs
                }
            }
            try {
                return record.apply(relative);
            } catch (RuntimeException e) {
                if (moved && !stillUsed.getAsBoolean()) {
                    Files.deleteIfExists(target);
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes the file at {@code storagePath} unless {@code stillUsed} says a row refers to it. */
    void removeUnless(String storagePath, BooleanSupplier stillUsed) {
        lock.lock();
        try {
            if (!stillUsed.getAsBoolean()) {
                Files.deleteIfExists(resolve(storagePath));
            }
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", storagePath, e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** The file at a stored path (relative to the data folder), refusing anything outside the policy folder. */
    Path resolve(String storagePath) {
        Path p = dataDir.resolve(storagePath).normalize();
        if (!p.startsWith(dir)) {
            throw new IllegalStateException("policy storage path " + storagePath + " is outside " + dir);
        }
        return p;
    }

    static String describe(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return String.format(Locale.ROOT, "%d bytes", bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
