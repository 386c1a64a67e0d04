package systems.rala.train.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class DemoCommandTest {

    @Test
    void theWholeLoopWritesWeatherBaselineTrainingOnnxEvaluationAndAReport(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RalaCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        Path demo = dir.resolve("demo");
        // a tiny budget: the loop, not the learning, is under test here
        int status = cl.execute("demo", "--out", demo.toString(), "--steps", "5760", "--episodes", "1", "--quiet");
        assertThat(status).as(err.toString()).isZero();
        for (String f : List.of(
                "weather-amsterdam-2030.csv",
                "baseline/kpis.json",
                "baseline/trajectory.csv",
                "train/progress.csv",
                "train/policy.onnx",
                "train/learning_curve.png",
                "eval/kpis.json",
                "eval/comparison.png",
                "report.html")) {
            assertThat(demo.resolve(f)).as(f).exists();
        }
        JsonNode eval = Json.MAPPER.readTree(Files.readString(demo.resolve("eval/kpis.json")));
        assertThat(eval.get("options").get("split").asString()).isEqualTo("test");
        assertThat(eval.get("controllers").has("policy")).isTrue(); // the ONNX file, named after it
        assertThat(eval.get("controllers").has("rule-based")).isTrue();
        assertThat(eval.get("controllers").has("all-off")).isTrue();
        String html = Files.readString(demo.resolve("report.html"));
        assertThat(html).contains("<table>", "profit (€/m²)", "PPO (ONNX)", "train/learning_curve.png");
        assertThat(out.toString()).contains("report:", "profit (€/m²)");
        // a second demo into the same folder is refused rather than mixed with the first
        assertThat(cl.execute("demo", "--out", demo.toString(), "--steps", "5760", "--quiet"))
                .isEqualTo(2);
    }
}
