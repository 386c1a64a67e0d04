package systems.rala.train.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.env.agents.Agent;
import systems.rala.env.agents.HasBaselines;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;
import systems.rala.train.eval.Evaluation;
import systems.rala.train.export.PolicyExport;
import systems.rala.train.ppo.PpoConfig;
import systems.rala.train.ppo.PpoPolicy;
import systems.rala.train.ppo.PpoTrainer;
import systems.rala.train.report.Charts;

/** {@code rala train}: PPO on an environment, with progress, checkpoints, evaluation and export. */
@Command(
        name = "train",
        description = {
            "Train a PPO policy on an environment (progress, checkpoints, exact resume, ONNX export).",
            "Writes progress.csv, checkpoints, the best policy, policy.onnx, eval.json (test split, against the",
            "rule-based baseline) and plots into --out."
        },
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--env", paramLabel = "ID", description = "Environment id (see the registry).")
    String env;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Hyper-parameters (properties); default: the environment's file in training/configs.")
    Path config;

    @Option(names = "--steps", paramLabel = "N", description = "Environment steps to train for (total_timesteps).")
    Long steps;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the run (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder (required unless --resume).")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run in DIR from its newest checkpoint.")
    Path resume;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a hyper-parameter or an env.* option, repeatable (e.g. --set n_envs=16).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Option(
            names = "--params-file",
            paramLabel = "FILE",
            description = "Twin parameter values (.json as rala calibrate writes, or .properties), passed to the"
                    + " environment as param.NAME options.")
    Path paramsFile;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        PpoTrainer trainer;
        if (resume != null) {
            if (env != null || config != null || !sets.isEmpty() || out != null || paramsFile != null) {
                throw new IllegalArgumentException(
                        "--resume continues a run with its own configuration; give only --resume DIR"
                                + " (and --steps N to extend it)");
            }
            Map<String, String> o = new LinkedHashMap<>();
            if (steps != null) {
                o.put("total_timesteps", Long.toString(steps));
            }
            trainer = PpoTrainer.resume(resume, o);
            if (!quiet) {
                err.printf(
                        Locale.ROOT,
                        "resuming %s at %,d of %,d steps%n",
                        resume,
                        trainer.timesteps(),
                        trainer.config().totalTimesteps());
            }
        } else {
            if (env == null || out == null) {
                throw new IllegalArgumentException("give --env ID and --out DIR (or --resume DIR)");
            }
            List<String> all = new ArrayList<>(sets);
            SimulateCommand.readOverrides(paramsFile).forEach((k, v) -> all.add("env.param." + k + "=" + v));
            PpoConfig cfg = loadConfig(env, config, all, steps);
            if (Files.exists(out.resolve("checkpoints"))) {
                throw new IllegalArgumentException(
                        out + " already holds a run; use --resume " + out + " or another --out");
            }
            trainer = PpoTrainer.start(cfg, seed, out);
        }
        try (PpoTrainer t = trainer) {
            trainAndReport(t, err, spec.commandLine().getOut(), quiet);
        }
        return 0;
    }

    /**
     * Trains to the end with progress lines on {@code err}, then {@link #finish}es; returns the test-split
     * results (the policy first, then the rule-based baseline where there is one).
     */
    static List<Evaluation.AgentResult> trainAndReport(PpoTrainer t, PrintStream err, PrintWriter out, boolean quiet) {
        {
            PpoConfig cfg = t.config();
            long total = cfg.totalTimesteps();
            long startSteps = t.timesteps();
            long startNanos = System.nanoTime();
            long[] lastPrint = {0};
            if (!quiet) {
                err.printf(
                        Locale.ROOT,
                        "training PPO on %s for %,d steps (%d envs × %d steps per rollout, seed %d) into %s%n",
                        cfg.envId(),
                        total,
                        cfg.nEnvs(),
                        cfg.nSteps(),
                        t.seed(),
                        t.out());
            }
            t.train(Long.MAX_VALUE, it -> {
                long now = System.nanoTime();
                boolean last = it.totalTimesteps() >= total;
                if (quiet || (!last && now - lastPrint[0] < 2_000_000_000L && Double.isNaN(it.evalMean()))) {
                    return;
                }
                lastPrint[0] = now;
                double rate = (it.totalTimesteps() - startSteps) / ((now - startNanos) / 1e9);
                String eval = Double.isNaN(it.evalMean())
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "  eval %.4g (best %.4g%s)",
                                it.evalMean(),
                                t.bestEval(),
                                Double.isNaN(it.baselineEval())
                                        ? ""
                                        : String.format(Locale.ROOT, ", rule-based %.4g", it.baselineEval()));
                err.printf(
                        Locale.ROOT,
                        "%,11d / %,d (%3.0f%%)  %,6.0f steps/s  ep_rew_mean %.4g%s  %s left%n",
                        it.totalTimesteps(),
                        total,
                        100.0 * it.totalTimesteps() / total,
                        rate,
                        it.epRewMean(),
                        eval,
                        seconds(Math.max(0, total - it.totalTimesteps()) / Math.max(rate, 1e-9)));
            });
            return finish(t, err, out, quiet);
        }
    }

    /** The config of {@code envId}: {@code file}, or the environment's own file, or the defaults; then overrides. */
    static PpoConfig loadConfig(String envId, Path file, List<String> sets, Long steps) {
        Map<String, String> o = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set '" + s + "' is not KEY=VALUE");
            }
            o.put(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        if (steps != null) {
            o.put("total_timesteps", Long.toString(steps));
        }
        o.put("env", envId);
        EnvRegistry.entry(envId); // an unknown id fails here, listing the known ones
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--config " + file + " does not exist");
            }
            return PpoConfig.load(file, o);
        }
        Map<String, String> m = new LinkedHashMap<>(bundledConfig(envId));
        m.putAll(o);
        return PpoConfig.of(m, "training/configs/" + envId + ".properties");
    }

    /** The config shipped for {@code envId} (training/configs, on the classpath), or none. */
    static Map<String, String> bundledConfig(String envId) {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = TrainCommand.class.getResourceAsStream("/configs/" + envId + ".properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                for (String k : p.stringPropertyNames()) {
                    m.put(k, p.getProperty(k).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled config of " + envId, e);
        }
        return m;
    }

    /** After training: the chosen policy, its export, its test-split evaluation against the baseline, plots. */
    static List<Evaluation.AgentResult> finish(PpoTrainer t, PrintStream err, PrintWriter out, boolean quiet) {
        PpoConfig cfg = t.config();
        Path dir = t.out();
        Path best = dir.resolve("best").resolve("policy.bin");
        PpoPolicy policy = Files.exists(best) ? PpoPolicy.load(best) : t.policy();
        policy.save(dir.resolve("policy.bin"));
        if (!quiet) {
            err.println(
                    Files.exists(best)
                            ? String.format(
                                    Locale.ROOT,
                                    "best policy (validation return %.4g) at step %,d",
                                    t.bestEval(),
                                    policy.trainedSteps())
                            : "final policy (no evaluation during training)");
        }
        PolicyExport.exportOnnx(
                policy,
                dir.resolve("policy.onnx"),
                dir.toAbsolutePath().getFileName().toString(),
                t.seed(),
                err,
                quiet);
        Map<String, String> testOptions = new LinkedHashMap<>(cfg.envOptions());
        if (EnvRegistry.entry(cfg.envId()).hasSplits() && !testOptions.containsKey("split")) {
            testOptions.put("split", "test");
        }
        List<Evaluation.AgentResult> results = new ArrayList<>();
        int episodes = cfg.evalEpisodes();
        long evalSeed = t.seed() + 1_000_003L;
        results.add(Evaluation.run(
                () -> EnvRegistry.make(cfg.envId(), testOptions), e -> policy, episodes, evalSeed, null));
        List<String> baselines = new ArrayList<>();
        try (Env probe = EnvRegistry.make(cfg.envId(), testOptions)) {
            Env inner = probe instanceof Wrapper w ? w.unwrapped() : probe;
            if (inner instanceof HasBaselines hb && hb.baselines().contains("rule-based")) {
                baselines.add("rule-based");
            }
        }
        for (String b : baselines) {
            results.add(Evaluation.run(
                    () -> EnvRegistry.make(cfg.envId(), testOptions),
                    e -> Evaluation.baseline(e, b),
                    episodes,
                    evalSeed,
                    null));
        }
        EvalCommand.writeReport(dir, "eval.json", cfg.envId(), testOptions, evalSeed, episodes, results);
        learningCurve(dir, cfg.envId());
        episodePlot(dir, cfg.envId(), testOptions, evalSeed, policy, baselines);
        for (Evaluation.AgentResult r : results) {
            double[] ms = r.summary().get("return");
            out.printf(
                    Locale.ROOT,
                    "test split, %d episodes: %-12s return %.4g ± %.3g%n",
                    episodes,
                    r.agent(),
                    ms[0],
                    ms[1]);
        }
        out.println("wrote " + dir.resolve("eval.json") + ", " + dir.resolve("policy.onnx") + " and plots");
        out.flush();
        return results;
    }

    /** learning_curve.png from progress.csv: mean training episode return and validation return over steps. */
    static void learningCurve(Path dir, String envId) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dir.resolve("progress.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("progress.csv"), e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        int cSteps = header.indexOf("time/total_timesteps");
        int cRew = header.indexOf("rollout/ep_rew_mean");
        int cEval = header.indexOf("eval/mean_reward");
        int n = lines.size() - 1;
        double[] x = new double[n];
        double[] rew = new double[n];
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            x[i] = Double.parseDouble(f[cSteps]);
            rew[i] = f[cRew].isEmpty() ? Double.NaN : Double.parseDouble(f[cRew]);
            ev[i] = f[cEval].isEmpty() ? Double.NaN : Double.parseDouble(f[cEval]);
        }
        // evaluations are sparse: carry each forward so the line is drawn between them
        double lastEval = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(ev[i])) {
                ev[i] = lastEval;
            } else {
                lastEval = ev[i];
            }
        }
        Charts.write(
                dir.resolve("learning_curve.png"),
                envId + ": PPO learning curve",
                "environment steps",
                x,
                List.of(new Charts.Panel(
                        "episode return",
                        List.of(
                                new Charts.Line("training episodes (mean of last 100)", rew),
                                new Charts.Line("validation (deterministic)", ev)))),
                1000,
                450);
    }

    /** episode.png: the actions of the policy and the baselines over the first test episode. */
    private static void episodePlot(
            Path dir,
            String envId,
            Map<String, String> options,
            long evalSeed,
            PpoPolicy policy,
            List<String> baselines) {
        long episodeSeed = new java.util.SplittableRandom(evalSeed).nextLong(); // the first episode of the evaluation
        List<String> names = new ArrayList<>();
        List<double[][]> traces = new ArrayList<>();
        List<String> actionNames = new ArrayList<>();
        int maxLen = 0;
        List<String> agents = new ArrayList<>();
        agents.add("ppo");
        agents.addAll(baselines);
        for (String a : agents) {
            try (Env env = EnvRegistry.make(envId, options)) {
                Agent agent = a.equals("ppo") ? policy : Evaluation.baseline(env, a);
                systems.rala.env.core.BoxSpace as = (systems.rala.env.core.BoxSpace) env.actionSpace();
                if (actionNames.isEmpty()) {
                    as.components().forEach(c -> actionNames.add(c.name() + " (" + c.unit() + ")"));
                }
                List<double[]> rows = new ArrayList<>();
                double[] action = new double[as.size()];
                Step s = env.reset(episodeSeed);
                agent.reset();
                while (!s.done()) {
                    agent.act(s, action);
                    rows.add(action.clone());
                    s = env.step(action);
                }
                names.add(agent.name());
                traces.add(rows.toArray(new double[0][]));
                maxLen = Math.max(maxLen, rows.size());
            }
        }
        double[] time = new double[maxLen];
        for (int i = 0; i < maxLen; i++) {
            time[i] = i;
        }
        List<Charts.Panel> panels = new ArrayList<>();
        for (int j = 0; j < actionNames.size(); j++) {
            List<Charts.Line> lines = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                double[][] tr = traces.get(k);
                double[] v = new double[maxLen];
                java.util.Arrays.fill(v, Double.NaN);
                for (int i = 0; i < tr.length; i++) {
                    v[i] = tr[i][j];
                }
                lines.add(new Charts.Line(names.get(k), v));
            }
            panels.add(new Charts.Panel(actionNames.get(j), lines));
        }
        Charts.write(
                dir.resolve("episode.png"),
                envId + ": actions over the first test episode",
                "step",
                time,
                panels,
                1200,
                Math.min(2400, 220 + 180 * panels.size()));
    }

    static String seconds(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 5400) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", s / 3600);
    }
}
