package systems.rala.runtime.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a README's Java example (wrapped in a class) against the test class path, for README tests. */
public final class ReadmeJava {

    private ReadmeJava() {}

    /** The first {@code ```language} block of the README section titled {@code heading} ("## ..."). */
    public static String block(String heading, String language) throws IOException {
        // surefire runs in the module folder
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n" + heading + "\n");
        assertThat(start).as("README section '%s'", heading).isNotNegative();
        int open = readme.indexOf("```" + language + "\n", start);
        assertThat(open).as("a ```%s block in '%s'", language, heading).isNotNegative();
        int from = open + language.length() + 4;
        return readme.substring(from, readme.indexOf("```", from));
    }

    /**
     * Compiles {@code source}, the class {@code readme.SIMPLE_NAME}, into {@code dir} and returns a loader for
     * it (close it when done); skips the test when the runtime has no compiler.
     */
    public static URLClassLoader compile(Path dir, String simpleName, String source) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no Java compiler in this runtime");
        Path file = dir.resolve("readme/" + simpleName + ".java");
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
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ReadmeJava.class.getClassLoader());
    }
}
