package systems.rala.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.twin.testing.SharedData;

/** Every ```java block of rl-env/README.md compiles against the module, and the example runs as it says. */
class ReadmeSnippetsTest {

    @Test
    void readmeJavaSnippetsCompileAndTheExampleRuns(@TempDir Path out)
            throws IOException, ReflectiveOperationException {
        Path readme = SharedData.projectRoot().resolve("rl-env/README.md");
        List<JavaFileObject> sources = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(readme, StandardCharsets.UTF_8));
        while (m.find()) {
            String code = m.group(1);
            Matcher cls = Pattern.compile("class (\\w+)").matcher(code);
            String name = cls.find() ? cls.group(1) : "Snippet" + classes.size();
            classes.add(name);
            sources.add(
                    new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return code;
                        }
                    });
        }
        assertThat(classes).contains("PendulumExample");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options =
                List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
        boolean ok =
                javac.getTask(null, null, diagnostics, options, null, sources).call();
        assertThat(ok)
                .as("README snippets compile: %s", diagnostics.getDiagnostics())
                .isTrue();

        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(
                        new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
                PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            loader.loadClass("PendulumExample")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the README example failed", e.getCause());
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("return -\\d+[.,]\\d over 200 steps").contains("40 episodes ended");
    }
}
