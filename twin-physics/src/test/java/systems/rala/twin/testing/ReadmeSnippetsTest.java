package systems.rala.twin.testing;

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

/** Every ```java block of this module's README compiles against the module (a snippet that does not build is a bug). */
class ReadmeSnippetsTest {

    @Test
    void readmeJavaSnippetsCompile(@TempDir Path out) throws IOException {
        Path readme = SharedData.projectRoot().resolve("twin-physics/README.md");
        List<JavaFileObject> sources = snippets(Files.readString(readme, StandardCharsets.UTF_8));
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

    static List<JavaFileObject> snippets(String markdown) {
        List<JavaFileObject> out = new ArrayList<>();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        int i = 0;
        while (m.find()) {
            String code = m.group(1);
            Matcher cls = Pattern.compile("class (\\w+)").matcher(code);
            String name = cls.find() ? cls.group(1) : "Snippet" + i;
            out.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            });
            i++;
        }
        return out;
    }
}
