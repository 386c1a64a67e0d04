package systems.rala.train.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.OnnxAgent;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.train.eval.Evaluation;
import systems.rala.train.report.Charts;
import systems.rala.train.report.Progress;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code rala eval}: controllers on the same episodes of an environment, with KPIs side by side. */
@Command(
        name = "eval",
        description = {
            "Evaluate controllers on the same episodes of an environment; writes kpis.json and comparison plots.",
            "Give --controller twice (or more) to compare controllers side by side."
        },
        mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "ID", description = "Environment id (see the registry).")
    String env;

    @Option(
            names = "--controller",
            required = true,
            paramLabel = "NAME|FILE.onnx",
            description = "A baseline of the environment (rule-based, all-off, pid, ...) or an exported policy.")
    List<String> controllers;

    @Option(
            names = "--episodes",
            defaultValue = "5",
            description = "Episodes per controller (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(
            names = "--split",
            paramLabel = "train|validation|test",
            description = "Weather split (environments that have one).")
    String split;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Evaluation seed: episode seeds are drawn from it (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--option",
            paramLabel = "KEY=VALUE",
            description = "Environment option, repeatable (e.g. episode_days=10).")
    List<String> options = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() {
        if (episodes < 1 || episodes > 10_000) {
            throw new IllegalArgumentException("--episodes " + episodes + " is outside 1 to 10000");
        }
        Map<String, String> opts = new LinkedHashMap<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--option '" + o + "' is not KEY=VALUE");
            }
            opts.put(o.substring(0, eq).strip(), o.substring(eq + 1).strip());
        }
        if (split != null) {
            opts.put("split", split);
        }
        // an exported policy carries the options it was trained with: they apply unless given here
        Map<String, String> trained = null;
        for (String c : controllers) {
            if (c.endsWith(".onnx") && Files.isRegularFile(Path.of(c))) {
                Map<String, String> m = trainedOptions(Path.of(c));
                if (trained != null && !trained.equals(m)) {
                    throw new IllegalArgumentException("the policies were trained with different environment options ("
                            + trained + " and " + m + "); give --option to choose");
                }
                trained = m;
            }
        }
        if (trained != null) {
            trained.forEach((k, v) -> {
                if (!k.equals("split") && !opts.containsKey(k)) {
                    opts.put(k, v);
                }
            });
        }
        Map<String, String> baselineOpts = baselineOptions(opts);
        // build once up front: bad ids, options and controller names fail before any episode runs
        try (Env probe = EnvRegistry.make(env, opts);
                Env baselineProbe = EnvRegistry.make(env, baselineOpts)) {
            for (String c : controllers) {
                if (c.endsWith(".onnx")) {
                    if (!Files.isRegularFile(Path.of(c))) {
                        throw new IllegalArgumentException("--controller " + c + ": no such file");
                    }
                    new OnnxAgent(Path.of(c), probe).close(); // hash and manifest checked against the env
                } else {
                    Evaluation.baseline(baselineProbe, c);
                }
            }
        }
        List<Evaluation.AgentResult> results = new ArrayList<>();
        for (String c : controllers) {
            Progress p = new Progress(System.err, "eval " + c, episodes, "episodes", !quiet);
            Map<String, String> o = c.endsWith(".onnx") ? opts : baselineOpts;
            results.add(
                    Evaluation.run(() -> EnvRegistry.make(env, o), e -> controller(e, c), episodes, seed, p::update));
        }
        writeReport(out, "kpis.json", env, opts, seed, episodes, results);
        PrintWriter w = spec.commandLine().getOut();
        List<String> keys = new ArrayList<>(results.get(0).summary().keySet());
        w.printf(Locale.ROOT, "%-26s", "");
        for (Evaluation.AgentResult r : results) {
            w.printf(Locale.ROOT, "  %22s", r.agent());
        }
        w.println();
        for (String k : keys) {
            w.printf(Locale.ROOT, "%-26s", k);
            for (Evaluation.AgentResult r : results) {
                double[] ms = r.summary().getOrDefault(k, new double[] {Double.NaN, Double.NaN});
                w.printf(Locale.ROOT, "  %12.4g ± %-7.3g", ms[0], ms[1]);
            }
            w.println();
        }
        w.println("wrote " + out.resolve("kpis.json"));
        w.flush();
        return 0;
    }

    /**
     * The options baselines run with beside a policy run with {@code opts}: the same, except that a residual
     * policy's baselines drive the same plant, weather and episodes through set-points (the residual form
     * offers only the zero correction, which is the rule-based controller step for step).
     */
    static Map<String, String> baselineOptions(Map<String, String> opts) {
        Map<String, String> b = new LinkedHashMap<>(opts);
        if ("residual".equals(opts.get("action_mode"))) {
            b.put("action_mode", "setpoint");
        }
        return b;
    }

    /** The environment options an exported policy was trained with (its manifest's {@code key=value;...}). */
    static Map<String, String> trainedOptions(Path onnx) {
        Map<String, String> m = new LinkedHashMap<>();
        try (systems.rala.runtime.policy.OnnxPolicy p = systems.rala.runtime.policy.OnnxPolicy.load(onnx)) {
            String s = p.manifest().envOptions();
            if (s != null && !s.isBlank()) {
                for (String kv : s.split(";")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        m.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + onnx, e);
        }
        return m;
    }

    /** A baseline of the environment by name, or an exported policy ({@code .onnx}) run in ONNX Runtime. */
    static Agent controller(Env env, String name) {
        return name.endsWith(".onnx") ? new OnnxAgent(Path.of(name), env) : Evaluation.baseline(env, name);
    }

    /**
     * Writes {@code out/fileName} (every episode and the mean and std of each KPI per controller, the first
     * controller also at the top level), {@code comparison.png} and {@code returns.png}.
     */
    static void writeReport(
            Path out,
            String fileName,
            String env,
            Map<String, String> opts,
            long seed,
            int episodes,
            List<Evaluation.AgentResult> results) {
        try {
            Files.createDirectories(out);
            ObjectNode root = Json.object();
            root.put("env", env);
            ObjectNode o = root.putObject("options");
            opts.forEach(o::put);
            root.put("seed", seed);
            root.put("episodes_per_controller", episodes);
            ObjectNode all = root.putObject("controllers");
            for (int i = 0; i < results.size(); i++) {
                Evaluation.AgentResult r = results.get(i);
                ObjectNode node = all.putObject(r.agent());
                fill(node, r);
                if (i == 0) {
                    fill(root, r); // the first controller also at the top level
                    root.put("controller", r.agent());
                }
            }
            Files.writeString(out.resolve(fileName), Json.pretty(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        List<String> names = results.stream().map(Evaluation.AgentResult::agent).toList();
        List<String> kpis = List.of(
                "return", "profit_eur_m2", "heat_kwh_m2", "elec_kwh_m2", "yield_fresh_kg_m2", "temp_violation_kh");
        List<String> present = kpis.stream()
                .filter(k -> results.get(0).summary().containsKey(k))
                .toList();
        double[][] values = new double[results.size()][present.size()];
        for (int s = 0; s < results.size(); s++) {
            for (int c = 0; c < present.size(); c++) {
                values[s][c] = results.get(s).summary().get(present.get(c))[0];
            }
        }
        Charts.bars(
                out.resolve("comparison.png"), env + ": mean per episode", "value", present, names, values, 1200, 500);
        double[] idx = new double[episodes];
        List<Charts.Line> lines = new ArrayList<>();
        for (Evaluation.AgentResult r : results) {
            double[] ret = new double[episodes];
            for (int e = 0; e < episodes; e++) {
                idx[e] = e + 1;
                ret[e] = r.episodes().get(e).episodeReturn();
            }
            lines.add(new Charts.Line(r.agent(), ret));
        }
        Charts.write(
                out.resolve("returns.png"),
                env + ": return per episode (same seeds)",
                "episode",
                idx,
                List.of(new Charts.Panel("return", lines)),
                1200,
                400);
    }

    private static void fill(ObjectNode node, Evaluation.AgentResult r) {
        ArrayNode eps = node.putArray("episodes");
        for (Evaluation.EpisodeResult e : r.episodes()) {
            ObjectNode o = eps.addObject();
            o.put("seed", e.seed());
            Json.putNumber(o, "return", e.episodeReturn());
            o.put("steps", e.steps());
            e.kpis().forEach((k, v) -> Json.putNumber(o, k, v));
        }
        ObjectNode summary = node.putObject("summary");
        r.summary().forEach((k, ms) -> {
            ObjectNode s = summary.putObject(k);
            Json.putNumber(s, "mean", ms[0]);
            Json.putNumber(s, "std", ms[1]);
        });
    }
}
