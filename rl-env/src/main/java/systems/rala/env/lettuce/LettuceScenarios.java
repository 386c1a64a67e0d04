package systems.rala.env.lettuce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import systems.rala.env.core.EnvOptions;
import systems.rala.twin.weather.WeatherFiles;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Where the weather of each lettuce episode comes from: a weather file (the same weather every episode), or
 * RALA's Amsterdam weather generator with the generator seed and the year drawn per episode from disjoint
 * ranges for the train, validation and test splits.
 *
 * <table>
 *   <caption>Generated scenarios per split</caption>
 *   <tr><th>split</th><th>generator seed</th><th>year</th></tr>
 *   <tr><td>train</td><td>uniform in [0, 1 000 000)</td><td>uniform in 2001 … 2100</td></tr>
 *   <tr><td>train, {@code train_scenarios} = N</td><td>i, i uniform in [0, N)</td><td>2001 + i mod 100</td></tr>
 *   <tr><td>validation</td><td>1 000 000 + i, i uniform in [0, 100) or {@code scenario}</td>
 *       <td>2101 + i</td></tr>
 *   <tr><td>test</td><td>2 000 000 + i, i uniform in [0, 100) or {@code scenario}</td><td>2201 + i</td></tr>
 * </table>
 *
 * <p>The generator makes whole calendar years whose monthly means are the site's normals, and its random
 * stream starts on 1 January: the seed decides the day-to-day weather, the year only the calendar (leap
 * years). Generating a year takes tens of milliseconds, about ten times the stepping of a whole episode, so
 * generated episodes are kept in a cache shared by all environments of the process ({@value #CACHE_SIZE}
 * episodes, about 62 kB each, least recently used dropped first): validation and test scenarios, and train
 * scenarios with {@code train_scenarios} = N ≤ {@value #CACHE_SIZE}, are generated once per process. Files
 * are read once per process too.
 */
final class LettuceScenarios {

    /** Generated train seeds are drawn from [0, this). */
    static final long TRAIN_SEEDS = 1_000_000L;
    /** Seed of validation scenario 0. */
    static final long VALIDATION_SEED = 1_000_000L;
    /** Seed of test scenario 0. */
    static final long TEST_SEED = 2_000_000L;
    /** Number of validation scenarios, and of test scenarios. */
    static final int EVALUATION_SCENARIOS = 100;
    /** First year of the train split; train years are 2001 to 2100. */
    static final int TRAIN_YEAR = 2001;
    /** Year of validation scenario 0 (2101 to 2200). */
    static final int VALIDATION_YEAR = 2101;
    /** Year of test scenario 0 (2201 to 2300). */
    static final int TEST_YEAR = 2201;
    /** Episodes kept by the process-wide cache. */
    static final int CACHE_SIZE = 512;

    private static final Map<Object, LettuceWeather> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, LettuceWeather> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** One generated scenario: its index in the split (−1 for a fresh train draw), seed and year. */
    record Scenario(int index, long seed, int year) {}

    private record GeneratedKey(long seed, int year, MonthDay start, int rows, double step) {}

    private record FileKey(Path file, Path mapping, long modified, long size, String start, int rows, double step) {}

    private enum Split {
        TRAIN,
        VALIDATION,
        TEST
    }

    private final int rows;
    private final double step;
    private final LettuceWeather fixed;
    private final Split split;
    private final MonthDay start;
    private final int scenario;
    private final int trainScenarios;

    private LettuceScenarios(
            int rows,
            double step,
            LettuceWeather fixed,
            Split split,
            MonthDay start,
            int scenario,
            int trainScenarios) {
        this.rows = rows;
        this.step = step;
        this.fixed = fixed;
        this.split = split;
        this.start = start;
        this.scenario = scenario;
        this.trainScenarios = trainScenarios;
    }

    /** The same weather every episode. */
    static LettuceScenarios fixed(LettuceWeather weather) {
        return new LettuceScenarios(weather.rows(), weather.stepSeconds(), weather, null, null, -1, 0);
    }

    /**
     * Reads the options {@code weather}, {@code mapping}, {@code start}, {@code split}, {@code scenario} and
     * {@code train_scenarios}; episodes need {@code rows} samples {@code step} seconds apart.
     */
    static LettuceScenarios fromOptions(EnvOptions options, int rows, double step) {
        String weather = options.string("weather", "generated");
        String mappingText = options.string("mapping", null);
        String startText = options.string("start", "02-09");
        String splitText = options.choice("split", "train", "train", "validation", "test");
        int scenario = options.integer("scenario", -1, -1, EVALUATION_SCENARIOS - 1);
        int trainScenarios = options.integer("train_scenarios", 0, 0, (int) TRAIN_SEEDS);
        Split split = Split.valueOf(splitText.toUpperCase(Locale.ROOT));

        if (!weather.equals("generated")) {
            Path file = Path.of(weather);
            Path mapping = mappingText == null ? null : Path.of(mappingText);
            return fixed(readFile(file, mapping, startText, rows, step));
        }
        if (mappingText != null) {
            throw new IllegalArgumentException("option mapping = '" + mappingText
                    + "' describes a CSV weather file; weather = generated has none");
        }
        MonthDay start = parseMonthDay(startText);
        if (split == Split.TRAIN && scenario >= 0) {
            throw new IllegalArgumentException("option scenario = " + scenario
                    + " picks a validation or test scenario; with split = train use train_scenarios");
        }
        if (split != Split.TRAIN && trainScenarios > 0) {
            throw new IllegalArgumentException("option train_scenarios = " + trainScenarios
                    + " applies to split = train, not split = " + splitText);
        }
        return new LettuceScenarios(rows, step, null, split, start, scenario, trainScenarios);
    }

    /** Whether every episode has the same weather (a file, or a given table). */
    boolean isFixed() {
        return fixed != null;
    }

    /** Draws the scenario of an episode from the weather stream; null for fixed weather. */
    Scenario draw(SplittableRandom rng) {
        if (fixed != null) {
            return null;
        }
        return switch (split) {
            case TRAIN -> {
                if (trainScenarios > 0) {
                    int i = rng.nextInt(trainScenarios);
                    yield new Scenario(i, i, TRAIN_YEAR + i % 100);
                }
                yield new Scenario(-1, rng.nextLong(TRAIN_SEEDS), TRAIN_YEAR + rng.nextInt(100));
            }
            case VALIDATION -> {
                int i = scenario >= 0 ? scenario : rng.nextInt(EVALUATION_SCENARIOS);
                yield new Scenario(i, VALIDATION_SEED + i, VALIDATION_YEAR + i);
            }
            case TEST -> {
                int i = scenario >= 0 ? scenario : rng.nextInt(EVALUATION_SCENARIOS);
                yield new Scenario(i, TEST_SEED + i, TEST_YEAR + i);
            }
        };
    }

    /** The weather of {@code s} (the fixed weather when {@code s} is null), from the cache or made now. */
    LettuceWeather weather(Scenario s) {
        if (s == null) {
            return fixed;
        }
        GeneratedKey key = new GeneratedKey(s.seed(), s.year(), start, rows, step);
        LettuceWeather w = cached(key);
        if (w == null) {
            LocalDate from = start.atYear(s.year());
            long days = (long) Math.ceil((rows - 1) * step / 86_400.0) + 1;
            WeatherSeries series = Generator.AMSTERDAM.generate(s.seed(), from, from.plusDays(days));
            w = LettuceWeather.sample(series, from.atStartOfDay(), rows, step);
            store(key, w);
        }
        return w;
    }

    private static LettuceWeather readFile(Path file, Path mapping, String startText, int rows, double step) {
        FileKey key;
        try {
            key = new FileKey(
                    file.toAbsolutePath().normalize(),
                    mapping == null ? null : mapping.toAbsolutePath().normalize(),
                    Files.getLastModifiedTime(file).toMillis(),
                    Files.size(file),
                    startText,
                    rows,
                    step);
        } catch (IOException e) {
            throw new UncheckedIOException("option weather = '" + file + "': cannot read the file", e);
        }
        LettuceWeather w = cached(key);
        if (w != null) {
            return w;
        }
        WeatherSeries series = WeatherFiles.read(file, mapping);
        LocalDateTime start = startIn(series, startText);
        series.requireCovers(start, Duration.ofMillis(Math.round((rows - 1) * step * 1000.0)));
        w = LettuceWeather.sample(series, start, rows, step);
        store(key, w);
        return w;
    }

    /** Start of the episode in a file: MM-DD in the year of the data's first stamp, or a full date. */
    private static LocalDateTime startIn(WeatherSeries series, String text) {
        if (text.length() == 10) {
            try {
                return LocalDate.parse(text).atStartOfDay();
            } catch (DateTimeException e) {
                throw badStart(text);
            }
        }
        MonthDay md = parseMonthDay(text);
        int year = series.isTypicalYear()
                ? series.origin().getYear()
                : series.coveredFrom().getYear();
        if (!md.isValidYear(year)) {
            throw new IllegalArgumentException("option start = " + text + ": " + year + " has no 29 February");
        }
        return md.atYear(year).atStartOfDay();
    }

    private static MonthDay parseMonthDay(String text) {
        if (text.length() == 10) {
            throw new IllegalArgumentException("option start = " + text + ": with generated weather give MM-DD; the"
                    + " year comes from the split (a full date is for weather files)");
        }
        MonthDay md;
        try {
            md = MonthDay.parse("--" + text);
        } catch (DateTimeException e) {
            throw badStart(text);
        }
        if (md.getMonthValue() == 2 && md.getDayOfMonth() == 29) {
            throw new IllegalArgumentException(
                    "option start = 02-29: most years have no 29 February; start on 02-28 or 03-01");
        }
        return md;
    }

    private static IllegalArgumentException badStart(String text) {
        return new IllegalArgumentException("option start = '" + text
                + "' is not a date: give MM-DD (e.g. 02-09, the benchmark's 9 February) or, for a weather file,"
                + " YYYY-MM-DD");
    }

    private static LettuceWeather cached(Object key) {
        synchronized (CACHE) {
            return CACHE.get(key);
        }
    }

    private static void store(Object key, LettuceWeather w) {
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, w);
        }
    }

    /** The built-in Amsterdam generator, made on first use. */
    private static final class Generator {
        static final WeatherGenerator AMSTERDAM = new WeatherGenerator(GeneratorParams.builtIn("amsterdam"));
    }
}
