package systems.rala.runtime.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.DecisionPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.runtime.wire.AuditRecord;
import systems.rala.runtime.wire.ControlMode;

/** The "The control tick" section of {@code policy-runtime/README.md}: its example compiles and runs. */
class ControlTickReadmeTest {

    /** A set-point policy reading the air temperature and CO2: 19 °C heating, 25 °C venting, 900 ppm, lamps on. */
    public static final DecisionPolicy POLICY = new DecisionPolicy() {
        @Override
        public PolicyManifest manifest() {
            return new PolicyManifest(
                    PolicyManifest.VERSION,
                    "GreenhouseTomato-v0",
                    "",
                    List.of(new Point("air_temperature", "C", "", -10, 50), new Point("air_co2", "ppm", "", 0, 3000)),
                    List.of(
                            new Point("heating_setpoint", "C", "", 10, 25),
                            new Point("ventilation_setpoint", "C", "", 15, 35),
                            new Point("co2_setpoint", "ppm", "", 400, 1600),
                            new Point("lamps", "-", "", 0, 1)),
                    "none",
                    "readme",
                    1,
                    "abc",
                    "0".repeat(64));
        }

        @Override
        public void act(double[] observation, double[] action) {
            action[0] = 19;
            action[1] = 25;
            action[2] = 900;
            action[3] = 1;
        }
    };

    @Test
    void exampleCompilesAndThePolicyActsThroughTheSafetyLayer(@TempDir Path dir) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this runtime");
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## The control tick\n");
        assertThat(start).as("README section 'The control tick'").isNotNegative();
        int open = readme.indexOf("```java\n", start) + "```java\n".length();
        String example = readme.substring(open, readme.indexOf("```", open));
        String source = """
                package readme;

                import java.time.Duration;
                import java.time.Instant;
                import systems.rala.runtime.observation.ReadingStore;
                import systems.rala.runtime.policy.DecisionPolicy;
                import systems.rala.runtime.safety.SafetyConfig;
                import systems.rala.runtime.safety.SafetyLayer;
                import systems.rala.runtime.safety.SafetyLayerStage;
                import systems.rala.runtime.tick.ControlTick;
                import systems.rala.runtime.tick.TickRecord;
                import systems.rala.runtime.wire.AuditRecord;
                import systems.rala.runtime.wire.MessageIds;

                public final class TickExample {
                    public static Object[] run(DecisionPolicy policy) {
                """ + example + """
                        return new Object[] {record, commands, audit};
                    }
                }
                """;
        Path file = dir.resolve("readme/TickExample.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source, StandardCharsets.UTF_8);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(
                null,
                diagnostics,
                diagnostics,
                "-encoding",
                "UTF-8",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                dir.toString(),
                file.toString());
        assertThat(rc)
                .as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8))
                .isZero();

        Object[] result;
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            result = (Object[]) loader.loadClass("readme.TickExample")
                    .getMethod("run", DecisionPolicy.class)
                    .invoke(null, POLICY);
        }
        TickRecord record = (TickRecord) result[0];
        double[] commands = (double[]) result[1];
        AuditRecord audit = (AuditRecord) result[2];
        assertThat(record.mode()).isEqualTo(ControlMode.POLICY);
        assertThat(record.observation()).containsEntry("air_temperature", 18.0).containsEntry("air_co2", 650.0);
        assertThat(commands).hasSize(8);
        // 18 °C against a 19 °C heating set-point: the boiler heats; lamps on as the policy asked
        assertThat(record.safeCommands().get("uBoil")).isGreaterThan(0.5);
        assertThat(record.safeCommands()).containsEntry("uLamp", 1.0);
        assertThat(audit.safeAction()).isEqualTo(record.safeCommands());
    }
}
