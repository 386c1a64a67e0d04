package systems.rala.twin.calibration;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import systems.rala.twin.io.CsvTable;
import systems.rala.twin.weather.CsvWeatherReader;
import systems.rala.twin.weather.WeatherSeries;

/**
 * A greenhouse's history from its climate computer's logs: one CSV with the outdoor weather, the measured
 * indoor climate and the actuator positions, row by row at a regular step, read through one mapping file.
 *
 * <p>The mapping is a weather mapping ({@link CsvWeatherReader}: site, time column and format, weather
 * columns) plus two kinds of keys:
 *
 * <pre>
 * measured.VAR.column = header name or 1-based number    VAR: air_temperature, air_relative_humidity, air_co2
 * measured.VAR.unit   = °C | K | % | ppm                 (default °C, %, ppm)
 * measured.VAR.scale  = 1                                 (value × scale + offset, after the unit)
 * measured.VAR.offset = 0
 * input.NAME.column   = header name or number             NAME: a model input (uBoil, uRoof, uThScr, uLamp, uExtCo2, ...)
 * input.NAME.scale    = 0.01                              (e.g. a percentage to the model's 0–1)
 * </pre>
 *
 * <p>Climate-computer logs have holes: an empty or non-numeric cell in a measured or input column is a gap
 * (NaN, counted per column), and a value outside the variable's plausible range, or a jump away from both
 * neighbours larger than a physical step allows, is an outlier (removed, counted). The weather columns are
 * read strictly, as every weather file is. {@link #report()} lists rows, gaps and outliers per column.
 *
 * @param source the file
 * @param weather the outdoor weather, one sample per row
 * @param times local standard time of each row
 * @param measured measured indoor variables by name, in °C, % and ppm (NaN where missing)
 * @param inputs actuator positions by model input name, 0–1 (NaN where missing)
 * @param report one line per measured or input column
 */
public record History(
        Path source,
        WeatherSeries weather,
        LocalDateTime[] times,
        Map<String, double[]> measured,
        Map<String, double[]> inputs,
        List<ColumnReport> report) {

    /** The measured variables a history may carry, in their units, and their plausible ranges and steps. */
    public static final List<String> MEASURED = List.of("air_temperature", "air_relative_humidity", "air_co2");

    private static final String[] UNIT = {"°C", "%", "ppm"};
    private static final double[] LOW = {-20, 0, 150};
    private static final double[] HIGH = {60, 100, 5000};
    /** The largest change between rows that is still physical, per variable [°C, %, ppm] (spike filter). */
    private static final double[] JUMP = {6, 30, 800};

    /**
     * What was found in one column.
     *
     * @param variable the measured variable or model input
     * @param column the CSV column
     * @param rows rows read
     * @param gaps empty or non-numeric cells
     * @param outliers values removed as implausible or spikes
     */
    public record ColumnReport(String variable, String column, int rows, int gaps, int outliers) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%-22s column '%s': %d rows, %d gaps (%.1f %%), %d outliers",
                    variable,
                    column,
                    rows,
                    gaps,
                    100.0 * gaps / Math.max(1, rows),
                    outliers);
        }
    }

    /** Reads {@code csv} with the mapping file {@code mapping}. */
    public static History read(Path csv, Path mapping) {
        Properties all = new Properties();
        try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
            all.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + mapping, e);
        }
        Properties weatherKeys = new Properties();
        // measured columns first, then inputs, each in name order: reports read the same every time
        Map<String, String> extra = new java.util.TreeMap<>((a, b) -> {
            boolean ma = a.startsWith("measured.");
            boolean mb = b.startsWith("measured.");
            return ma == mb ? a.compareTo(b) : ma ? -1 : 1;
        });
        for (String k : all.stringPropertyNames()) {
            if (k.startsWith("measured.") || k.startsWith("input.")) {
                extra.put(k, all.getProperty(k).strip());
            } else {
                weatherKeys.setProperty(k, all.getProperty(k));
            }
        }
        WeatherSeries weather = CsvWeatherReader.read(csv, weatherKeys, mapping.toString());
        char delimiter = switch (weatherKeys.getProperty("delimiter", ",").strip()) {
            case ";" -> ';';
            case "tab" -> '\t';
            default -> ',';
        };
        CsvTable table = CsvTable.read(
                csv,
                Charset.forName(weatherKeys.getProperty("encoding", "UTF-8").strip()),
                delimiter,
                Integer.parseInt(weatherKeys.getProperty("header.rows", "1").strip()));
        int n = table.rowCount();
        if (n != weather.size()) {
            throw new IllegalArgumentException(csv + ": " + n + " rows, but the weather reader kept " + weather.size());
        }
        LocalDateTime[] times = new LocalDateTime[n];
        for (int i = 0; i < n; i++) {
            times[i] = weather.localTime(i);
        }
        Map<String, double[]> measured = new LinkedHashMap<>();
        Map<String, double[]> inputs = new LinkedHashMap<>();
        List<ColumnReport> report = new ArrayList<>();
        for (String k : extra.keySet()) {
            String[] parts = k.split("\\.");
            if (parts.length != 3
                    || !List.of("column", "unit", "scale", "offset").contains(parts[2])) {
                throw new IllegalArgumentException(mapping + ": unknown key '" + k
                        + "'; expected measured.VAR.column|unit|scale|offset or input.NAME.column|scale");
            }
            if (parts[0].equals("measured") && !MEASURED.contains(parts[1])) {
                throw new IllegalArgumentException(
                        mapping + ": " + k + ": unknown measured variable '" + parts[1] + "'; known: " + MEASURED);
            }
            if (!parts[2].equals("column") && !extra.containsKey(parts[0] + "." + parts[1] + ".column")) {
                throw new IllegalArgumentException(
                        mapping + ": " + k + " without " + parts[0] + "." + parts[1] + ".column");
            }
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            if (!parts[2].equals("column")) {
                continue;
            }
            boolean isMeasured = parts[0].equals("measured");
            String name = parts[1];
            String prefix = parts[0] + "." + name + ".";
            int col = table.columnIndex(e.getValue(), e.getKey());
            double scale = number(extra, prefix + "scale", 1, mapping);
            double offset = number(extra, prefix + "offset", 0, mapping);
            int v = isMeasured ? MEASURED.indexOf(name) : -1;
            String unit = extra.getOrDefault(prefix + "unit", isMeasured ? UNIT[v] : "-");
            double unitOffset = 0;
            if (isMeasured) {
                if (v == 0 && unit.equals("K")) {
                    unitOffset = -273.15;
                } else if (!unit.equals(UNIT[v]) && !(v == 0 && unit.equals("C"))) {
                    throw new IllegalArgumentException(mapping + ": " + prefix + "unit = '" + unit + "' for " + name
                            + "; allowed " + (v == 0 ? "°C, C or K" : UNIT[v]));
                }
            }
            double[] values = new double[n];
            int gaps = 0;
            for (int r = 0; r < n; r++) {
                String cell = table.row(r)[col].strip();
                double x;
                try {
                    x = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
                } catch (NumberFormatException ex) {
                    x = Double.NaN;
                }
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    gaps++;
                    values[r] = Double.NaN;
                } else {
                    values[r] = (x + unitOffset) * scale + offset;
                }
            }
            double lo = isMeasured ? LOW[v] : -0.01;
            double hi = isMeasured ? HIGH[v] : 1.01;
            double jump = isMeasured ? JUMP[v] : Double.POSITIVE_INFINITY;
            int outliers = removeOutliers(values, lo, hi, jump);
            if (!isMeasured) {
                for (int r = 0; r < n; r++) {
                    values[r] = Math.max(0, Math.min(1, values[r])); // NaN stays NaN
                }
            }
            (isMeasured ? measured : inputs).put(name, values);
            report.add(new ColumnReport(
                    name,
                    table.header().isEmpty() ? e.getValue() : table.header().get(col),
                    n,
                    gaps,
                    outliers));
        }
        if (measured.isEmpty()) {
            throw new IllegalArgumentException(
                    mapping + ": no measured.VAR.column key; a history needs at least one of " + MEASURED);
        }
        return new History(csv, weather, times, measured, inputs, List.copyOf(report));
    }

    /** Replaces implausible values and isolated spikes with NaN; returns how many. */
    static int removeOutliers(double[] v, double lo, double hi, double jump) {
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && (v[i] < lo || v[i] > hi)) {
                v[i] = Double.NaN;
                count++;
            }
        }
        if (Double.isFinite(jump)) {
            boolean[] spike = new boolean[v.length];
            for (int i = 1; i + 1 < v.length; i++) {
                // the nearest readings on each side, across up to three gaps
                double a = Double.NaN;
                for (int j = i - 1; j >= Math.max(0, i - 4) && Double.isNaN(a); j--) {
                    a = v[j];
                }
                double b = Double.NaN;
                for (int j = i + 1; j <= Math.min(v.length - 1, i + 4) && Double.isNaN(b); j++) {
                    b = v[j];
                }
                if (!Double.isNaN(v[i])
                        && !Double.isNaN(a)
                        && !Double.isNaN(b)
                        && Math.abs(v[i] - a) > jump
                        && Math.abs(v[i] - b) > jump
                        && Math.abs(a - b) <= jump) {
                    spike[i] = true;
                }
            }
            for (int i = 0; i < v.length; i++) {
                if (spike[i]) {
                    v[i] = Double.NaN;
                    count++;
                }
            }
        }
        return count;
    }

    private static double number(Map<String, String> m, String key, double def, Path mapping) {
        String s = m.get(key);
        if (s == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(mapping + ": " + key + " = '" + s + "' is not a finite number");
        }
    }

    /** Row index of the first row at or after {@code t}, or the row count if none. */
    public int rowAt(LocalDateTime t) {
        for (int i = 0; i < times.length; i++) {
            if (!times[i].isBefore(t)) {
                return i;
            }
        }
        return times.length;
    }

    /** The step between rows [s]. */
    public double stepSeconds() {
        return java.time.Duration.between(times[0], times[1]).toMillis() / 1000.0;
    }
}
