package systems.rala.train.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.train.sim.Simulate;
import tools.jackson.databind.JsonNode;

/** {@code rala simulate}: one season of a greenhouse model under a controller or recorded inputs. */
@Command(
        name = "simulate",
        description = {
            "Simulate a greenhouse season; writes trajectory.csv, kpis.json and plots.",
            "The rule-based controller drives the actuators, or --inputs replays recorded ones."
        },
        mixinStandardHelpOptions = true)
final class SimulateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "MODEL",
            description = "tomato-hps, tomato-led (GreenLight, Katzin 2021) or lettuce (Van Henten 1994).")
    String model;

    @Option(
            names = "--weather",
            required = true,
            paramLabel = "FILE|generated",
            description = "EPW or CSV weather file, or 'generated' for the weather generator.")
    String weather;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping of a CSV weather file.")
    Path mapping;

    @Option(
            names = "--site",
            defaultValue = "amsterdam",
            description = "Generator site for --weather generated (default ${DEFAULT-VALUE}).")
    String site;

    @Option(
            names = "--seed",
            defaultValue = "0",
            description = "Generator seed for --weather generated (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--start",
            required = true,
            paramLabel = "YYYY-MM-DD",
            description = "First day (00:00 local standard time).")
    LocalDate start;

    @Option(names = "--days", required = true, paramLabel = "N", description = "Days to simulate.")
    double days;

    @Option(
            names = "--dt",
            defaultValue = "300",
            paramLabel = "SECONDS",
            description = "Control step (default ${DEFAULT-VALUE} s).")
    double dt;

    @Option(names = "--controller", defaultValue = "rule-based", description = "Controller: rule-based (default).")
    String controller;

    @Option(
            names = "--control",
            paramLabel = "continuous|sampled",
            description = {
                "When the controller decides: continuously inside the model's equations (as GreenLight and",
                "a climate computer's fast loops; the tomato default) or once per --dt step, holding its",
                "commands (the lettuce default, as the benchmark)."
            })
    String control;

    @Option(
            names = "--inputs",
            paramLabel = "FILE",
            description = "Replay recorded actuator inputs from a CSV instead of a controller.")
    Path inputs;

    @Option(
            names = "--params-file",
            paramLabel = "FILE",
            description = "Parameter overrides by name (.json or .properties).")
    Path paramsFile;

    @Option(
            names = "--prices",
            paramLabel = "FILE",
            description = "Hourly prices CSV (default: constant GreenLight-Gym prices).")
    Path prices;

    @Option(
            names = "--record-every",
            defaultValue = "1",
            paramLabel = "N",
            description = "Write every N-th step to trajectory.csv.")
    int recordEvery;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--quiet", description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() {
        if (!(days > 0) || days > 3660) {
            throw new IllegalArgumentException("--days " + days + " is outside 0 (exclusive) to 3660");
        }
        if (!(dt >= 1 && dt <= 3600)) {
            throw new IllegalArgumentException("--dt " + dt + " s is outside 1 to 3600");
        }
        if (recordEvery < 1) {
            throw new IllegalArgumentException("--record-every " + recordEvery + " must be at least 1");
        }
        if (inputs != null && spec.commandLine().getParseResult().hasMatchedOption("--controller")) {
            throw new IllegalArgumentException("give --controller or --inputs, not both");
        }
        if (!controller.equals("rule-based")) {
            throw new IllegalArgumentException("--controller '" + controller + "' is not known; available: rule-based");
        }
        Simulate.Request r = new Simulate.Request(
                model,
                weather,
                mapping,
                site,
                seed,
                start.atStartOfDay(),
                Duration.ofSeconds(Math.round(days * 86_400)),
                dt,
                inputs,
                readOverrides(paramsFile),
                prices,
                recordEvery,
                out,
                !quiet,
                controlMode());
        Simulate.Result result = Simulate.run(r, System.err);
        PrintWriter w = spec.commandLine().getOut();
        Map<String, Object> k = result.kpis();
        w.printf(
                Locale.ROOT,
                "%s, %s to %s: %d steps in %.1f s (%.0f steps/s)%n",
                model,
                r.start(),
                r.start().plus(r.duration()),
                result.steps(),
                result.wallSeconds(),
                result.steps() / result.wallSeconds());
        w.printf(
                Locale.ROOT,
                "heat %.1f kWh/m2 (%.0f MJ/m2), electricity %.1f kWh/m2 (%.0f MJ/m2), yield %.2f kg/m2 fresh,"
                        + " profit %.2f EUR/m2%n",
                (Double) k.get("heat_kwh_m2"),
                3.6 * (Double) k.get("heat_kwh_m2"),
                (Double) k.get("elec_kwh_m2"),
                3.6 * (Double) k.get("elec_kwh_m2"),
                (Double) k.get("yield_fresh_kg_m2"),
                (Double) k.get("profit_eur_m2"));
        for (String note : result.notes()) {
            w.println("note: " + note);
        }
        w.println("wrote " + out.resolve("trajectory.csv") + ", " + out.resolve("kpis.json") + " and "
                + result.plots().size() + " plots");
        w.flush();
        return 0;
    }

    private systems.rala.env.plant.ClosedLoop.Mode controlMode() {
        if (control == null) {
            return null;
        }
        return switch (control) {
            case "continuous" -> systems.rala.env.plant.ClosedLoop.Mode.CONTINUOUS;
            case "sampled" -> systems.rala.env.plant.ClosedLoop.Mode.SAMPLED;
            default -> throw new IllegalArgumentException("--control '" + control + "': allowed continuous, sampled");
        };
    }

    /** Reads parameter overrides from a JSON object or a properties file; values must be numbers. */
    static Map<String, Double> readOverrides(Path file) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (file == null) {
            return m;
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("parameter file " + file + " does not exist");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".json")) {
                JsonNode root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
                JsonNode params = root.has("params") && root.get("params").isObject() ? root.get("params") : root;
                for (Map.Entry<String, JsonNode> e : params.properties()) {
                    JsonNode v = e.getValue();
                    JsonNode value = v.isObject() && v.has("value") ? v.get("value") : v;
                    if (!value.isNumber()) {
                        throw new IllegalArgumentException(
                                "parameter file " + file + ": " + e.getKey() + " = " + value + " is not a number");
                    }
                    m.put(e.getKey(), value.asDouble());
                }
            } else {
                Properties p = new Properties();
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
                for (String key : p.stringPropertyNames()) {
                    String v = p.getProperty(key).strip();
                    try {
                        m.put(key, Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(
                                "parameter file " + file + ": " + key + " = '" + v + "' is not a number");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return m;
    }
}
