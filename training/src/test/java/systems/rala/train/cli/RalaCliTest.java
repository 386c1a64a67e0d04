package systems.rala.train.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import systems.rala.twin.testing.SharedData;
import tools.jackson.databind.JsonNode;

class RalaCliTest {

    /** Runs the CLI in-process and captures its output. */
    private record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        CommandLine cl = RalaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommandWithOneLine() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: rala").containsPattern("\\n  weather +Weather:");
        for (String command :
                new String[] {"weather", "simulate", "validate", "eval", "demo", "calibrate", "serve", "train", "export"
                }) {
            assertThat(r.out()).as(command).containsPattern("\\n  " + command + " +\\S");
        }
    }

    @Test
    void versionNamesVersionAndCommit() {
        Result r = run("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("rala \\d+\\.\\d+\\.\\d+\\S* \\(commit \\S+\\)");
    }

    @Test
    void summaryOfAGeneratedYearAsJson() {
        Result r = run("weather", "summary", "--site", "amsterdam", "--seed", "7", "--year", "2030", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = Json.MAPPER.readTree(r.out());
        assertThat(root.get("annual_mean_temp_c").asDouble()).isBetween(9.0, 11.0);
        assertThat(root.get("annual_radiation_mj_m2").asDouble()).isBetween(3200.0, 3900.0);
        JsonNode monthly = root.get("monthly");
        assertThat(monthly.size()).isEqualTo(12);
        for (int m = 0; m < 12; m++) {
            JsonNode o = monthly.get(m);
            assertThat(o.get("month").asInt()).isEqualTo(m + 1);
            assertThat(o.propertyNames()).contains("mean_temp_c", "mean_rh_pct", "radiation_mj_m2", "mean_wind_m_s");
        }
        // July is warmer and sunnier than January in Amsterdam
        assertThat(monthly.get(6).get("mean_temp_c").asDouble())
                .isGreaterThan(monthly.get(0).get("mean_temp_c").asDouble() + 8);
        assertThat(monthly.get(6).get("radiation_mj_m2").asDouble())
                .isGreaterThan(5 * monthly.get(0).get("radiation_mj_m2").asDouble());
    }

    @Test
    void generateWritesAFileWhoseSummaryMatchesTheInMemoryYear(@TempDir Path dir) {
        Path out = dir.resolve("w.csv");
        Result g = run(
                "weather", "generate", "--site", "amsterdam", "--seed", "7", "--year", "2030", "--out", out.toString());
        assertThat(g.status()).as(g.err()).isZero();
        assertThat(g.out()).contains("8761 hourly rows");
        JsonNode fromFile = Json.MAPPER.readTree(
                run("weather", "summary", out.toString(), "--json").out());
        JsonNode inMemory =
                Json.MAPPER.readTree(run("weather", "summary", "--site", "amsterdam", "--seed", "7", "--json")
                        .out());
        assertThat(fromFile.get("annual_mean_temp_c").asDouble())
                .isCloseTo(inMemory.get("annual_mean_temp_c").asDouble(), within(1e-4));
        assertThat(fromFile.get("annual_radiation_mj_m2").asDouble())
                .isCloseTo(inMemory.get("annual_radiation_mj_m2").asDouble(), within(0.01));
    }

    @Test
    void summaryOfAnEpwAsText() {
        Path epw = SharedData.weather("NLD_Amsterdam.062400_IWEC.epw");
        Result r = run("weather", "summary", epw.toString());
        assertThat(r.status()).as(r.err()).isZero();
        // monthly means computed by awk from the file's field 7: January 4.2007 C, February 3.7015 C
        assertThat(r.out())
                .contains("typical year")
                .containsPattern("Jan +4\\.2 ")
                .containsPattern("Feb +3\\.7 ");
        assertThat(r.out()).contains("radiation 3537 MJ/m2 over 365 full days");
    }

    @Test
    void summaryOfACsvNeedsItsMapping() {
        Path csv = SharedData.weather("SEL2000-seljaar.csv");
        Result bad = run("weather", "summary", csv.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).startsWith("rala: ").contains("is a CSV without a mapping");
        Path mapping = SharedData.projectRoot().resolve("examples/weather/sel2000.mapping.properties");
        Result ok = run("weather", "summary", csv.toString(), "--mapping", mapping.toString(), "--json");
        assertThat(ok.status()).as(ok.err()).isZero();
    }

    @Test
    void badInputIsAUsageErrorWithAMessage(@TempDir Path dir) throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.epw"), "LOCATION,x\n");
        Result r = run("weather", "summary", broken.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("broken.epw:1:");
        Result missing = run(
                "weather",
                "generate",
                "--site",
                "amsterdam",
                "--out",
                dir.resolve("x.csv").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("give --year YYYY, or both --from and --to");
        Result unknownSite = run("weather", "summary", "--site", "atlantis");
        assertThat(unknownSite.err()).contains("no built-in weather parameters for site 'atlantis'");
        Result unknownOption = run("weather", "summary", "--frobnicate");
        assertThat(unknownOption.status()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--frobnicate'");
    }
}
