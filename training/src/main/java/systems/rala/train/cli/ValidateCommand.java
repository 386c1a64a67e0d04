package systems.rala.train.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.train.report.Charts;
import systems.rala.train.validate.GreenLightReplay;
import systems.rala.twin.calibration.FitMetrics;
import tools.jackson.databind.node.ObjectNode;

/** {@code rala validate}: compare the twin with a reference trajectory. */
@Command(
        name = "validate",
        description = {
            "Compare the tomato twin with a GreenLight run: replay its weather and actuators, report the fit.",
            "Writes report.json (RMSE, relative RMSE, bias, NSE, CV(RMSE), NMBE per state) and comparison plots."
        },
        mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--greenlight",
            required = true,
            paramLabel = "FILE",
            description = "GreenLight v2 output CSV (.csv or .csv.gz) with Time, weather inputs, controls and states.")
    Path reference;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "tomato-hps|tomato-led",
            description = "Lamp set of the run.")
    String model;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "Local date of the first row (00:00).")
    LocalDate start;

    @Option(
            names = "--elevation",
            defaultValue = "-2",
            description = "Site elevation [m] (GreenLight's hElevation; default ${DEFAULT-VALUE}, Amsterdam).")
    double elevation;

    @Option(
            names = "--dt",
            defaultValue = "300",
            description = "RALA's step [s], a divisor of the reference's step (default ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        boolean hps = switch (model) {
            case "tomato-hps" -> true;
            case "tomato-led" -> false;
            default -> throw new IllegalArgumentException("--model '" + model + "': allowed tomato-hps, tomato-led");
        };
        if (!Files.isRegularFile(reference)) {
            throw new IllegalArgumentException("reference " + reference + " does not exist");
        }
        GreenLightReplay.Result r = GreenLightReplay.run(reference, hps, start.atStartOfDay(), elevation, dt);
        try {
            Files.createDirectories(out);
            ObjectNode root = Json.object();
            root.put("reference", reference.toString());
            root.put("model", model);
            root.put("start", start.toString());
            root.put("days", r.days()[r.days().length - 1]);
            ObjectNode metrics = root.putObject("metrics");
            for (Map.Entry<String, FitMetrics> e : r.metrics().entrySet()) {
                FitMetrics m = e.getValue();
                ObjectNode o = metrics.putObject(e.getKey());
                Json.putNumber(o, "rmse", m.rmse());
                Json.putNumber(o, "rrmse", m.rrmse());
                Json.putNumber(o, "bias", m.bias());
                Json.putNumber(o, "nse", m.nse());
                Json.putNumber(o, "cv_rmse", m.cvRmse());
                Json.putNumber(o, "nmbe", m.nmbe());
                o.put("n", m.n());
            }
            Files.writeString(out.resolve("report.json"), Json.pretty(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
        for (String[] p : new String[][] {
            {"tAir", "air temperature [C]"}, {"vpAir", "vapour pressure [Pa]"}, {"co2Air", "CO2 [mg m-3]"}
        }) {
            if (r.simulated().containsKey(p[0])) {
                Charts.write(
                        out.resolve(p[0] + ".png"),
                        p[0] + ": RALA and GreenLight",
                        "day",
                        r.days(),
                        List.of(new Charts.Panel(
                                p[1],
                                List.of(
                                        new Charts.Line("RALA", r.simulated().get(p[0])),
                                        new Charts.Line(
                                                "GreenLight", r.reference().get(p[0]))))),
                        1200,
                        400);
            }
        }
        PrintWriter w = spec.commandLine().getOut();
        w.println("variable   RMSE        relative RMSE   bias        NSE");
        for (Map.Entry<String, FitMetrics> e : r.metrics().entrySet()) {
            FitMetrics m = e.getValue();
            w.printf(
                    Locale.ROOT,
                    "%-9s  %10.4f  %12.2f %%  %10.4f  %8.4f%n",
                    e.getKey(),
                    m.rmse(),
                    100 * m.rrmse(),
                    m.bias(),
                    m.nse());
        }
        w.println("wrote " + out.resolve("report.json"));
        w.flush();
        return 0;
    }
}
