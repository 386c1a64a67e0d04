package systems.rala.train.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every notebook in {@code notebooks/} runs: its code cells are executed in order through JShell with the
 * test class path (RALA's modules and their libraries), and every snippet must be accepted and finish without
 * an exception.
 */
class NotebookTest {

    static Stream<Path> notebooks() throws IOException {
        // surefire runs in the module folder
        try (Stream<Path> s = Files.list(Path.of("..", "notebooks"))) {
            List<Path> found =
                    s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertThat(found).as("notebooks in ../notebooks").isNotEmpty();
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void everyCodeCellRuns(Path notebook) throws IOException {
        JsonNode nb = new ObjectMapper().readTree(Files.readString(notebook, StandardCharsets.UTF_8));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        PrintStream stdout = System.out;
        System.setOut(out); // the local execution engine prints to this JVM's System.out
        try (JShell js =
                JShell.builder().executionEngine("local").out(out).err(out).build()) {
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                js.addToClasspath(entry);
            }
            int cell = 0;
            for (JsonNode c : nb.get("cells")) {
                if (!c.get("cell_type").asString().equals("code")) {
                    continue;
                }
                cell++;
                StringBuilder src = new StringBuilder();
                for (JsonNode line : c.get("source")) {
                    src.append(line.asString());
                }
                for (String snippet : split(js, src.toString())) {
                    List<SnippetEvent> events = js.eval(snippet);
                    for (SnippetEvent e : events) {
                        String where = notebook.getFileName() + " cell " + cell + ": " + snippet.strip();
                        if (e.status() == Snippet.Status.REJECTED) {
                            List<String> diags = new ArrayList<>();
                            js.diagnostics(e.snippet()).forEach(d -> diags.add(d.getMessage(null)));
                            throw new AssertionError(where + "\n  rejected: " + diags);
                        }
                        if (e.exception() != null) {
                            throw new AssertionError(where + "\n  threw: " + e.exception(), e.exception());
                        }
                    }
                }
            }
        } finally {
            System.setOut(stdout);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertThat(text).as("the notebook printed its results").isNotBlank();
        // a notebook that fits against a known truth prints "NAME truth X fitted Y": each within 10 % of its truth
        java.util.regex.Matcher fit = java.util.regex.Pattern.compile("(\\S+)\\s+truth\\s+(\\S+)\\s+fitted\\s+(\\S+)")
                .matcher(text);
        int fits = 0;
        while (fit.find()) {
            double truth = Double.parseDouble(fit.group(2));
            double fitted = Double.parseDouble(fit.group(3));
            assertThat(fitted).as("%s: %s", notebook.getFileName(), fit.group()).isBetween(0.9 * truth, 1.1 * truth);
            fits++;
        }
        // and a hold-out line "VAR hold-out RMSE A (nominal twin B)": calibrated no worse than nominal
        java.util.regex.Matcher hold = java.util.regex.Pattern.compile(
                        "(\\S+)\\s+hold-out RMSE (\\S+) \\(nominal twin (\\S+)\\)")
                .matcher(text);
        while (hold.find()) {
            assertThat(Double.parseDouble(hold.group(2)))
                    .as("%s: %s", notebook.getFileName(), hold.group())
                    .isLessThanOrEqualTo(Double.parseDouble(hold.group(3)));
        }
        if (notebook.getFileName().toString().startsWith("calibration")) {
            assertThat(fits).as("fitted parameters printed against their truth").isEqualTo(2);
        }
    }

    /** Splits a cell into complete snippets, as JShell reads them. */
    private static List<String> split(JShell js, String source) {
        List<String> snippets = new ArrayList<>();
        SourceCodeAnalysis sca = js.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new AssertionError("incomplete Java in a notebook cell: " + rest);
            }
            snippets.add(info.source());
            rest = info.remaining();
        }
        return snippets;
    }
}
