package systems.rala.edge.loop;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What operators set on a gateway and must survive its restart: the requested mode, changed set-points, held
 * overrides. A properties file ({@code mode}, {@code setpoint.NAME}, {@code override.NAME}) replaced atomically
 * (written beside it, then renamed over it) on every change.
 */
final class SavedState {

    private final Path file;
    private final Properties props = new Properties();

    SavedState(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("gateway state " + file + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    synchronized String get(String key) {
        return props.getProperty(key);
    }

    /** Entries whose key starts with {@code prefix}, the prefix removed. */
    synchronized Map<String, String> withPrefix(String prefix) {
        Map<String, String> m = new TreeMap<>();
        for (String k : props.stringPropertyNames()) {
            if (k.startsWith(prefix)) {
                m.put(k.substring(prefix.length()), props.getProperty(k));
            }
        }
        return m;
    }

    /** Sets (or, with null, removes) {@code key} and saves. */
    synchronized void put(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
        save();
    }

    private void save() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "RALA gateway state: operator settings kept across restarts");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("gateway state " + file + " cannot be written: " + e.getMessage(), e);
        }
    }
}
