package systems.rala.twin.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference data beside the project ({@code ../shared/data/}): weather files used by tests. A user's
 * fresh checkout may not have it; tests that need it are then skipped with a message, unless the environment
 * sets {@code RALA_REQUIRE_SHARED_DATA=true} (as {@code .ci/run} does), in which case they fail.
 */
public final class SharedData {

    private SharedData() {}

    /** The shared folder, from the build's {@code rala.shared.dir} or {@code ../shared} above the working dir. */
    public static Path root() {
        String dir = System.getProperty("rala.shared.dir");
        if (dir != null) {
            return Path.of(dir).normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p.resolve("../shared").normalize();
            }
        }
        return here.resolve("../shared").normalize();
    }

    /** A file under {@code shared/data/weather/}, or the test is skipped (failed in CI) when absent. */
    public static Path weather(String name) {
        Path p = root().resolve("data/weather").resolve(name);
        if (!Files.isRegularFile(p)) {
            String msg = "shared data file " + p + " is not present";
            if ("true".equals(System.getenv("RALA_REQUIRE_SHARED_DATA"))) {
                fail(msg + " (RALA_REQUIRE_SHARED_DATA=true)");
            }
            abort(msg + "; test skipped");
        }
        return p;
    }

    /** The repository root (the folder with {@code .mvn}). */
    public static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        throw new IllegalStateException("no .mvn folder above " + here);
    }
}
