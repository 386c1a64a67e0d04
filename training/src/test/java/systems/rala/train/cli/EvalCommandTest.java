package systems.rala.train.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

class EvalCommandTest {

    private static int run(StringWriter err, String... args) {
        CommandLine cl = RalaCli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void twoControllersSideBySideOnTheSameEpisodes(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        int status = run(
                err,
                "eval",
                "--env",
                "GreenhouseLettuce-v0",
                "--controller",
                "rule-based",
                "--controller",
                "all-off",
                "--episodes",
                "2",
                "--split",
                "test",
                "--seed",
                "4",
                "--out",
                dir.toString(),
                "--quiet");
        assertThat(status).as(err.toString()).isZero();
        JsonNode root = Json.MAPPER.readTree(Files.readString(dir.resolve("kpis.json")));
        assertThat(root.get("episodes").size()).isEqualTo(2);
        assertThat(root.get("summary").get("return").has("mean")).isTrue();
        assertThat(root.get("summary").get("return").has("std")).isTrue();
        JsonNode rb = root.get("controllers").get("rule-based");
        JsonNode off = root.get("controllers").get("all-off");
        // the same episode seeds for both controllers
        assertThat(rb.get("episodes").get(0).get("seed").asLong())
                .isEqualTo(off.get("episodes").get(0).get("seed").asLong());
        assertThat(rb.get("episodes").get(1).get("heat_kwh_m2").asDouble()).isGreaterThan(0);
        // the heuristic grows a crop; all-off barely does
        assertThat(rb.get("summary").get("return").get("mean").asDouble())
                .isGreaterThan(off.get("summary").get("return").get("mean").asDouble());
        assertThat(Files.size(dir.resolve("comparison.png"))).isGreaterThan(5000);
        assertThat(Files.size(dir.resolve("returns.png"))).isGreaterThan(5000);
    }

    @Test
    void unknownEnvironmentOrControllerFailsBeforeAnyEpisode(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(err, "eval", "--env", "Cucumber-v0", "--controller", "rule-based", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no environment 'Cucumber-v0'").contains("GreenhouseTomato-v0");
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "eval", "--env", "GreenhouseLettuce-v0", "--controller", "magic", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err2.toString()).contains("no baseline 'magic'").contains("rule-based");
    }

    @Test
    void aResidualPolicyIsEvaluatedWithItsTrainingOptionsBesideEveryBaseline(@TempDir Path dir) throws Exception {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("env", "GreenhouseTomato-v0");
        m.put("env.episode_days", "1");
        m.put("env.action_mode", "residual");
        m.put("total_timesteps", "128");
        m.put("n_envs", "2");
        m.put("n_steps", "64");
        m.put("batch_size", "64");
        m.put("n_epochs", "1");
        m.put("net_arch", "16,16");
        m.put("eval_freq", "0");
        systems.rala.train.ppo.PpoPolicy policy;
        try (systems.rala.train.ppo.PpoTrainer t = systems.rala.train.ppo.PpoTrainer.start(
                systems.rala.train.ppo.PpoConfig.of(m, "test"), 1, dir.resolve("run"))) {
            t.train(Long.MAX_VALUE, null);
            policy = t.policy();
        }
        Path onnx = dir.resolve("residual.onnx");
        systems.rala.train.export.PolicyExport.exportOnnx(
                policy, onnx, "eval-test", 1, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), true);
        StringWriter err = new StringWriter();
        // no --option: episode_days and action_mode come from the policy's manifest; all-off runs through set-points
        int status = run(
                err,
                "eval",
                "--env",
                "GreenhouseTomato-v0",
                "--controller",
                onnx.toString(),
                "--controller",
                "rule-based",
                "--controller",
                "all-off",
                "--episodes",
                "1",
                "--split",
                "test",
                "--out",
                dir.resolve("eval").toString(),
                "--quiet");
        assertThat(status).as(err.toString()).isZero();
        JsonNode kpis = Json.MAPPER.readTree(Files.readString(dir.resolve("eval/kpis.json")));
        assertThat(kpis.get("options").get("action_mode").asString()).isEqualTo("residual");
        assertThat(kpis.get("options").get("episode_days").asString()).isEqualTo("1");
        for (String c : new String[] {"residual", "rule-based", "all-off"}) {
            JsonNode ep = kpis.get("controllers").get(c).get("episodes").get(0);
            assertThat(ep.get("steps").asDouble()).as(c).isEqualTo(96); // one day of 15-minute steps, for all three
        }
    }
}
