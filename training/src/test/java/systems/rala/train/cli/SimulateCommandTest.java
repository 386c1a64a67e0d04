package systems.rala.train.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import systems.rala.twin.testing.SharedData;
import tools.jackson.databind.JsonNode;

class SimulateCommandTest {

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
    void tomatoRunWritesTrajectoryKpisAndPlots(@TempDir Path dir) throws Exception {
        Result r = run(
                "simulate",
                "--model",
                "tomato-led",
                "--weather",
                "generated",
                "--seed",
                "3",
                "--start",
                "2030-12-01",
                "--days",
                "2",
                "--out",
                dir.toString(),
                "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("trajectory.csv"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2 * 288 + 2); // header, one row per step and the final state
        assertThat(lines.get(0))
                .startsWith("time[s],local_time,tCan[C],tAir[C]")
                .contains("uBoil[-]", "vpAir[Pa]", "outdoor_global_radiation[W/m2]");
        JsonNode k = Json.MAPPER.readTree(Files.readString(dir.resolve("kpis.json")));
        for (String key : List.of(
                "heat_kwh_m2",
                "elec_kwh_m2",
                "co2_kg_m2",
                "cost_eur_m2",
                "yield_fresh_kg_m2",
                "revenue_eur_m2",
                "profit_eur_m2",
                "emissions_kgco2e_m2",
                "temp_violation_kh",
                "rh_violation_pct_h",
                "co2_violation_ppm_h",
                "time_in_bounds_pct",
                "mean_vpd_kpa",
                "dli_mol_m2_d",
                "sim_days",
                "steps",
                "wall_s")) {
            assertThat(k.has(key)).as(key).isTrue();
        }
        // December in Amsterdam: 18 h of LEDs at 66.7 W/m2 on dull days is 1.2 kWh/m2 a day at most
        assertThat(k.get("elec_kwh_m2").asDouble()).isBetween(1.0, 2.5);
        assertThat(k.get("heat_kwh_m2").asDouble()).isGreaterThan(0.5);
        assertThat(k.get("steps").asDouble()).isEqualTo(576.0);
        for (String png :
                List.of("temperatures.png", "humidity.png", "co2.png", "actuators.png", "energy.png", "yield.png")) {
            assertThat(Files.size(dir.resolve(png))).as(png).isGreaterThan(10_000);
        }
    }

    @Test
    void lettuceRunsWithTheGrowerHeuristic(@TempDir Path dir) throws Exception {
        Result r = run(
                "simulate",
                "--model",
                "lettuce",
                "--weather",
                "generated",
                "--start",
                "2030-02-09",
                "--days",
                "5",
                "--dt",
                "1800",
                "--out",
                dir.toString(),
                "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode k = Json.MAPPER.readTree(Files.readString(dir.resolve("kpis.json")));
        assertThat(k.get("heat_kwh_m2").asDouble()).isGreaterThan(0);
        assertThat(k.get("yield_fresh_kg_m2").asDouble()).isGreaterThan(0);
        assertThat(k.get("run").get("controller").asText()).isEqualTo("rule-based (sampled)");
    }

    @Test
    void replayingRecordedInputsReproducesTheRun(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        assertThat(run(
                                "simulate",
                                "--model",
                                "tomato-hps",
                                "--weather",
                                "generated",
                                "--start",
                                "2030-11-01",
                                "--days",
                                "2",
                                "--control",
                                "sampled",
                                "--out",
                                a.toString(),
                                "--quiet")
                        .status())
                .isZero();
        // the recorded inputs, as step-held values: each row's inputs hold until the next row
        List<String> rows = Files.readAllLines(a.resolve("trajectory.csv"));
        String[] header = rows.get(0).split(",");
        List<Integer> cols = new ArrayList<>();
        StringBuilder csv = new StringBuilder("time");
        for (int i = 0; i < header.length; i++) {
            if (header[i].startsWith("u") && header[i].endsWith("[-]")) {
                cols.add(i);
                csv.append(',').append(header[i]);
            }
        }
        csv.append('\n');
        for (int r = 1; r < rows.size(); r++) {
            String[] f = rows.get(r).split(",");
            double t = Double.parseDouble(f[0]);
            // a pair of rows per step makes the linear interpolation a step function
            for (double tt : new double[] {t, t + 299.999}) {
                csv.append(tt);
                for (int c : cols) {
                    csv.append(',').append(f[c]);
                }
                csv.append('\n');
            }
        }
        Path inputs = Files.writeString(dir.resolve("inputs.csv"), csv);
        Path b = dir.resolve("b");
        Result r = run(
                "simulate",
                "--model",
                "tomato-hps",
                "--weather",
                "generated",
                "--start",
                "2030-11-01",
                "--days",
                "2",
                "--inputs",
                inputs.toString(),
                "--out",
                b.toString(),
                "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode ka = Json.MAPPER.readTree(Files.readString(a.resolve("kpis.json")));
        JsonNode kb = Json.MAPPER.readTree(Files.readString(b.resolve("kpis.json")));
        // the only difference is the 1 ms ramp between held values, and 7 significant digits in the file
        assertThat(kb.get("heat_kwh_m2").asDouble())
                .isCloseTo(ka.get("heat_kwh_m2").asDouble(), within(1e-3));
        assertThat(kb.get("elec_kwh_m2").asDouble())
                .isCloseTo(ka.get("elec_kwh_m2").asDouble(), within(1e-3));
        assertThat(kb.get("run").get("controller").asText()).startsWith("replay");
    }

    @Test
    void badInputFailsBeforeTheRunNamingTheCulprit(@TempDir Path dir) throws Exception {
        Path unknown = Files.writeString(dir.resolve("p.properties"), "cLeakge = 2e-4\n");
        Result r1 = run(
                "simulate",
                "--model",
                "tomato-hps",
                "--weather",
                "generated",
                "--start",
                "2030-01-01",
                "--days",
                "1",
                "--params-file",
                unknown.toString(),
                "--out",
                dir.resolve("o").toString());
        assertThat(r1.status()).isEqualTo(2);
        assertThat(r1.err()).contains("unknown parameter 'cLeakge'").contains("cLeakage");
        Path range = Files.writeString(dir.resolve("p.json"), "{\"params\": {\"pBoil\": {\"value\": -5}}}");
        Result r2 = run(
                "simulate",
                "--model",
                "tomato-hps",
                "--weather",
                "generated",
                "--start",
                "2030-01-01",
                "--days",
                "1",
                "--params-file",
                range.toString(),
                "--out",
                dir.resolve("o").toString());
        assertThat(r2.err()).contains("parameter pBoil = -5.0 W is outside its physical range 0.0 to 1.0E10 W");
        Path bleiswijk = SharedData.weather("Bleiswijk-GL2009-5min.csv");
        Path mapping = SharedData.projectRoot().resolve("examples/weather/bleiswijk.mapping.properties");
        Result r3 = run(
                "simulate",
                "--model",
                "tomato-hps",
                "--weather",
                bleiswijk.toString(),
                "--mapping",
                mapping.toString(),
                "--start",
                "2009-12-25",
                "--days",
                "10",
                "--out",
                dir.resolve("o").toString());
        assertThat(r3.status()).isEqualTo(2);
        assertThat(r3.err())
                .contains("does not cover the requested period 2009-12-25T00:00 to 2010-01-04T00:00")
                .contains("covers 2009-10-19T15:15");
        Result r4 = run(
                "simulate",
                "--model",
                "cucumber",
                "--weather",
                "generated",
                "--start",
                "2030-01-01",
                "--days",
                "1",
                "--out",
                dir.resolve("o").toString());
        assertThat(r4.err()).contains("--model 'cucumber' is not known; available: tomato-hps, tomato-led, lettuce");
        assertThat(Files.exists(dir.resolve("o"))).isFalse(); // nothing written on bad input
    }
}
