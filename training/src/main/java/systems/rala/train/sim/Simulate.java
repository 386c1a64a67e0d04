package systems.rala.train.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.train.report.Progress;
import systems.rala.twin.accounting.KpiCalculator;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.prices.HourlyPrices;
import systems.rala.twin.prices.PriceSchedule;
import systems.rala.twin.sim.InputSchedule;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.weather.WeatherFiles;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * The simulate job: everything {@code rala simulate} does, callable from code and tests. All input is
 * checked before the run starts — unknown parameters, values outside their physical range, weather or
 * prices that do not cover the period, inputs files that do not fit the model — so a long run never fails
 * half-way on bad input.
 */
public final class Simulate {

    private Simulate() {}

    /**
     * What to simulate.
     *
     * @param model tomato-hps, tomato-led or lettuce
     * @param weather a weather file path, or "generated"
     * @param mapping mapping of a CSV weather file, or null
     * @param site generator site for generated weather
     * @param seed generator seed
     * @param start local standard time of the start
     * @param duration length of the run
     * @param dt control step [s]
     * @param inputs recorded inputs to replay, or null for the rule-based controller
     * @param overrides parameter overrides by name
     * @param prices hourly price file, or null for constant prices
     * @param recordEvery trajectory rows every this many steps
     * @param out output folder
     * @param progress whether to show progress
     * @param controlMode whether the controller decides once per step or continuously; null for the model's default
     */
    public record Request(
            String model,
            String weather,
            Path mapping,
            String site,
            long seed,
            LocalDateTime start,
            Duration duration,
            double dt,
            Path inputs,
            Map<String, Double> overrides,
            Path prices,
            int recordEvery,
            Path out,
            boolean progress,
            ClosedLoop.Mode controlMode) {}

    /** What came out: KPIs, step count, wall time, plots and notes. */
    public record Result(
            Map<String, Object> kpis, long steps, double wallSeconds, List<Path> plots, List<String> notes) {}

    /** The plant kind for a model name; an error listing the names otherwise. */
    static PlantKind kind(String model) {
        return switch (model) {
            case "tomato-hps" -> new TomatoKind(true);
            case "tomato-led" -> new TomatoKind(false);
            case "lettuce" -> new LettuceKind();
            default ->
                throw new IllegalArgumentException(
                        "--model '" + model + "' is not known; available: tomato-hps, tomato-led, lettuce");
        };
    }

    /** Runs the request, writing trajectory.csv, kpis.json and plots to its output folder. */
    public static Result run(Request r, PrintStream progressOut) {
        List<String> notes = new ArrayList<>();
        PlantKind kind = kind(r.model());
        // --- check everything before the run
        WeatherSeries weather;
        if (r.weather().equals("generated")) {
            LocalDateTime end = r.start().plus(r.duration());
            weather = new WeatherGenerator(GeneratorParams.builtIn(r.site()))
                    .generate(
                            r.seed(), r.start().toLocalDate(), end.toLocalDate().plusDays(1));
            notes.add("weather generated for " + r.site() + " with seed " + r.seed());
        } else {
            weather = WeatherFiles.read(Path.of(r.weather()), r.mapping());
        }
        weather.requireCovers(r.start(), r.duration());
        Map<String, Double> overrides = new LinkedHashMap<>(r.overrides());
        Parameters defaults = kind.defaultParameters();
        if (defaults.specs().containsKey("hElevation") && !overrides.containsKey("hElevation")) {
            overrides.put("hElevation", weather.site().elevationM());
            notes.add(String.format(
                    Locale.ROOT,
                    "hElevation set to the weather site's elevation, %.1f m",
                    weather.site().elevationM()));
        }
        Parameters params = defaults.with(overrides);
        GreenhouseModel model = kind.model(params);
        PriceSchedule prices = r.prices() == null
                ? kind.defaultPrices()
                : HourlyPrices.read(r.prices(), weather.site().standardOffset(), 0.09, 0.3);
        prices.requireCovers(r.start(), r.duration());
        long steps = Math.round(r.duration().toMillis() / 1000.0 / r.dt());
        Simulation sim = Simulation.of(model, weather, r.start());
        InputSchedule schedule = null;
        ClosedLoop loop = null;
        String controllerName = "replay " + r.inputs();
        if (r.inputs() != null) {
            schedule = InputSchedule.read(r.inputs(), model);
            schedule.requireCovers(steps * r.dt());
            if (!schedule.missing().isEmpty()) {
                notes.add("inputs not in " + r.inputs() + " are held at 0: " + schedule.missing());
            }
        } else {
            ClosedLoop.Mode mode = r.controlMode() == null ? kind.defaultControlMode() : r.controlMode();
            loop = new ClosedLoop(sim, kind.ruleBased(), kind.readings(), mode);
            controllerName = "rule-based (" + mode.name().toLowerCase(Locale.ROOT) + ")";
        }
        try {
            Files.createDirectories(r.out());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + r.out(), e);
        }
        // --- run
        SimulationRun run =
                new SimulationRun(kind, sim, loop, schedule, prices.sampler(r.start()), r.dt(), steps, r.recordEvery());
        Progress progress = new Progress(progressOut, "simulate", steps, "steps", r.progress());
        KpiCalculator kpi = run.run(r.out().resolve("trajectory.csv"), progress);
        List<Path> plots = run.plot(r.out());
        Map<String, Object> kpis = kpi.kpis();
        KpiFiles.write(
                r.out().resolve("kpis.json"),
                kpis,
                Map.of(
                        "model", model.id(),
                        "weather", weather.source(),
                        "start", r.start().toString(),
                        "days", r.duration().toSeconds() / 86_400.0,
                        "dt_s", r.dt(),
                        "controller", controllerName,
                        "prices", prices.describe(),
                        "notes", notes));
        return new Result(kpis, steps, (Double) kpis.get("wall_s"), plots, notes);
    }
}
