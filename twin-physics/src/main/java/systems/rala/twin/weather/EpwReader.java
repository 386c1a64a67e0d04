package systems.rala.twin.weather;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import systems.rala.twin.io.InputFormatException;

/**
 * Reads EnergyPlus weather files (EPW; "Auxiliary Programs" manual, "Weather Converter Program", section
 * "EnergyPlus Weather File (EPW) Data Dictionary").
 *
 * <p>Fields used (1-based, as in the data dictionary): 7 dry-bulb temperature °C, 8 dew point °C, 9 relative
 * humidity %, 13 horizontal infrared radiation Wh/m², 14 global horizontal radiation Wh/m², 22 wind speed
 * m/s, 23 total sky cover (tenths). Radiation values are the mean over the interval ending at the stamp
 * (hour h, minute 60 is the end of hour h). Sky temperature comes from field 13 ({@link
 * SkyTemperature#fromInfrared}) or, where it is missing, from Clark &amp; Allen (1978). Soil temperature
 * comes from the header's GROUND TEMPERATURES at the depth nearest 2 m. Missing values (the dictionary's
 * codes: 99.9 for temperatures, 999 for humidity and wind, 9999 for radiation) are replaced by the previous
 * valid value, as EnergyPlus does, and counted in the series' notes. The dictionary allows relative humidity
 * up to 110 %; such values are set to 100 % and counted; anything above 110 % is an error.
 */
public final class EpwReader {

    /** Whether to treat the file as a cyclic typical year or as a dated (measured) series. */
    public enum Kind {
        /** Typical if the LOCATION source names a typical-year set (IWEC, TMY, CWEC, CSWD…) or years vary. */
        AUTO,
        TYPICAL_YEAR,
        MEASURED
    }

    private static final int FIELDS = 35;
    private static final int F_YEAR = 0;
    private static final int F_MONTH = 1;
    private static final int F_DAY = 2;
    private static final int F_HOUR = 3;
    private static final int F_MINUTE = 4;
    private static final int F_DRY_BULB = 6;
    private static final int F_DEW_POINT = 7;
    private static final int F_RH = 8;
    private static final int F_IR = 12;
    private static final int F_GHI = 13;
    private static final int F_WIND = 21;
    private static final int F_SKY_COVER = 22;

    private static final String[] TYPICAL_TAGS = {
        "IWEC", "TMY", "CWEC", "WYEC", "CSWD", "TRY", "SWEC", "TYPICAL", "CTYW"
    };

    private EpwReader() {}

    /** Reads {@code file}, deciding typical or measured from its header ({@link Kind#AUTO}). */
    public static WeatherSeries read(Path file) {
        return read(file, Kind.AUTO);
    }

    /** Reads {@code file} as the given kind. */
    public static WeatherSeries read(Path file, Kind kind) {
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (lines.size() < 9 || !lines.get(0).startsWith("LOCATION")) {
            throw new InputFormatException(
                    file, 1, null, null, "not an EPW file: the first line must start with LOCATION");
        }
        String[] loc = lines.get(0).split(",", -1);
        if (loc.length < 10) {
            throw new InputFormatException(file, 1, null, null, "LOCATION needs 10 fields, has " + loc.length);
        }
        double lat = headerNumber(file, 1, loc, 6, "latitude");
        double lon = headerNumber(file, 1, loc, 7, "longitude");
        double tz = headerNumber(file, 1, loc, 8, "time zone");
        double elev = headerNumber(file, 1, loc, 9, "elevation");
        Site site;
        try {
            site = new Site(loc[1].strip(), lat, lon, elev, ZoneOffset.ofTotalSeconds((int) Math.round(tz * 3600)));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InputFormatException(file, 1, null, null, "LOCATION: " + e.getMessage());
        }
        String sourceTag = loc[4].toUpperCase(Locale.ROOT);

        double[] ground = null;
        int recordsPerHour = 1;
        int dataStart = -1;
        for (int i = 0; i < Math.min(lines.size(), 20); i++) {
            String l = lines.get(i);
            if (l.startsWith("GROUND TEMPERATURES")) {
                ground = groundTemperatures(file, i + 1, l.split(",", -1));
            } else if (l.startsWith("DATA PERIODS")) {
                String[] dp = l.split(",", -1);
                recordsPerHour = (int) headerNumber(file, i + 1, dp, 2, "records per hour");
                dataStart = i + 1;
                break;
            }
        }
        if (dataStart < 0) {
            throw new InputFormatException(file, 0, null, null, "no DATA PERIODS header line");
        }

        int n = lines.size() - dataStart;
        while (n > 0 && lines.get(dataStart + n - 1).isBlank()) {
            n--;
        }
        int[] year = new int[n];
        int[] month = new int[n];
        int[] day = new int[n];
        int[] hour = new int[n];
        int[] minute = new int[n];
        double[] temp = new double[n];
        double[] dew = new double[n];
        double[] rh = new double[n];
        double[] ir = new double[n];
        double[] ghi = new double[n];
        double[] wind = new double[n];
        double[] cover = new double[n];
        int missing = 0;
        int capped = 0;
        boolean leap = false;
        for (int r = 0; r < n; r++) {
            long lineNo = dataStart + r + 1L;
            String[] f = lines.get(dataStart + r).split(",", -1);
            if (f.length < FIELDS) {
                throw new InputFormatException(
                        file, lineNo, null, null, "truncated data line: " + f.length + " of " + FIELDS + " fields");
            }
            year[r] = (int) integer(file, lineNo, f, F_YEAR, "year", 1, 9999);
            month[r] = (int) integer(file, lineNo, f, F_MONTH, "month", 1, 12);
            day[r] = (int) integer(file, lineNo, f, F_DAY, "day", 1, 31);
            hour[r] = (int) integer(file, lineNo, f, F_HOUR, "hour", 1, 24);
            minute[r] = (int) integer(file, lineNo, f, F_MINUTE, "minute", 0, 60);
            leap |= month[r] == 2 && day[r] == 29;
            temp[r] = number(file, lineNo, f, F_DRY_BULB, "dry-bulb temperature", -70, 70, 99.9, "C");
            dew[r] = number(file, lineNo, f, F_DEW_POINT, "dew point", -70, 70, 99.9, "C");
            rh[r] = number(file, lineNo, f, F_RH, "relative humidity", 0, 110, 999, "%");
            if (rh[r] > 100.0) {
                rh[r] = 100.0; // the data dictionary allows up to 110 % (sensor supersaturation)
                capped++;
            }
            ir[r] = number(file, lineNo, f, F_IR, "horizontal infrared radiation", 0, 1000, 9999, "Wh/m2");
            ghi[r] = number(file, lineNo, f, F_GHI, "global horizontal radiation", 0, 1400, 9999, "Wh/m2");
            wind[r] = number(file, lineNo, f, F_WIND, "wind speed", 0, 40, 999, "m/s");
            cover[r] = number(file, lineNo, f, F_SKY_COVER, "total sky cover", 0, 10, 99, "tenths");
        }
        for (double[] col : new double[][] {temp, dew, rh, ghi, wind, cover}) {
            missing += fillMissing(col);
        }

        boolean typical = switch (kind) {
            case TYPICAL_YEAR -> true;
            case MEASURED -> false;
            case AUTO -> isTypicalTag(sourceTag) || distinct(year) > 1;
        };
        int nominalYear = leap ? 2000 : 2001;
        LocalDateTime origin = LocalDateTime.of(typical ? nominalYear : year[0], 1, 1, 0, 0);
        double[] time = new double[n];
        for (int r = 0; r < n; r++) {
            LocalDate date;
            long lineNo = dataStart + r + 1L;
            try {
                date = LocalDate.of(typical ? nominalYear : year[r], month[r], day[r]);
            } catch (DateTimeException e) {
                throw new InputFormatException(
                        file, lineNo, "3 (day)", Integer.toString(day[r]), "no such date: " + e.getMessage());
            }
            double secondsOfDay = recordsPerHour == 1 ? hour[r] * 3600.0 : (hour[r] - 1) * 3600.0 + minute[r] * 60.0;
            LocalDateTime midnight = date.atStartOfDay();
            double days = java.time.Duration.between(origin, midnight).toSeconds();
            time[r] = days + secondsOfDay;
            if (r > 0 && time[r] <= time[r - 1]) {
                throw new InputFormatException(
                        file,
                        lineNo,
                        "4 (hour)",
                        Integer.toString(hour[r]),
                        "not after the previous line's time; data lines must be in time order");
            }
        }

        int irFilled = 0;
        double[] sky = new double[n];
        for (int r = 0; r < n; r++) {
            if (Double.isNaN(ir[r])) {
                sky[r] = SkyTemperature.clarkAllen(temp[r], Math.min(dew[r], temp[r]), cover[r]);
                irFilled++;
            } else {
                sky[r] = SkyTemperature.fromInfrared(ir[r]);
            }
        }

        WeatherSeriesBuilder b = new WeatherSeriesBuilder()
                .setSite(site)
                .setSource(file.toString())
                .setOrigin(origin, typical)
                .setTime(time)
                .setColumn(WeatherVariable.GLOBAL_RADIATION, ghi, true)
                .setColumn(WeatherVariable.AIR_TEMPERATURE, temp, false)
                .setColumn(WeatherVariable.RELATIVE_HUMIDITY, rh, false)
                .setColumn(WeatherVariable.WIND_SPEED, wind, false)
                .setColumn(WeatherVariable.SKY_TEMPERATURE, sky, true);
        if (ground != null) {
            b.optSoilMonthly(ground);
        }
        b.optNote("sky temperature from the horizontal infrared radiation (EnergyPlus Engineering Reference)"
                + (irFilled > 0 ? "; " + irFilled + " missing values modelled by Clark & Allen (1978)" : ""));
        if (missing > 0) {
            b.optNote(missing + " missing values replaced by the previous valid value");
        }
        if (capped > 0) {
            b.optNote(
                    capped + " relative humidities between 100 and 110 % (allowed by the EPW dictionary) set to 100 %");
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file, 0, null, null, e.getMessage());
        }
    }

    private static boolean isTypicalTag(String tag) {
        for (String t : TYPICAL_TAGS) {
            if (tag.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static int distinct(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int v : a) {
            s.add(v);
        }
        return s.size();
    }

    /** Replaces NaN (missing) by the previous valid value, leading ones by the first valid; returns the count. */
    private static int fillMissing(double[] col) {
        int count = 0;
        int firstValid = -1;
        for (int i = 0; i < col.length; i++) {
            if (!Double.isNaN(col[i])) {
                firstValid = i;
                break;
            }
        }
        if (firstValid < 0) {
            return 0; // all missing: only the infrared column may be, handled by the caller
        }
        double last = col[firstValid];
        for (int i = 0; i < col.length; i++) {
            if (Double.isNaN(col[i])) {
                col[i] = last;
                count++;
            } else {
                last = col[i];
            }
        }
        return count;
    }

    private static double[] groundTemperatures(Path file, int lineNo, String[] f) {
        int depths = (int) headerNumber(file, lineNo, f, 1, "number of ground temperature depths");
        double best = Double.NaN;
        double[] monthly = null;
        for (int d = 0; d < depths; d++) {
            int base = 2 + d * 16;
            if (f.length < base + 16) {
                throw new InputFormatException(
                        file, lineNo, null, null, "GROUND TEMPERATURES is truncated at depth " + (d + 1));
            }
            double depth = headerNumber(file, lineNo, f, base, "ground temperature depth");
            if (Double.isNaN(best)
                    || Math.abs(depth - SoilTemperature.DEFAULT_DEPTH)
                            < Math.abs(best - SoilTemperature.DEFAULT_DEPTH)) {
                best = depth;
                monthly = new double[12];
                for (int m = 0; m < 12; m++) {
                    monthly[m] = headerNumber(file, lineNo, f, base + 4 + m, "ground temperature");
                }
            }
        }
        return monthly;
    }

    private static double headerNumber(Path file, long lineNo, String[] f, int idx, String what) {
        if (idx >= f.length) {
            throw new InputFormatException(file, lineNo, (idx + 1) + " (" + what + ")", null, "field is missing");
        }
        try {
            return Double.parseDouble(f[idx].strip());
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, lineNo, (idx + 1) + " (" + what + ")", f[idx], "not a number");
        }
    }

    private static long integer(Path file, long lineNo, String[] f, int idx, String what, long min, long max) {
        String s = f[idx].strip();
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, lineNo, (idx + 1) + " (" + what + ")", s, "not an integer");
        }
        if (v < min || v > max) {
            throw new InputFormatException(
                    file, lineNo, (idx + 1) + " (" + what + ")", s, "outside the allowed range " + min + " to " + max);
        }
        return v;
    }

    /** A numeric field; NaN for the dictionary's missing code, an error outside [min, max]. */
    private static double number(
            Path file,
            long lineNo,
            String[] f,
            int idx,
            String what,
            double min,
            double max,
            double missingCode,
            String unit) {
        String s = f[idx].strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(file, lineNo, (idx + 1) + " (" + what + ")", s, "not a number");
        }
        if (!Double.isFinite(v)) {
            throw new InputFormatException(file, lineNo, (idx + 1) + " (" + what + ")", s, "not a finite number");
        }
        if (v >= missingCode) {
            return Double.NaN;
        }
        if (v < min || v > max) {
            String why = v < 0 && min == 0 ? "negative " + what : what + " outside the allowed range";
            throw new InputFormatException(
                    file,
                    lineNo,
                    (idx + 1) + " (" + what + ")",
                    s,
                    why + "; allowed " + fmt(min) + " to " + fmt(max) + " " + unit);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
