package systems.rala.train.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.env.core.EnvRegistry;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.eval.Evaluation;
import systems.rala.train.ppo.PpoConfig;
import systems.rala.train.ppo.PpoTrainer;
import systems.rala.train.sim.Simulate;
import systems.rala.twin.weather.WeatherCsvWriter;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherSummary;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * {@code rala demo}: RALA's main loop end to end on the embedded default, with no data needed — generated
 * Amsterdam weather, the rule-based baseline on the tomato twin, a short PPO training run, its ONNX export,
 * an evaluation of the exported policy against the baseline on held-out weather, and a one-page report.
 */
@Command(
        name = "demo",
        description = {
            "The whole loop on the embedded default, with a one-page report.",
            "Generates weather, simulates the rule-based baseline, trains a policy for a short budget, exports it",
            "to ONNX, evaluates it against the baseline on held-out weather, and writes report.html into --out."
        },
        mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "demo-out", description = "Output folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--seed",
            defaultValue = "7",
            description = "Seed of weather and training (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--steps",
            defaultValue = "300000",
            description = "Training budget in environment steps (default ${DEFAULT-VALUE}).")
    long steps;

    @Option(
            names = "--env",
            defaultValue = "GreenhouseTomato-v0",
            description = "Environment to train on (default ${DEFAULT-VALUE}).")
    String env;

    @Option(
            names = "--episodes",
            defaultValue = "5",
            description = "Held-out episodes per controller in the evaluation (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    private long startNanos;

    @Override
    public Integer call() {
        if (steps < 1 || steps > 100_000_000) {
            throw new IllegalArgumentException("--steps " + steps + " is outside 1 to 100000000");
        }
        if (episodes < 1 || episodes > 1000) {
            throw new IllegalArgumentException("--episodes " + episodes + " is outside 1 to 1000");
        }
        EnvRegistry.entry(env);
        if (Files.exists(out.resolve("train").resolve("checkpoints"))) {
            throw new IllegalArgumentException(out + " already holds a demo; remove it or give another --out");
        }
        startNanos = System.nanoTime();
        PrintStream err = System.err;
        PrintWriter o = spec.commandLine().getOut();
        mkdirs(out);

        // 1. weather
        stage(err, 1, "weather: a generated Amsterdam year");
        WeatherSeries weather = new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(seed, 2030);
        Path weatherFile = out.resolve("weather-amsterdam-2030.csv");
        WeatherCsvWriter.write(weather, weatherFile);
        WeatherSummary ws = WeatherSummary.of(weather);
        String weatherLine = String.format(
                Locale.ROOT,
                "Amsterdam 2030 generated with seed %d: mean air temperature %.1f °C, global radiation %.0f MJ/m² a year",
                seed,
                ws.annualMeanTempC(),
                ws.annualRadiationMjM2());
        say(err, "  " + weatherLine);

        // 2. baseline on the twin
        stage(err, 2, "baseline: the rule-based climate computer on the tomato twin (HPS lamps), 7 winter days");
        Simulate.Result base = Simulate.run(
                new Simulate.Request(
                        "tomato-hps",
                        weatherFile.toString(),
                        null,
                        "amsterdam",
                        seed,
                        LocalDateTime.of(2030, 1, 15, 0, 0),
                        Duration.ofDays(7),
                        300,
                        null,
                        Map.of(),
                        null,
                        3,
                        out.resolve("baseline"),
                        !quiet,
                        null),
                err);
        say(
                err,
                String.format(
                        Locale.ROOT,
                        "  %,d steps in %.1f s; kpis in %s",
                        base.steps(),
                        base.wallSeconds(),
                        out.resolve("baseline").resolve("kpis.json")));

        // 3. training (export and the Java-side test evaluation come with it)
        stage(err, 3, String.format(Locale.ROOT, "training: PPO on %s for %,d steps", env, steps));
        List<String> sets = new ArrayList<>();
        sets.add("eval_freq=" + Math.max(1, steps / 4));
        sets.add("checkpoint_freq=" + Math.max(1, steps / 2));
        PpoConfig cfg = TrainCommand.loadConfig(env, null, sets, steps);
        Path trainDir = out.resolve("train");
        try (PpoTrainer t = PpoTrainer.start(cfg, seed, trainDir)) {
            TrainCommand.trainAndReport(t, err, new PrintWriter(PrintWriter.nullWriter()), quiet);
        }

        // 4. the exported policy, as a gateway would load it
        stage(err, 4, "export: the ONNX policy and its manifest");
        Path onnx = trainDir.resolve("policy.onnx");
        PolicyManifest manifest;
        try (OnnxPolicy p = OnnxPolicy.load(onnx)) {
            manifest = p.manifest();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + onnx, e);
        }
        say(
                err,
                String.format(
                        Locale.ROOT,
                        "  %s: %d observations → %d actions (%s), sha-256 %s…",
                        onnx,
                        manifest.observations().size(),
                        manifest.actions().size(),
                        String.join(
                                ", ",
                                manifest.actions().stream().map(a -> a.name()).toList()),
                        manifest.contentHash().substring(0, 12)));

        // 5. evaluation of the exported file against the baselines on held-out weather
        stage(
                err,
                5,
                String.format(
                        Locale.ROOT,
                        "evaluation: the ONNX policy against the baselines, %d held-out episodes",
                        episodes));
        Map<String, String> opts = new LinkedHashMap<>(cfg.envOptions());
        if (EnvRegistry.entry(env).hasSplits()) {
            opts.put("split", "test");
        }
        List<Evaluation.AgentResult> results = new ArrayList<>();
        long evalSeed = seed + 17;
        Map<String, String> baselineOpts = EvalCommand.baselineOptions(opts);
        for (String c : List.of(onnx.toString(), "rule-based", "all-off")) {
            Map<String, String> o2 = c.equals(onnx.toString()) ? opts : baselineOpts;
            results.add(Evaluation.run(
                    () -> EnvRegistry.make(env, o2), e -> EvalCommand.controller(e, c), episodes, evalSeed, null));
        }
        Path evalDir = out.resolve("eval");
        EvalCommand.writeReport(evalDir, "kpis.json", env, opts, evalSeed, episodes, results);

        // 6. report
        stage(err, 6, "report");
        Path report = out.resolve("report.html");
        writeReport(report, weatherLine, base, cfg, manifest, results, opts);
        double total = (System.nanoTime() - startNanos) / 1e9;
        printTable(o, results);
        o.printf(Locale.ROOT, "report: %s (%.0f s in all)%n", report, total);
        o.flush();
        return 0;
    }

    private void stage(PrintStream err, int k, String what) {
        if (!quiet) {
            err.printf(Locale.ROOT, "[%d/6 %5.0f s] %s%n", k, (System.nanoTime() - startNanos) / 1e9, what);
        }
    }

    private void say(PrintStream err, String line) {
        if (!quiet) {
            err.println(line);
        }
    }

    private static void mkdirs(Path p) {
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + p, e);
        }
    }

    /** KPI rows shown in the table, in order, where present. */
    private static final List<String[]> ROWS = List.of(
            new String[] {"return", "episode return (reward sum)"},
            new String[] {"profit_eur_m2", "profit (€/m²)"},
            new String[] {"revenue_eur_m2", "fruit revenue (€/m²)"},
            new String[] {"cost_eur_m2", "energy and CO2 cost (€/m²)"},
            new String[] {"heat_kwh_m2", "heating (kWh/m²)"},
            new String[] {"elec_kwh_m2", "lamp electricity (kWh/m²)"},
            new String[] {"co2_kg_m2", "CO2 dosed (kg/m²)"},
            new String[] {"yield_fresh_kg_m2", "fresh yield (kg/m²)"},
            new String[] {"temp_violation_kh", "temperature outside its band (K·h)"},
            new String[] {"rh_violation_pct_h", "RH outside its band (%·h)"},
            new String[] {"co2_violation_ppm_h", "CO2 outside its band (ppm·h)"});

    private static void printTable(PrintWriter o, List<Evaluation.AgentResult> results) {
        o.printf(Locale.ROOT, "%-36s", "held-out episodes, mean ± std");
        for (Evaluation.AgentResult r : results) {
            o.printf(Locale.ROOT, "  %20s", r.agent());
        }
        o.println();
        for (String[] row : ROWS) {
            if (!results.get(0).summary().containsKey(row[0])) {
                continue;
            }
            o.printf(Locale.ROOT, "%-36s", row[1]);
            for (Evaluation.AgentResult r : results) {
                double[] ms = r.summary().get(row[0]);
                o.printf(Locale.ROOT, "  %11.4g ± %-6.2g", ms[0], ms[1]);
            }
            o.println();
        }
    }

    private void writeReport(
            Path file,
            String weatherLine,
            Simulate.Result base,
            PpoConfig cfg,
            PolicyManifest manifest,
            List<Evaluation.AgentResult> results,
            Map<String, String> opts) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>RALA demo</title>\n")
                .append("<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;color:#222}")
                .append(
                        "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right}")
                .append(
                        "td:first-child,th:first-child{text-align:left}img{max-width:100%;border:1px solid #eee;margin:6px 0}")
                .append(".best{font-weight:bold}</style></head><body>\n");
        h.append("<h1>RALA demo</h1>\n<p>").append(esc(weatherLine)).append(".</p>\n");
        h.append("<h2>Held-out evaluation</h2>\n<p>")
                .append(esc(String.format(
                        Locale.ROOT,
                        "%s, options %s; %d episodes per controller on the same seeds. "
                                + "The policy is the exported ONNX file run in ONNX Runtime, as a gateway runs it.",
                        cfg.envId(),
                        opts,
                        results.get(0).episodes().size())))
                .append("</p>\n<table><tr><th>mean ± std</th>");
        for (Evaluation.AgentResult r : results) {
            h.append("<th>")
                    .append(esc(r.agent().equals("policy") ? "PPO (ONNX)" : r.agent()))
                    .append("</th>");
        }
        h.append("</tr>\n");
        for (String[] row : ROWS) {
            if (!results.get(0).summary().containsKey(row[0])) {
                continue;
            }
            h.append("<tr><td>").append(esc(row[1])).append("</td>");
            for (Evaluation.AgentResult r : results) {
                double[] ms = r.summary().get(row[0]);
                h.append("<td>")
                        .append(String.format(Locale.ROOT, "%.4g ± %.2g", ms[0], ms[1]))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        h.append("<img src=\"eval/comparison.png\" alt=\"KPI comparison\">\n");
        h.append("<img src=\"train/episode.png\" alt=\"actions over a test episode\">\n");
        h.append("<h2>Training</h2>\n<p>")
                .append(esc(String.format(
                        Locale.ROOT,
                        "PPO (DJL, PyTorch engine) for %,d steps, %d envs × %d steps per "
                                + "rollout, seed %d; config in train/config.properties, metrics in train/progress.csv. Policy: %d "
                                + "observations → %s.",
                        cfg.totalTimesteps(),
                        cfg.nEnvs(),
                        cfg.nSteps(),
                        seed,
                        manifest.observations().size(),
                        String.join(
                                ", ",
                                manifest.actions().stream()
                                        .map(a -> a.name() + " [" + a.unit() + "]")
                                        .toList()))))
                .append("</p>\n<img src=\"train/learning_curve.png\" alt=\"learning curve\">\n");
        h.append("<h2>Baseline on the twin</h2>\n<p>")
                .append(esc(String.format(
                        Locale.ROOT,
                        "The rule-based climate computer on the GreenLight tomato twin with "
                                + "HPS lamps, 15–22 January 2030: %,d steps of 5 minutes in %.1f s. KPIs: %s",
                        base.steps(),
                        base.wallSeconds(),
                        base.kpis())))
                .append("</p>\n");
        try (var files = Files.list(out.resolve("baseline"))) {
            for (Path png :
                    files.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
                h.append("<img src=\"baseline/").append(png.getFileName()).append("\" alt=\"baseline\">\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + out.resolve("baseline"), e);
        }
        h.append("</body></html>\n");
        try {
            Files.writeString(file, h, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
