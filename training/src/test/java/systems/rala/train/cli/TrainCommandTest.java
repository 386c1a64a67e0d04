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

class TrainCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = RalaCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static final String[] SMALL = {
        "--set",
        "n_envs=2",
        "--set",
        "n_steps=128",
        "--set",
        "batch_size=128",
        "--set",
        "n_epochs=2",
        "--set",
        "eval_freq=512",
        "--set",
        "eval_episodes=2",
        "--set",
        "checkpoint_freq=512"
    };

    private static String[] args(String... head) {
        String[] a = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(SMALL, 0, a, head.length, SMALL.length);
        return a;
    }

    @Test
    void trainWritesProgressCheckpointsTheBestPolicyOnnxEvalAndPlotsThenResumes(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();
        int status = run(
                new StringWriter(),
                err,
                args(
                        "train",
                        "--env",
                        "GreenhouseLettuce-v0",
                        "--steps",
                        "1024",
                        "--seed",
                        "3",
                        "--out",
                        run.toString(),
                        "--quiet"));
        assertThat(status).as(err.toString()).isZero();
        for (String f : List.of(
                "progress.csv",
                "config.properties",
                "policy.bin",
                "policy.onnx",
                "eval.json",
                "learning_curve.png",
                "comparison.png",
                "returns.png",
                "episode.png",
                "best/policy.bin")) {
            assertThat(run.resolve(f)).as(f).exists();
        }
        List<String> progress = Files.readAllLines(run.resolve("progress.csv"));
        assertThat(progress.get(0))
                .contains(
                        "rollout/ep_rew_mean",
                        "train/approx_kl",
                        "train/clip_fraction",
                        "train/explained_variance",
                        "train/entropy_loss",
                        "train/value_loss",
                        "time/fps",
                        "time/total_timesteps");
        assertThat(progress).hasSize(1 + 4); // 4 rollouts of 2 × 128 steps
        JsonNode eval = Json.MAPPER.readTree(Files.readString(run.resolve("eval.json")));
        assertThat(eval.get("options").get("split").asString()).isEqualTo("test");
        assertThat(eval.get("controllers").has("ppo")).isTrue();
        assertThat(eval.get("controllers").has("rule-based")).isTrue();
        assertThat(eval.get("controllers").get("ppo").get("summary").has("yield_fresh_kg_m2")
                        || eval.get("controllers").get("ppo").get("summary").size() > 2)
                .isTrue();

        // resume, extending the run to 1,536 steps: it continues from the checkpoint at 1,024
        StringWriter out = new StringWriter();
        status = run(out, err, "train", "--resume", run.toString(), "--steps", "1536", "--quiet");
        assertThat(status).as(err.toString()).isZero();
        progress = Files.readAllLines(run.resolve("progress.csv"));
        assertThat(progress).hasSize(1 + 6);
        assertThat(progress.get(6)).startsWith("1536,6,");
    }

    @Test
    void exportWritesTheSameBytesAsTraining(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();
        assertThat(run(
                        new StringWriter(),
                        err,
                        args("train", "--env", "Pendulum-v1", "--steps", "512", "--out", run.toString(), "--quiet")))
                .as(err.toString())
                .isZero();
        StringWriter out = new StringWriter();
        Path again = dir.resolve("again.onnx");
        assertThat(run(out, err, "export", "--checkpoint", run.toString(), "--out", again.toString()))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Pendulum-v1, 3 observations → 1 actions");
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(run.resolve("policy.onnx")));
        // the ONNX file runs in rala eval and the manifest matches the env
        Path evalDir = dir.resolve("eval");
        assertThat(run(
                        new StringWriter(),
                        err,
                        "eval",
                        "--env",
                        "Pendulum-v1",
                        "--controller",
                        again.toString(),
                        "--episodes",
                        "2",
                        "--out",
                        evalDir.toString(),
                        "--quiet"))
                .as(err.toString())
                .isZero();
        // a policy for another environment is refused, naming what differs
        err = new StringWriter();
        assertThat(run(
                        new StringWriter(),
                        err,
                        "eval",
                        "--env",
                        "GreenhouseLettuce-v0",
                        "--controller",
                        again.toString(),
                        "--episodes",
                        "1",
                        "--out",
                        evalDir.toString(),
                        "--quiet"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("does not match the site's points");
    }

    @Test
    void badInputFailsBeforeTrainingNamingTheCulprit(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "train", "--env", "Nope-v0", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no environment 'Nope-v0'");
        err = new StringWriter();
        assertThat(run(
                        new StringWriter(),
                        err,
                        "train",
                        "--env",
                        "Pendulum-v1",
                        "--set",
                        "clip_range=0",
                        "--out",
                        dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("clip_range = 0");
        err = new StringWriter();
        assertThat(run(
                        new StringWriter(),
                        err,
                        "train",
                        "--resume",
                        dir.resolve("none").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("has no checkpoints");
    }
}
