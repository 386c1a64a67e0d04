package systems.rala.train.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.train.report.Charts;
import systems.rala.twin.calibration.Calibrator;
import systems.rala.twin.calibration.FitMetrics;
import systems.rala.twin.calibration.History;
import systems.rala.twin.calibration.Replay;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.tomato.TomatoParameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code rala calibrate}: fit twin parameters to a greenhouse's history and check them on a hold-out window. */
@Command(
        name = "calibrate",
        description = {
            "Fit tomato-twin parameters to a climate-computer log and check them on a hold-out window.",
            "Writes report.json, report.md with plots, and params.json (for simulate/train --params-file)."
        },
        mixinStandardHelpOptions = true)
final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "tomato-hps|tomato-led", description = "Lamp set.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "The log (CSV).")
    Path data;

    @Option(
            names = "--mapping",
            required = true,
            paramLabel = "FILE",
            description = "Mapping of the log's columns: weather keys plus measured.VAR.* and input.NAME.*.")
    Path mapping;

    @Option(
            names = "--params",
            required = true,
            split = ",",
            paramLabel = "NAME[=LOW:HIGH]",
            description = "Parameters to fit, with bounds (default half to twice the nominal value).")
    List<String> params;

    @Option(
            names = "--train",
            required = true,
            paramLabel = "FROM..TO",
            description = "Training window (dates or" + " date-times, TO exclusive).")
    String train;

    @Option(names = "--holdout", required = true, paramLabel = "FROM..TO", description = "Hold-out window.")
    String holdout;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(
            names = "--method",
            defaultValue = "lm",
            description = "lm (Levenberg-Marquardt) or cmaes (default" + " ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--starts",
            defaultValue = "1",
            description = "Starts, the first at the nominal values (default" + " ${DEFAULT-VALUE}).")
    int starts;

    @Option(names = "--threads", description = "Parallel simulations (default: the cores).")
    Integer threads;

    @Option(
            names = "--warmup-hours",
            defaultValue = "24",
            description = "Hours simulated before the first scored" + " row (default ${DEFAULT-VALUE}).")
    double warmupHours;

    @Option(
            names = "--noise",
            split = ",",
            paramLabel = "VAR=SIGMA",
            description = "Noise scale per measured variable, dividing its residuals (default air_temperature=0.2,"
                    + " air_relative_humidity=2, air_co2=15).")
    Map<String, Double> noise =
            new LinkedHashMap<>(Map.of("air_temperature", 0.2, "air_relative_humidity", 2.0, "air_co2", 15.0));

    @Option(
            names = "--max-evaluations",
            defaultValue = "60",
            description = "Most iterations (lm) or evaluations" + " (cmaes) per start (default ${DEFAULT-VALUE}).")
    int maxEvaluations;

    @Override
    public Integer call() {
        String modelId = switch (model) {
            case "tomato-hps", "tomato-led" -> model;
            default -> throw new IllegalArgumentException("--model '" + model + "': allowed tomato-hps, tomato-led");
        };
        if (!method.equals("lm") && !method.equals("cmaes")) {
            throw new IllegalArgumentException("--method '" + method + "': allowed lm, cmaes");
        }
        if (starts < 1 || starts > 100) {
            throw new IllegalArgumentException("--starts " + starts + " is outside [1, 100]");
        }
        if (!(warmupHours >= 0 && warmupHours <= 240)) {
            throw new IllegalArgumentException("--warmup-hours " + warmupHours + " is outside [0, 240]");
        }
        Parameters nominal =
                modelId.equals("tomato-hps") ? TomatoParameters.katzin2021Hps() : TomatoParameters.katzin2021Led();
        History h = History.read(data, mapping);
        PrintWriter err = spec.commandLine().getErr();
        for (History.ColumnReport c : h.report()) {
            err.println("  " + c);
        }
        int[] tr = window("--train", train, h);
        int[] ho = window("--holdout", holdout, h);
        int warm = (int) Math.round(warmupHours * 3600 / h.stepSeconds());
        int scoredFrom = Math.max(tr[0], warm);
        List<Calibrator.Param> ps = new ArrayList<>();
        for (String p : params) {
            String[] nb = p.split("=", 2);
            if (nb.length == 1) {
                ps.add(Calibrator.defaultBounds(nominal, nb[0].strip()));
            } else {
                String[] lh = nb[1].split(":");
                if (lh.length != 2) {
                    throw new IllegalArgumentException("--params " + p + ": write NAME=LOW:HIGH");
                }
                ps.add(new Calibrator.Param(nb[0].strip(), Double.parseDouble(lh[0]), Double.parseDouble(lh[1])));
            }
        }
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        long t0 = System.nanoTime();
        err.printf(
                Locale.ROOT,
                "calibrating %s on rows %d..%d (%s to %s) with %s%n",
                ps,
                scoredFrom,
                tr[1],
                h.times()[scoredFrom],
                h.times()[tr[1] - 1],
                method);
        err.flush();
        // the objective scores rows [warmup, trainTo): rows before the training window are simulated, not scored
        Calibrator.Result r = Calibrator.fit(
                modelId,
                nominal,
                h,
                new Calibrator.Settings(ps, tr[1], scoredFrom, noise, method, starts, 1, nThreads, maxEvaluations),
                line -> {
                    err.printf(Locale.ROOT, "  [%5.0f s] %s%n", (System.nanoTime() - t0) / 1e9, line);
                    err.flush();
                });
        int end = Math.max(tr[1], ho[1]);
        Map<String, double[]> fitted = Replay.run(modelId, nominal.with(r.values()), h, end);
        Map<String, double[]> before = Replay.run(modelId, nominal, h, end);
        Map<String, Map<String, FitMetrics>> metrics = new LinkedHashMap<>();
        metrics.put("train", Replay.metrics(fitted, h, scoredFrom, tr[1], ps.size()));
        metrics.put("holdout", Replay.metrics(fitted, h, ho[0], ho[1], 0));
        metrics.put("train_nominal", Replay.metrics(before, h, scoredFrom, tr[1], 0));
        metrics.put("holdout_nominal", Replay.metrics(before, h, ho[0], ho[1], 0));
        write(h, r, metrics, fitted, before, end, modelId);
        PrintWriter o = spec.commandLine().getOut();
        o.println("parameter            nominal        fitted         std error      bounds");
        r.params()
                .forEach((k, f) -> o.printf(
                        Locale.ROOT,
                        "%-20s %-14.6g %-14.6g %-14.3g [%g, %g]%n",
                        k,
                        f.nominal(),
                        f.value(),
                        f.stdError(),
                        f.low(),
                        f.high()));
        o.println("hold-out             RMSE (calibrated / nominal)   relative RMSE   NSE");
        metrics.get("holdout")
                .forEach((k, m) -> o.printf(
                        Locale.ROOT,
                        "%-22s %8.4g / %-8.4g       %6.2f %%        %.3f%n",
                        k,
                        m.rmse(),
                        metrics.get("holdout_nominal").get(k).rmse(),
                        100 * m.rrmse(),
                        m.nse()));
        o.printf(
                Locale.ROOT,
                "wrote %s, %s and %s (%.0f s)%n",
                out.resolve("report.json"),
                out.resolve("report.md"),
                out.resolve("params.json"),
                (System.nanoTime() - t0) / 1e9);
        o.flush();
        return 0;
    }

    /** Rows [from, to) of a window {@code FROM..TO} (dates or ISO date-times; TO exclusive). */
    static int[] window(String option, String spec, History h) {
        String[] parts = spec.split("\\.\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException(option + " '" + spec + "': write FROM..TO, e.g. 2030-03-10..2030-03-30");
        }
        LocalDateTime from = time(option, parts[0]);
        LocalDateTime to = time(option, parts[1]);
        int a = h.rowAt(from);
        int b = h.rowAt(to);
        if (!from.isBefore(to) || b - a < 2 || from.isBefore(h.times()[0])) {
            throw new IllegalArgumentException(option + " " + spec + " is not a window within the log, which covers "
                    + h.times()[0] + " to " + h.times()[h.times().length - 1]);
        }
        return new int[] {a, b};
    }

    private static LocalDateTime time(String option, String s) {
        try {
            return s.contains("T")
                    ? LocalDateTime.parse(s.strip())
                    : LocalDate.parse(s.strip()).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": '" + s + "' is not a date (YYYY-MM-DD) or date-time");
        }
    }

    private void write(
            History h,
            Calibrator.Result r,
            Map<String, Map<String, FitMetrics>> metrics,
            Map<String, double[]> fitted,
            Map<String, double[]> before,
            int end,
            String modelId) {
        try {
            Files.createDirectories(out);
            ObjectNode root = Json.object();
            root.put("model", modelId);
            root.put("data", data.toString());
            root.put("train", train);
            root.put("holdout", holdout);
            root.put("method", method);
            Json.putNumber(root, "cost", r.cost());
            root.put("residuals", r.residuals());
            root.put("evaluations", r.evaluations());
            ObjectNode pj = root.putObject("params");
            ObjectNode pf = Json.object();
            ObjectNode pfp = pf.putObject("params");
            r.params().forEach((k, f) -> {
                ObjectNode o = pj.putObject(k);
                Json.putNumber(o, "value", f.value());
                Json.putNumber(o, "nominal", f.nominal());
                Json.putNumber(o, "low", f.low());
                Json.putNumber(o, "high", f.high());
                Json.putNumber(o, "std_error", f.stdError());
                Json.putNumber(pfp.putObject(k), "value", f.value());
            });
            ObjectNode mj = root.putObject("metrics");
            metrics.forEach((window, byVar) -> {
                ObjectNode w = mj.putObject(window);
                byVar.forEach((v, m) -> {
                    ObjectNode o = w.putObject(v);
                    Json.putNumber(o, "rmse", m.rmse());
                    Json.putNumber(o, "rrmse", m.rrmse());
                    Json.putNumber(o, "bias", m.bias());
                    Json.putNumber(o, "nse", m.nse());
                    Json.putNumber(o, "cv_rmse", m.cvRmse());
                    Json.putNumber(o, "nmbe", m.nmbe());
                    o.put("n", m.n());
                });
            });
            ObjectNode cols = root.putObject("columns");
            for (History.ColumnReport c : h.report()) {
                cols.putObject(c.variable())
                        .put("column", c.column())
                        .put("rows", c.rows())
                        .put("gaps", c.gaps())
                        .put("outliers", c.outliers());
            }
            Files.writeString(out.resolve("report.json"), Json.pretty(root) + "\n", StandardCharsets.UTF_8);
            Files.writeString(out.resolve("params.json"), Json.pretty(pf) + "\n", StandardCharsets.UTF_8);

            double[] days = new double[end];
            for (int i = 0; i < end; i++) {
                days[i] = java.time.Duration.between(h.times()[0], h.times()[i]).toMillis() / 86_400_000.0;
            }
            StringBuilder md = new StringBuilder();
            md.append("# Calibration of ")
                    .append(modelId)
                    .append(" on ")
                    .append(data.getFileName())
                    .append("\n\n");
            md.append("Training window ")
                    .append(train)
                    .append(", hold-out ")
                    .append(holdout)
                    .append(", method ")
                    .append(method)
                    .append(".\n\n| parameter | nominal | fitted | std error | bounds |\n|---|---|---|---|---|\n");
            r.params()
                    .forEach((k, f) -> md.append(String.format(
                            Locale.ROOT,
                            "| %s | %.6g | %.6g | %.3g | [%g, %g] |%n",
                            k,
                            f.nominal(),
                            f.value(),
                            f.stdError(),
                            f.low(),
                            f.high())));
            md.append(
                    "\n| variable | window | RMSE | relative RMSE | bias | NSE | CV(RMSE) | NMBE |\n|---|---|---|---|---|---|---|---|\n");
            metrics.forEach((window, byVar) -> byVar.forEach((v, m) -> md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.4g | %.2f %% | %.4g | %.3f | %.2f %% | %.2f %% |%n",
                    v,
                    window,
                    m.rmse(),
                    100 * m.rrmse(),
                    m.bias(),
                    m.nse(),
                    100 * m.cvRmse(),
                    100 * m.nmbe()))));
            md.append("\n| column | rows | gaps | outliers |\n|---|---|---|---|\n");
            for (History.ColumnReport c : h.report()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s (%s) | %d | %d | %d |%n",
                        c.variable(),
                        c.column(),
                        c.rows(),
                        c.gaps(),
                        c.outliers()));
            }
            md.append("\n");
            String[][] vars = {
                {"air_temperature", "air temperature [°C]"},
                {"air_relative_humidity", "relative humidity [%]"},
                {"air_co2", "CO2 [ppm]"}
            };
            for (String[] v : vars) {
                double[] meas = h.measured().get(v[0]);
                if (meas == null) {
                    continue;
                }
                double[] m = java.util.Arrays.copyOf(meas, end);
                double[] res = new double[end];
                for (int i = 0; i < end; i++) {
                    res[i] = fitted.get(v[0])[i] - m[i];
                }
                String png = v[0] + ".png";
                Charts.write(
                        out.resolve(png),
                        v[1] + ": measured and simulated",
                        "day",
                        days,
                        List.of(
                                new Charts.Panel(
                                        v[1],
                                        List.of(
                                                new Charts.Line("measured", m),
                                                new Charts.Line("calibrated", fitted.get(v[0])),
                                                new Charts.Line("nominal", before.get(v[0])))),
                                new Charts.Panel(
                                        "residual (calibrated − measured)", List.of(new Charts.Line("residual", res)))),
                        1400,
                        600);
                md.append("![").append(v[1]).append("](").append(png).append(")\n\n");
            }
            Files.writeString(out.resolve("report.md"), md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
    }
}
