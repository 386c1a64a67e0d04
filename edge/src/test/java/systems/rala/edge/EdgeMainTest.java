package systems.rala.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: usage, and errors that name the option or the field before anything starts. */
class EdgeMainTest {

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream oldErr;
    PrintStream oldOut;

    @BeforeEach
    void capture() {
        oldErr = System.err;
        oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(oldErr);
        System.setOut(oldOut);
    }

    @Test
    void helpAndMistakes() throws Exception {
        assertThat(EdgeMain.run(new String[] {"edge", "--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rala plant --config FILE [--speed N]");
        assertThat(EdgeMain.run(new String[] {"edge"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--config FILE is required");
        assertThat(EdgeMain.run(new String[] {
                    "plant", "--config", dir.resolve("nope.json").toString()
                }))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.json: no such file");
        assertThat(EdgeMain.run(new String[] {"plant", "--config", "x", "--speed", "fast"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speed fast is not a number");
        TestSites.plant(dir, TestSites.Ports.free(), "2030-01-01T00:00", 2, 1);
        assertThat(EdgeMain.run(new String[] {
                    "plant", "--config", dir.resolve("plant.json").toString(), "--speed", "1e9"
                }))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--speed 1.0E9 is outside [0.01, 100000]");
        TestSites.write(dir.resolve("gw.json"), "{ \"pointMap\": \"points.json\" }");
        assertThat(EdgeMain.run(
                        new String[] {"edge", "--config", dir.resolve("gw.json").toString()}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("gw.json: devices: is missing");
        assertThat(EdgeMain.run(new String[] {"edge", "--verbose"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --verbose");
    }
}
