package systems.rala.runtime.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.runtime.testing.ReadmeJava;

/** The "Safety layer" section of {@code policy-runtime/README.md} tells the truth: its example compiles and runs. */
class SafetyReadmeTest {

    private static String section() throws IOException {
        // surefire runs in the module folder
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Safety layer\n");
        assertThat(start).as("README section 'Safety layer'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return end < 0 ? readme.substring(start) : readme.substring(start, end);
    }

    private static String block(String section, String language) {
        int open = section.indexOf("```" + language + "\n");
        assertThat(open).as("a ```%s block", language).isNotNegative();
        int from = open + language.length() + 4;
        return section.substring(from, section.indexOf("```", from));
    }

    @Test
    void exampleCompilesAndActsOnTheOverTemperature(@TempDir Path dir) throws Exception {
        String source = """
                package readme;

                import java.nio.file.Path;
                import systems.rala.runtime.control.ControlInput;
                import systems.rala.runtime.control.rules.RuleBasedClimateController;
                import systems.rala.runtime.safety.ReasonCode;
                import systems.rala.runtime.safety.SafetyConfig;
                import systems.rala.runtime.safety.SafetyLayer;
                import systems.rala.runtime.safety.SafetyResult;

                public final class SafetyExample {
                    public static double[] run() throws Exception {
                """ + block(section(), "java") + """
                        return commands;
                    }
                }
                """;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        double[] commands;
        try (URLClassLoader loader = ReadmeJava.compile(dir, "SafetyExample", source)) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            commands = (double[])
                    loader.loadClass("readme.SafetyExample").getMethod("run").invoke(null);
        } finally {
            System.setOut(stdout);
        }
        // 36 °C trips over-temperature: vents fully open, heating off, whatever the controller's sigmoids gave
        assertThat(commands[RuleBasedClimateController.U_ROOF]).isEqualTo(1.0);
        assertThat(commands[RuleBasedClimateController.U_BOIL]).isEqualTo(0.0);
        assertThat(commands[RuleBasedClimateController.U_BOIL_GRO]).isEqualTo(0.0);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("uRoof: ").contains(" -> 1.0 [OVER_TEMPERATURE]");
    }

    @Test
    void propertiesExcerptUsesTheFileFormatsKeysAndTheDefaults() throws IOException {
        Properties excerpt = new Properties();
        excerpt.load(new StringReader(block(section(), "properties")));
        Properties defaults = new Properties();
        defaults.load(new StringReader(SafetyConfig.greenhouseDefaults().toPropertiesText()));
        for (String key : excerpt.stringPropertyNames()) {
            if (List.of("actuators", "heating").contains(key)) {
                continue; // the excerpt lists fewer actuators
            }
            assertThat(defaults.getProperty(key)).as(key).isEqualTo(excerpt.getProperty(key));
        }
        assertThat(section()).contains("safety: uRoof.max_rate_per_s = -0.1 is outside [0, inf)");
    }
}
