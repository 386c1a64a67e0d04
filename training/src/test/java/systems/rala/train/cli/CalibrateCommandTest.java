package systems.rala.train.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import systems.rala.train.calibrate.SyntheticHistory;
import tools.jackson.databind.JsonNode;

class CalibrateCommandTest {

    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = RalaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void calibratesALogAndItsParamsFeedSimulateAndTrain(@TempDir Path dir) throws Exception {
        // ten days of a greenhouse whose leakage is 50 % higher than the twin's
        Path csv = SyntheticHistory.write(
                dir.resolve("log"), Map.of("cLeakage", 1.5e-4), LocalDateTime.of(2030, 3, 10, 0, 0), 10, 3);
        Path mapping = dir.resolve("log/history.mapping.properties");
        Path out = dir.resolve("cal");
        Result r = run(
                "calibrate",
                "--model",
                "tomato-led",
                "--data",
                csv.toString(),
                "--mapping",
                mapping.toString(),
                "--params",
                "cLeakage=5e-5:3e-4",
                "--train",
                "2030-03-10..2030-03-17",
                "--holdout",
                "2030-03-17..2030-03-20",
                "--threads",
                "2",
                "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("iteration").contains("outliers");
        for (String f :
                new String[] {"report.json", "report.md", "params.json", "air_temperature.png", "air_co2.png"}) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        JsonNode report = Json.MAPPER.readTree(Files.readString(out.resolve("report.json")));
        JsonNode leak = report.get("params").get("cLeakage");
        assertThat(leak.get("value").asDouble()).isBetween(1.35e-4, 1.65e-4);
        assertThat(leak.get("std_error").asDouble()).isPositive();
        for (String w : new String[] {"train", "holdout", "train_nominal", "holdout_nominal"}) {
            JsonNode t = report.get("metrics").get(w).get("air_temperature");
            for (String k : new String[] {"rmse", "rrmse", "bias", "nse", "cv_rmse", "nmbe", "n"}) {
                assertThat(t.has(k)).as(w + " " + k).isTrue();
            }
        }
        assertThat(report.get("metrics")
                        .get("holdout")
                        .get("air_co2")
                        .get("rrmse")
                        .asDouble())
                .isLessThan(report.get("metrics")
                        .get("holdout_nominal")
                        .get("air_co2")
                        .get("rrmse")
                        .asDouble());

        // the fitted parameters feed the twin and the environments
        Path params = out.resolve("params.json");
        Result sim = run(
                "simulate",
                "--model",
                "tomato-led",
                "--weather",
                "generated",
                "--start",
                "2030-03-10",
                "--days",
                "1",
                "--params-file",
                params.toString(),
                "--out",
                dir.resolve("sim").toString());
        assertThat(sim.status()).as(sim.err()).isZero();
        Result train = run(
                "train",
                "--env",
                "GreenhouseTomato-v0",
                "--steps",
                "64",
                "--set",
                "n_envs=2",
                "--set",
                "n_steps=32",
                "--set",
                "batch_size=32",
                "--set",
                "env.episode_days=1",
                "--params-file",
                params.toString(),
                "--out",
                dir.resolve("run").toString(),
                "--quiet");
        assertThat(train.status()).as(train.err()).isZero();
        assertThat(Files.readString(dir.resolve("run/config.properties"))).contains("env.param.cLeakage=");
    }

    @Test
    void cmaesFindsTheLeakageToo(@TempDir Path dir) throws Exception {
        Path csv = SyntheticHistory.write(
                dir.resolve("log"), Map.of("cLeakage", 1.5e-4), LocalDateTime.of(2030, 3, 10, 0, 0), 5, 4);
        Path out = dir.resolve("cal");
        Result r = run(
                "calibrate",
                "--model",
                "tomato-led",
                "--data",
                csv.toString(),
                "--mapping",
                dir.resolve("log/history.mapping.properties").toString(),
                "--params",
                "cLeakage=5e-5:3e-4",
                "--train",
                "2030-03-10..2030-03-14",
                "--holdout",
                "2030-03-14..2030-03-15",
                "--method",
                "cmaes",
                "--max-evaluations",
                "40",
                "--threads",
                "1",
                "--out",
                out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode leak = Json.MAPPER
                .readTree(Files.readString(out.resolve("report.json")))
                .get("params")
                .get("cLeakage");
        // CMA-ES gives no standard error; 40 evaluations bring it within 10 % of the truth
        assertThat(leak.get("value").asDouble()).isBetween(1.35e-4, 1.65e-4);
        assertThat(leak.get("std_error").isNull()).isTrue();
    }

    @Test
    void badParametersAndWindowsAreNamed(@TempDir Path dir) {
        Path csv = SyntheticHistory.write(dir, Map.of(), LocalDateTime.of(2030, 3, 10, 0, 0), 3, 1);
        String mapping = dir.resolve("history.mapping.properties").toString();
        Result unknown = run(
                "calibrate",
                "--model",
                "tomato-led",
                "--data",
                csv.toString(),
                "--mapping",
                mapping,
                "--params",
                "cLeak",
                "--train",
                "2030-03-10..2030-03-12",
                "--holdout",
                "2030-03-12..2030-03-13",
                "--out",
                dir.resolve("a").toString());
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("unknown parameter 'cLeak'");
        Result range = run(
                "calibrate",
                "--model",
                "tomato-led",
                "--data",
                csv.toString(),
                "--mapping",
                mapping,
                "--params",
                "cLeakage=-1:1",
                "--train",
                "2030-03-10..2030-03-12",
                "--holdout",
                "2030-03-12..2030-03-13",
                "--out",
                dir.resolve("b").toString());
        assertThat(range.err())
                .contains("parameter cLeakage: bounds [-1.0, 1.0] must be increasing and within its physical"
                        + " range [0.0, 0.01]");
        Result window = run(
                "calibrate",
                "--model",
                "tomato-led",
                "--data",
                csv.toString(),
                "--mapping",
                mapping,
                "--params",
                "cLeakage",
                "--train",
                "2030-04-01..2030-04-05",
                "--holdout",
                "2030-03-12..2030-03-13",
                "--out",
                dir.resolve("c").toString());
        assertThat(window.err()).contains("--train 2030-04-01..2030-04-05 is not a window within the log");
    }
}
