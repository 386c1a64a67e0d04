package systems.rala.train.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import systems.rala.twin.weather.WeatherCsvWriter;
import systems.rala.twin.weather.WeatherFiles;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherSummary;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code rala weather}: summarise, generate and fit weather. */
@Command(
        name = "weather",
        description = "Weather: monthly summaries of a file, generated years, generator fitting.",
        mixinStandardHelpOptions = true,
        subcommands = {WeatherCommand.Summary.class, WeatherCommand.Generate.class, WeatherCommand.Fit.class})
final class WeatherCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where generated weather comes from: a built-in site or a fitted parameter file. */
    static final class GeneratorSource {
        @Option(names = "--site", paramLabel = "NAME", description = "Built-in generator parameters: amsterdam.")
        String site;

        @Option(names = "--params", paramLabel = "FILE", description = "Generator parameters from `rala weather fit`.")
        Path params;

        GeneratorParams load() {
            return params != null ? GeneratorParams.read(params) : GeneratorParams.builtIn(site);
        }
    }

    @Command(
            name = "summary",
            description = {
                "Monthly means and annual figures of a weather file or of a generated year.",
                "Temperature, relative humidity, mean daily radiation sum and wind per month. Give FILE, or",
                "--site/--params with --seed and --year to summarise a generated year."
            },
            mixinStandardHelpOptions = true)
    static final class Summary implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "EPW or CSV weather file.")
        Path file;

        @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping of a CSV file.")
        Path mapping;

        @ArgGroup(exclusive = true)
        GeneratorSource generator;

        @Option(
                names = "--seed",
                defaultValue = "0",
                description = "Seed of a generated year (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--year", defaultValue = "2030", description = "Year generated (default ${DEFAULT-VALUE}).")
        int year;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Override
        public Integer call() {
            WeatherSeries series;
            if (file != null && generator != null) {
                throw new IllegalArgumentException("give a weather FILE or --site/--params, not both");
            } else if (file != null) {
                series = WeatherFiles.read(file, mapping);
            } else if (generator != null) {
                series = new WeatherGenerator(generator.load()).generate(seed, year);
            } else {
                throw new IllegalArgumentException("give a weather FILE, or --site amsterdam (or --params FILE) to"
                        + " summarise a generated year");
            }
            WeatherSummary s = WeatherSummary.of(series);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.pretty(toJson(s, series)));
            } else {
                print(out, s, series);
            }
            out.flush();
            return 0;
        }

        static ObjectNode toJson(WeatherSummary s, WeatherSeries series) {
            ObjectNode root = Json.object();
            root.put("source", s.source());
            root.put("site", s.site().name());
            root.put("latitude_deg", s.site().latitudeDeg());
            root.put("longitude_deg", s.site().longitudeDeg());
            root.put("typical_year", series.isTypicalYear());
            root.put("days", s.days());
            Json.putNumber(root, "annual_mean_temp_c", s.annualMeanTempC());
            Json.putNumber(root, "annual_radiation_mj_m2", s.annualRadiationMjM2());
            ArrayNode months = root.putArray("monthly");
            for (WeatherSummary.MonthStats m : s.months()) {
                ObjectNode o = months.addObject();
                o.put("month", m.month());
                Json.putNumber(o, "mean_temp_c", m.meanTempC());
                Json.putNumber(o, "mean_rh_pct", m.meanRhPct());
                Json.putNumber(o, "radiation_mj_m2", m.radiationMjM2());
                Json.putNumber(o, "mean_wind_m_s", m.meanWindMs());
            }
            return root;
        }

        private static void print(PrintWriter out, WeatherSummary s, WeatherSeries series) {
            out.printf(
                    Locale.ROOT,
                    "%s (%.2f N, %.2f E, UTC%s)%n",
                    s.site().name(),
                    s.site().latitudeDeg(),
                    s.site().longitudeDeg(),
                    s.site().standardOffset().getId());
            out.printf(
                    Locale.ROOT,
                    "%s%n%s, %d rows%n%n",
                    s.source(),
                    series.isTypicalYear() ? "typical year (cyclic)" : "measured " + series.coverage(),
                    series.size());
            out.println("month  temp [C]  RH [%]  radiation [MJ/m2/day]  wind [m/s]");
            String[] names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            for (WeatherSummary.MonthStats m : s.months()) {
                if (m.days() == 0 && Double.isNaN(m.meanTempC())) {
                    out.printf(Locale.ROOT, "%-5s  %8s  %6s  %21s  %10s%n", names[m.month() - 1], "-", "-", "-", "-");
                } else {
                    out.printf(
                            Locale.ROOT,
                            "%-5s  %8.1f  %6.1f  %21.2f  %10.1f%n",
                            names[m.month() - 1],
                            m.meanTempC(),
                            m.meanRhPct(),
                            m.radiationMjM2(),
                            m.meanWindMs());
                }
            }
            out.printf(
                    Locale.ROOT,
                    "%nannual mean temperature %.2f C; radiation %.0f MJ/m2 over %d full days%n",
                    s.annualMeanTempC(),
                    s.annualRadiationMjM2(),
                    s.days());
            for (String note : series.notes()) {
                out.println("note: " + note);
            }
        }
    }

    @Command(
            name = "generate",
            description = "Write a generated year (or period) of hourly weather as a self-describing CSV.",
            mixinStandardHelpOptions = true)
    static final class Generate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        GeneratorSource generator;

        @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--year", description = "Calendar year to generate.")
        Integer year;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (instead of --year).")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Day after the last (instead of --year).")
        LocalDate to;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV.")
        Path out;

        @Override
        public Integer call() {
            LocalDate a;
            LocalDate b;
            if (year != null) {
                if (from != null || to != null) {
                    throw new IllegalArgumentException("give --year or --from/--to, not both");
                }
                a = LocalDate.of(year, 1, 1);
                b = a.plusYears(1);
            } else if (from != null && to != null) {
                a = from;
                b = to;
            } else {
                throw new IllegalArgumentException("give --year YYYY, or both --from and --to");
            }
            WeatherSeries series = new WeatherGenerator(generator.load()).generate(seed, a, b);
            WeatherCsvWriter.write(series, out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(
                    Locale.ROOT,
                    "wrote %s: %d hourly rows, %s to %s, %s%n",
                    out,
                    series.size(),
                    series.coveredFrom(),
                    series.coveredTo(),
                    series.site().name());
            w.flush();
            return 0;
        }
    }

    @Command(
            name = "fit",
            description = "Fit the weather generator to a year or more of weather and write its parameters.",
            mixinStandardHelpOptions = true)
    static final class Fit implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "EPW or CSV weather file with at least 360 full days.")
        Path file;

        @Option(names = "--mapping", paramLabel = "FILE", description = "Column mapping of a CSV file.")
        Path mapping;

        @Option(
                names = "--out",
                required = true,
                paramLabel = "FILE.properties",
                description = "Parameter file written.")
        Path out;

        @Override
        public Integer call() {
            GeneratorParams p = WeatherGenerator.fit(WeatherFiles.read(file, mapping));
            p.write(out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf(
                    Locale.ROOT,
                    "wrote %s: generator parameters for %s%n",
                    out,
                    p.site().name());
            w.flush();
            return 0;
        }
    }
}
