package systems.rala.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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

/** Every ```java block of rl-env/README.md compiles against the module (a snippet that does not build is a bug). */
class ReadmeSnippetsTest {

    @Test
    void readmeJavaSnippetsCompile(@TempDir Path out) throws IOException {
        String markdown =
                Files.readString(SharedData.projectRoot().resolve("rl-env/README.md"), StandardCharsets.UTF_8);
        List<JavaFileObject> sources = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            String code = m.group(1);
            Matcher cls = Pattern.compile("class (\\w+)").matcher(code);
            String name = cls.find() ? cls.group(1) : "Snippet" + sources.size();
            sources.add(
                    new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return code;
                        }
                    });
        }
        assertThat(sources).isNotEmpty();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options =
                List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none");
        boolean ok =
                javac.getTask(null, null, diagnostics, options, null, sources).call();
        assertThat(ok)
                .as("README snippets compile: %s", diagnostics.getDiagnostics())
                .isTrue();
    }
}
