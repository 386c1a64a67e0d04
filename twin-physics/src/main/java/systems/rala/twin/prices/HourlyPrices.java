package systems.rala.twin.prices;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import systems.rala.twin.io.CsvTable;
import systems.rala.twin.io.InputFormatException;

/**
 * Prices that change over time, read from a CSV file: each row's prices hold from its time until the next
 * row's (the last row holds for the median row spacing, one hour for hourly data). Not cyclic: asking for a
 * time outside the file is an error naming the requested and the covered period.
 *
 * <p>Columns, by header name (units in the name; the electricity column is required, gas and CO2 columns
 * replace the constants given to {@link #read}):
 *
 * <pre>
 * time                                            ISO local standard time (2025-01-01T00:00) or with an offset (…Z, …+01:00)
 * electricity_eur_per_kwh | electricity_eur_per_mwh   (day-ahead market prices are usually per MWh)
 * gas_eur_per_kwh | gas_eur_per_m3                     (per m³ converted with the Dutch natural gas heating value)
 * co2_eur_per_kg | co2_eur_per_t
 * </pre>
 */
public final class HourlyPrices implements PriceSchedule {

    private final String source;
    private final LocalDateTime origin;
    private final double[] time;
    private final double[] electricity;
    private final double[] gas;
    private final double[] co2;
    private final double end;

    private HourlyPrices(
            String source, LocalDateTime origin, double[] time, double[] electricity, double[] gas, double[] co2) {
        this.source = source;
        this.origin = origin;
        this.time = time;
        this.electricity = electricity;
        this.gas = gas;
        this.co2 = co2;
        double[] d = new double[Math.max(1, time.length - 1)];
        for (int i = 0; i + 1 < time.length; i++) {
            d[i] = time[i + 1] - time[i];
        }
        Arrays.sort(d);
        this.end = time[time.length - 1] + (time.length > 1 ? d[d.length / 2] : 3600.0);
    }

    /**
     * Reads {@code file}; times with an offset are converted to {@code standardOffset}, the site's local
     * standard time. Gas and CO2 prices come from the file where it has them, else from the constants.
     */
    public static HourlyPrices read(Path file, ZoneOffset standardOffset, double gasEurPerKwh, double co2EurPerKg) {
        Prices.checkPrice("gasEurPerKwh", gasEurPerKwh);
        Prices.checkPrice("co2EurPerKg", co2EurPerKg);
        CsvTable t = CsvTable.read(file, StandardCharsets.UTF_8, ',', 1);
        int n = t.rowCount();
        if (n < 1) {
            throw new InputFormatException(file, 0, null, null, "has no price rows");
        }
        int timeCol = t.columnIndex("time", "time");
        Column elec =
                Column.find(t, List.of("electricity_eur_per_kwh", "electricity_eur_per_mwh"), new double[] {1, 1e-3});
        if (elec == null) {
            throw new InputFormatException(
                    file,
                    1,
                    null,
                    null,
                    "no electricity column: name one electricity_eur_per_kwh or electricity_eur_per_mwh; header is "
                            + t.header());
        }
        Column gasCol = Column.find(t, List.of("gas_eur_per_kwh", "gas_eur_per_m3"), new double[] {
            1, 1.0 / (Prices.DUTCH_GAS_LHV_MJ_PER_M3 / 3.6)
        });
        Column co2Col = Column.find(t, List.of("co2_eur_per_kg", "co2_eur_per_t"), new double[] {1, 1e-3});

        LocalDateTime[] local = new LocalDateTime[n];
        for (int r = 0; r < n; r++) {
            String s = cellText(t, r, timeCol, "time");
            try {
                local[r] = s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")
                        ? OffsetDateTime.parse(s)
                                .withOffsetSameInstant(standardOffset)
                                .toLocalDateTime()
                        : LocalDateTime.parse(s.replace(' ', 'T'));
            } catch (DateTimeException e) {
                throw new InputFormatException(
                        file,
                        t.line(r),
                        (timeCol + 1) + " (time)",
                        s,
                        "not an ISO date-time such as 2025-01-01T00:00 or 2025-01-01T00:00Z");
            }
        }
        LocalDateTime origin = local[0];
        double[] time = new double[n];
        double[] e = new double[n];
        double[] g = new double[n];
        double[] c = new double[n];
        for (int r = 0; r < n; r++) {
            time[r] = ChronoUnit.MILLIS.between(origin, local[r]) / 1000.0;
            if (r > 0 && time[r] <= time[r - 1]) {
                throw new InputFormatException(
                        file,
                        t.line(r),
                        (timeCol + 1) + " (time)",
                        cellText(t, r, timeCol, "time"),
                        "not after the previous row's time; rows must be in time order");
            }
            e[r] = elec.value(t, r);
            g[r] = gasCol == null ? gasEurPerKwh : gasCol.value(t, r);
            c[r] = co2Col == null ? co2EurPerKg : co2Col.value(t, r);
        }
        return new HourlyPrices(file.toString(), origin, time, e, g, c);
    }

    @Override
    public void requireCovers(LocalDateTime start, Duration duration) {
        double from = ChronoUnit.MILLIS.between(origin, start) / 1000.0;
        double to = from + duration.toMillis() / 1000.0;
        if (from < time[0] || to > end) {
            throw new IllegalArgumentException(
                    "prices " + source + " do not cover the requested period " + start + " to "
                            + start.plus(duration) + "; they cover " + origin + " to "
                            + origin.plus(Math.round(end * 1000), ChronoUnit.MILLIS));
        }
    }

    @Override
    public PriceSampler sampler(LocalDateTime start) {
        double offset = ChronoUnit.MILLIS.between(origin, start) / 1000.0;
        return new PriceSampler() {
            private int hint;

            private int index(double t) {
                double pos = offset + t;
                if (pos < time[0] || pos > end) {
                    throw new IllegalArgumentException("prices " + source + " have no value at "
                            + start.plus(Math.round(t * 1000), ChronoUnit.MILLIS) + "; they cover " + origin + " to "
                            + origin.plus(Math.round(end * 1000), ChronoUnit.MILLIS));
                }
                int i = hint;
                if (!(time[i] <= pos && (i + 1 == time.length || pos < time[i + 1]))) {
                    i = Arrays.binarySearch(time, pos);
                    i = i >= 0 ? i : -i - 2;
                }
                hint = i;
                return i;
            }

            @Override
            public double electricityEurPerKwh(double t) {
                return electricity[index(t)];
            }

            @Override
            public double gasEurPerKwh(double t) {
                return gas[index(t)];
            }

            @Override
            public double co2EurPerKg(double t) {
                return co2[index(t)];
            }
        };
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "hourly prices from %s (%d rows from %s)", source, time.length, origin);
    }

    private static String cellText(CsvTable t, int r, int c, String what) {
        String[] row = t.row(r);
        if (c >= row.length) {
            throw new InputFormatException(t.file(), t.line(r), (c + 1) + " (" + what + ")", null, "missing");
        }
        return row[c].strip();
    }

    /** A price column found by one of several header names, each with its factor to the base unit. */
    private record Column(int index, String name, double factor) {
        static Column find(CsvTable t, List<String> names, double[] factors) {
            for (int i = 0; i < names.size(); i++) {
                for (int c = 0; c < t.header().size(); c++) {
                    if (t.header().get(c).strip().toLowerCase(Locale.ROOT).equals(names.get(i))) {
                        return new Column(c, names.get(i), factors[i]);
                    }
                }
            }
            return null;
        }

        double value(CsvTable t, int r) {
            String s = cellText(t, r, index, name);
            double v;
            try {
                v = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new InputFormatException(t.file(), t.line(r), (index + 1) + " (" + name + ")", s, "not a number");
            }
            double base = v * factor;
            if (!Double.isFinite(base) || base < -10 || base > 100) {
                throw new InputFormatException(
                        t.file(),
                        t.line(r),
                        (index + 1) + " (" + name + ")",
                        s,
                        "outside the plausible range -10 to 100 in the base unit (EUR/kWh or EUR/kg)");
            }
            return base;
        }
    }
}
