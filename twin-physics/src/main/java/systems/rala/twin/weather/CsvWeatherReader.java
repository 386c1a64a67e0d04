package systems.rala.twin.weather;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import systems.rala.twin.io.CsvTable;
import systems.rala.twin.io.InputFormatException;
import systems.rala.twin.physics.Psychrometrics;

/**
 * Reads weather from a delimited text file described by a mapping: a small {@code .properties} file that
 * says which column holds what, in which unit, and how time is written. No code changes for a new layout.
 *
 * <p>Mapping keys (see {@code examples/weather/*.mapping.properties} for complete files):
 *
 * <pre>
 * source         = free text describing the data (optional)
 * series         = measured | typical-year        (default measured)
 * delimiter      = , | ; | tab                    (default ,)
 * encoding       = UTF-8 | ISO-8859-1 | ...       (default UTF-8)
 * header.rows    = 1                              (default 1)
 * site.name, site.latitude, site.longitude        (required; degrees north / east)
 * site.elevation = 0                              (m; default 0)
 * site.utc-offset = +01:00                        (the local standard time of the stamps; required)
 * time.column    = 1 | header name
 * time.format    = seconds-since-year-start | seconds-since-origin | epoch-seconds | iso | pattern:yyyy-MM-dd HH:mm
 * time.year      = 2009                           (for seconds-since-year-start in a measured series)
 * time.origin    = 2014-01-10T00:00               (for seconds-since-origin: the local time of 0 s; measured only)
 * time.stamp     = instant | interval-end         (radiation and sky temperature: instantaneous, or means over the interval ending at the stamp)
 * VAR.column     = 3 | header name                VAR one of: global_radiation, air_temperature,
 * VAR.unit       = W/m2                           relative_humidity, vapour_pressure, dew_point, wind_speed,
 * VAR.value      = 400                            sky_temperature, cloud_cover, co2, soil_temperature
 * relative_humidity.accept-up-to = 100            (up to 110: read values above 100 % up to this as 100 %)
 * </pre>
 *
 * <p>Required: global radiation, air temperature, one of relative humidity / vapour pressure / dew point,
 * wind speed, and either the sky temperature or the cloud cover (the sky temperature then follows Clark
 * &amp; Allen 1978). Every cell is checked: a non-numeric cell, a value outside its variable's plausible
 * range or a missing column fails with the file, line, column and value. Relative humidity above 100 % is an
 * error unless the mapping accepts a sensor tolerance with {@code relative_humidity.accept-up-to}.
 */
public final class CsvWeatherReader {

    /** First comment line of RALA's own weather CSV; the comments that follow are its mapping. */
    public static final String MARKER = "rala-weather v1";

    private static final List<String> VARIABLE_KEYS = List.of(
            "global_radiation",
            "air_temperature",
            "relative_humidity",
            "vapour_pressure",
            "dew_point",
            "wind_speed",
            "sky_temperature",
            "cloud_cover",
            "co2",
            "soil_temperature");

    private static final Set<String> KNOWN_KEYS = knownKeys();

    private CsvWeatherReader() {}

    /** Reads {@code csv} with the mapping file {@code mapping}. */
    public static WeatherSeries read(Path csv, Path mapping) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(mapping, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + mapping, e);
        }
        return read(csv, p, mapping.toString());
    }

    /**
     * Reads a CSV written by RALA (first line {@code # rala-weather v1}), whose leading comments are its
     * mapping.
     */
    public static WeatherSeries readSelfDescribing(Path csv) {
        CsvTable probe = CsvTable.read(csv, StandardCharsets.UTF_8, ',', 1);
        if (probe.comments().isEmpty() || !probe.comments().get(0).equals(MARKER)) {
            throw new InputFormatException(
                    csv,
                    1,
                    null,
                    null,
                    "no mapping given and the file does not start with '# " + MARKER
                            + "'; pass a mapping file (see examples/weather/)");
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(String.join(
                    "\n", probe.comments().subList(1, probe.comments().size()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return read(csv, p, csv + " (embedded mapping)");
    }

    /** True when {@code csv} starts with RALA's own marker line. */
    public static boolean isSelfDescribing(Path csv) {
        try (var r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.equals("# " + MARKER);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads {@code csv} with a mapping given as properties; {@code mappingName} is used in error messages. */
    public static WeatherSeries read(Path csv, Properties mapping, String mappingName) {
        Mapping m = new Mapping(mapping, mappingName);
        for (String key : mapping.stringPropertyNames()) {
            if (!KNOWN_KEYS.contains(key)) {
                throw m.error(key, "unknown key; known keys: " + String.join(", ", new TreeSet<>(KNOWN_KEYS)));
            }
        }
        boolean typical = switch (m.get("series", "measured")) {
            case "measured" -> false;
            case "typical-year" -> true;
            default -> throw m.error("series", "allowed: measured, typical-year");
        };
        String delimiterText = m.get("delimiter", ",");
        char delimiter = switch (delimiterText) {
            case "tab", "\\t" -> '\t';
            default -> {
                if (delimiterText.length() != 1) {
                    throw m.error("delimiter", "one character, or 'tab'");
                }
                yield delimiterText.charAt(0);
            }
        };
        Charset charset;
        try {
            charset = Charset.forName(m.get("encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            throw m.error("encoding", "unknown character set");
        }
        int headerRows = (int) m.number("header.rows", 1, 0, 100);
        ZoneOffset offset;
        try {
            offset = ZoneOffset.of(m.required("site.utc-offset"));
        } catch (DateTimeException e) {
            throw m.error("site.utc-offset", "an offset such as +01:00 or Z");
        }
        Site site;
        try {
            site = new Site(
                    m.required("site.name"),
                    m.number("site.latitude", Double.NaN, -90, 90),
                    m.number("site.longitude", Double.NaN, -180, 180),
                    m.number("site.elevation", 0, -500, 9000),
                    offset);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mapping " + mappingName + ": " + e.getMessage(), e);
        }

        CsvTable table = CsvTable.read(csv, charset, delimiter, headerRows);
        if (table.rowCount() < 2) {
            throw new InputFormatException(
                    csv, 0, null, null, "has " + table.rowCount() + " data rows; at least 2 needed");
        }
        int n = table.rowCount();

        // time
        int timeCol = column(table, m, "time.column", "time");
        String format = m.get("time.format", "iso");
        boolean radiationIntervalMean = switch (m.get("time.stamp", "instant")) {
            case "instant" -> false;
            case "interval-end" -> true;
            default -> throw m.error("time.stamp", "allowed: instant, interval-end");
        };
        double[] time = new double[n];
        LocalDateTime origin;
        if (format.equals("seconds-since-year-start") || format.equals("seconds-since-origin")) {
            double shift = 0.0; // from the stamps' zero to the series origin, 1 January 00:00 of its year
            if (format.equals("seconds-since-origin")) {
                if (typical) {
                    throw m.error(
                            "time.format",
                            "seconds-since-origin is for measured series; a typical year"
                                    + " counts from 1 January: use seconds-since-year-start");
                }
                LocalDateTime zero;
                try {
                    zero = LocalDateTime.parse(m.required("time.origin"));
                } catch (DateTimeException e) {
                    throw m.error("time.origin", "a local date-time such as 2014-01-10T00:00");
                }
                origin = LocalDateTime.of(zero.getYear(), 1, 1, 0, 0);
                shift = Duration.between(origin, zero).toMillis() / 1000.0;
            } else {
                int year = typical
                        ? (int) m.number("time.year", 2001, 1, 9999)
                        : (int) m.number("time.year", Double.NaN, 1, 9999);
                origin = LocalDateTime.of(year, 1, 1, 0, 0);
            }
            for (int r = 0; r < n; r++) {
                time[r] = shift + cell(table, r, timeCol, "time", -1e12, 1e12, DoubleUnaryOperator.identity(), "s");
            }
        } else {
            LocalDateTime[] local = new LocalDateTime[n];
            DateTimeFormatter pattern = null;
            if (format.startsWith("pattern:")) {
                try {
                    pattern = DateTimeFormatter.ofPattern(format.substring("pattern:".length()), Locale.ROOT);
                } catch (IllegalArgumentException e) {
                    throw m.error("time.format", "bad pattern: " + e.getMessage());
                }
            } else if (!format.equals("iso") && !format.equals("epoch-seconds")) {
                throw m.error(
                        "time.format",
                        "allowed: seconds-since-year-start, seconds-since-origin, epoch-seconds, iso,"
                                + " pattern:<java.time pattern>");
            }
            for (int r = 0; r < n; r++) {
                local[r] = parseTime(table, r, timeCol, format, pattern, offset);
            }
            if (typical) {
                // a typical year's rows may carry any years (TMY months come from different years): only the
                // calendar position counts; a last row at 1 January 00:00 closes the year
                boolean leap = false;
                for (LocalDateTime t : local) {
                    leap |= t.getMonthValue() == 2 && t.getDayOfMonth() == 29;
                }
                origin = LocalDateTime.of(leap ? 2000 : 2001, 1, 1, 0, 0);
                for (int r = 0; r < n; r++) {
                    time[r] = Duration.between(origin, local[r].withYear(origin.getYear()))
                                    .toMillis()
                            / 1000.0;
                    if (r == n - 1 && r > 0 && time[r] == 0.0) {
                        time[r] = (leap ? 366 : 365) * 86_400.0;
                    }
                }
            } else {
                origin = LocalDateTime.of(local[0].getYear(), 1, 1, 0, 0);
                for (int r = 0; r < n; r++) {
                    time[r] = Duration.between(origin, local[r]).toMillis() / 1000.0;
                }
            }
        }
        for (int r = 1; r < n; r++) {
            if (time[r] <= time[r - 1]) {
                throw new InputFormatException(
                        csv,
                        table.line(r),
                        (timeCol + 1) + " (time)",
                        table.row(r)[timeCol].strip(),
                        "not after the previous row's time; rows must be in time order");
            }
        }

        WeatherSeriesBuilder b = new WeatherSeriesBuilder()
                .setSite(site)
                .setSource(m.get("source", null) == null ? csv.toString() : csv + " (" + m.get("source", "") + ")")
                .setOrigin(origin, typical)
                .setTime(time);
        double[] temp = variable(table, m, "air_temperature", Units.TEMPERATURE, WeatherVariable.AIR_TEMPERATURE, true);
        b.setColumn(WeatherVariable.AIR_TEMPERATURE, temp, false);
        b.setColumn(
                WeatherVariable.GLOBAL_RADIATION,
                variable(table, m, "global_radiation", Units.IRRADIANCE, WeatherVariable.GLOBAL_RADIATION, true),
                radiationIntervalMean);
        b.setColumn(
                WeatherVariable.WIND_SPEED,
                variable(table, m, "wind_speed", Units.SPEED, WeatherVariable.WIND_SPEED, true),
                false);

        double rhLimit = m.number("relative_humidity.accept-up-to", 100.0, 100.0, 110.0);
        double[] rh = variable(
                table, m, "relative_humidity", Units.PERCENT, WeatherVariable.RELATIVE_HUMIDITY, false, rhLimit);
        if (rh != null) {
            int capped = 0;
            for (int r = 0; r < n; r++) {
                if (rh[r] > 100.0) {
                    rh[r] = 100.0;
                    capped++;
                }
            }
            if (capped > 0) {
                b.optNote(capped + " relative humidities up to " + rhLimit
                        + " % (relative_humidity.accept-up-to) set to 100 %");
            }
        }
        double[] vp = variable(table, m, "vapour_pressure", Units.PRESSURE, WeatherVariable.VAPOUR_PRESSURE, false);
        double[] dew = variable(table, m, "dew_point", Units.TEMPERATURE, WeatherVariable.AIR_TEMPERATURE, false);
        if (rh != null) {
            b.setColumn(WeatherVariable.RELATIVE_HUMIDITY, rh, false);
        }
        if (vp == null && dew != null) {
            vp = new double[n];
            for (int r = 0; r < n; r++) {
                vp[r] = Psychrometrics.saturationVapourPressure(dew[r]);
            }
        }
        if (vp != null) {
            b.setColumn(WeatherVariable.VAPOUR_PRESSURE, vp, false);
        }
        if (rh == null && vp == null) {
            throw m.error("relative_humidity.column", "map one of relative_humidity, vapour_pressure or dew_point");
        }

        double[] sky = variable(table, m, "sky_temperature", Units.TEMPERATURE, WeatherVariable.SKY_TEMPERATURE, false);
        if (sky == null) {
            double[] cover = variable(table, m, "cloud_cover", Units.SKY_COVER, null, false);
            if (cover == null) {
                throw m.error(
                        "sky_temperature.column",
                        "map sky_temperature, or cloud_cover to model it (Clark & Allen 1978)");
            }
            sky = new double[n];
            for (int r = 0; r < n; r++) {
                double e = vp != null ? vp[r] : Psychrometrics.vapourPressure(temp[r], rh[r]);
                double dp = Math.min(Psychrometrics.dewPoint(Math.max(e, 1.0)), temp[r]);
                sky[r] = SkyTemperature.clarkAllen(temp[r], dp, cover[r]);
            }
            b.optNote("sky temperature modelled from the cloud cover by Clark & Allen (1978)");
        }
        // station long-wave data is integrated like the short-wave: one time-stamp convention for both
        b.setColumn(WeatherVariable.SKY_TEMPERATURE, sky, radiationIntervalMean);
        double[] co2 = variable(table, m, "co2", Units.MOLE_FRACTION, WeatherVariable.CO2, false);
        if (co2 != null) {
            b.setColumn(WeatherVariable.CO2, co2, false);
        }
        double[] soil =
                variable(table, m, "soil_temperature", Units.TEMPERATURE, WeatherVariable.SOIL_TEMPERATURE, false);
        if (soil != null) {
            b.setColumn(WeatherVariable.SOIL_TEMPERATURE, soil, false);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(csv, 0, null, null, e.getMessage());
        }
    }

    /** A variable's column (or constant), converted and range-checked; null when optional and unmapped. */
    private static double[] variable(
            CsvTable table, Mapping m, String key, Units units, WeatherVariable range, boolean required) {
        return variable(table, m, key, units, range, required, range == null ? 10 : range.max());
    }

    private static double[] variable(
            CsvTable table, Mapping m, String key, Units units, WeatherVariable range, boolean required, double max) {
        String unit = m.get(key + ".unit", units.base());
        DoubleUnaryOperator conv;
        try {
            conv = units.converter(unit);
        } catch (IllegalArgumentException e) {
            throw m.error(key + ".unit", e.getMessage());
        }
        double min = range == null ? 0 : range.min();
        String constant = m.get(key + ".value", null);
        int n = table.rowCount();
        if (constant != null) {
            double v = conv.applyAsDouble(m.number(key + ".value", Double.NaN, -1e9, 1e9));
            if (v < min || v > max) {
                throw m.error(key + ".value", "outside " + min + " to " + max + " " + units.base());
            }
            double[] col = new double[n];
            java.util.Arrays.fill(col, v);
            return col;
        }
        if (m.get(key + ".column", null) == null) {
            if (required) {
                throw m.error(key + ".column", "required: the column (1-based number or header name) holding " + key);
            }
            return null;
        }
        int c = column(table, m, key + ".column", key);
        double[] col = new double[n];
        for (int r = 0; r < n; r++) {
            col[r] = cell(table, r, c, key, min, max, conv, units.base());
        }
        return col;
    }

    private static int column(CsvTable table, Mapping m, String key, String what) {
        try {
            return table.columnIndex(m.required(key), what);
        } catch (InputFormatException e) {
            throw new IllegalArgumentException("mapping " + m.name + ": " + key + ": " + e.getMessage(), e);
        }
    }

    private static double cell(
            CsvTable table, int r, int c, String what, double min, double max, DoubleUnaryOperator conv, String unit) {
        String[] row = table.row(r);
        String label = (c + 1) + " (" + what + ")";
        if (c >= row.length) {
            throw new InputFormatException(
                    table.file(), table.line(r), label, null, "missing: the row has only " + row.length + " fields");
        }
        String s = row[c].strip();
        double raw;
        try {
            raw = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(table.file(), table.line(r), label, s, "not a number");
        }
        double v = conv.applyAsDouble(raw);
        if (!Double.isFinite(v)) {
            throw new InputFormatException(table.file(), table.line(r), label, s, "not a finite number");
        }
        if (v < min || v > max) {
            String why = v < 0 && min == 0 ? "negative " + what : what + " outside the plausible range";
            throw new InputFormatException(
                    table.file(), table.line(r), label, s, why + "; allowed " + min + " to " + max + " " + unit);
        }
        return v;
    }

    private static LocalDateTime parseTime(
            CsvTable table, int r, int c, String format, DateTimeFormatter pattern, ZoneOffset offset) {
        String[] row = table.row(r);
        if (c >= row.length) {
            throw new InputFormatException(table.file(), table.line(r), (c + 1) + " (time)", null, "missing");
        }
        String s = row[c].strip();
        try {
            if (format.equals("epoch-seconds")) {
                double v = Double.parseDouble(s);
                return LocalDateTime.ofInstant(Instant.ofEpochMilli(Math.round(v * 1000)), offset);
            }
            if (pattern != null) {
                TemporalAccessor ta = pattern.parse(s);
                return LocalDateTime.from(ta);
            }
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(s).withOffsetSameInstant(offset).toLocalDateTime();
            }
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (NumberFormatException | DateTimeException e) {
            throw new InputFormatException(
                    table.file(), table.line(r), (c + 1) + " (time)", s, "not a time in format " + format);
        }
    }

    private static Set<String> knownKeys() {
        Set<String> keys = new TreeSet<>(List.of(
                "source",
                "series",
                "delimiter",
                "encoding",
                "header.rows",
                "site.name",
                "site.latitude",
                "site.longitude",
                "site.elevation",
                "site.utc-offset",
                "time.column",
                "time.format",
                "time.year",
                "time.origin",
                "time.stamp",
                "relative_humidity.accept-up-to"));
        for (String v : VARIABLE_KEYS) {
            keys.add(v + ".column");
            keys.add(v + ".unit");
            keys.add(v + ".value");
        }
        return keys;
    }

    /** The mapping's properties with error reporting that names the file and the key. */
    private static final class Mapping {
        private final Properties p;
        private final String name;

        Mapping(Properties p, String name) {
            this.p = p;
            this.name = name;
        }

        String get(String key, String def) {
            String v = p.getProperty(key);
            return v == null ? def : v.strip();
        }

        String required(String key) {
            String v = get(key, null);
            if (v == null || v.isEmpty()) {
                throw error(key, "required");
            }
            return v;
        }

        double number(String key, double def, double min, double max) {
            String v = get(key, null);
            if (v == null) {
                if (Double.isNaN(def)) {
                    throw error(key, "required");
                }
                return def;
            }
            double d;
            try {
                d = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw error(key, "not a number");
            }
            if (d < min || d > max) {
                throw error(key, "outside the allowed range " + min + " to " + max);
            }
            return d;
        }

        IllegalArgumentException error(String key, String why) {
            String v = p.getProperty(key);
            return new IllegalArgumentException(
                    "mapping " + name + ": " + key + (v == null ? "" : " = '" + v + "'") + ": " + why);
        }
    }

    /** Mapping properties describing a RALA CSV with the header written by {@link WeatherCsvWriter}. */
    static Map<String, String> ownMapping(Site site, boolean typical, boolean radiationIntervalMean) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("series", typical ? "typical-year" : "measured");
        m.put("site.name", site.name());
        m.put("site.latitude", Double.toString(site.latitudeDeg()));
        m.put("site.longitude", Double.toString(site.longitudeDeg()));
        m.put("site.elevation", Double.toString(site.elevationM()));
        m.put("site.utc-offset", site.standardOffset().getId());
        m.put("time.column", "time");
        m.put("time.format", "iso");
        m.put("time.stamp", radiationIntervalMean ? "interval-end" : "instant");
        for (WeatherVariable v : WeatherVariable.values()) {
            if (v != WeatherVariable.DAILY_RADIATION_SUM) {
                m.put(v.key() + ".column", v.header());
                m.put(v.key() + ".unit", v.unit());
            }
        }
        return m;
    }
}
