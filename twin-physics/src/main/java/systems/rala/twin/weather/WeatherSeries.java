package systems.rala.twin.weather;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable outdoor weather record: every {@link WeatherVariable} on one time grid, for one {@link Site}.
 *
 * <p><b>Time.</b> Stamps are seconds since {@link #origin()}, a local-standard-time instant (the site's
 * {@link Site#standardOffset()}, no daylight saving, as in EPW files). Two kinds of series exist:
 *
 * <ul>
 *   <li>A <b>typical year</b> (EPW TMY/IWEC/CWEC, SEL2000) is cyclic. Its origin is 1 January 00:00 of no
 *       particular year and its period is its length in days. A run past 31 December continues from 1
 *       January of the same data, as in EnergyPlus and GreenLight; a run that starts on 29 February of a leap
 *       year starts on the data of 28 February, and a run through 29 February continues on the following
 *       data without a jump, so the weather's calendar lags by one day after that date.
 *   <li>A <b>measured</b> series has real dates and is not cyclic: asking for a time outside it is an error
 *       that names the requested and the covered period.
 * </ul>
 *
 * <p><b>Interpolation.</b> Values are linear in time between stamps. A value that is the mean over the
 * interval ending at its stamp (EPW radiation) is placed at the middle of that interval before
 * interpolating, so that a day's radiation keeps its timing and, within the resolution of one interval, its
 * total. The daily radiation sum is constant over each local calendar day.
 */
public final class WeatherSeries {

    static final double DAY = 86_400.0;

    private final Site site;
    private final String source;
    private final boolean typicalYear;
    private final LocalDateTime origin;
    private final double[] time;
    private final double[][] values;
    private final boolean[] intervalMean;
    private final double interval;
    private final double period;
    private final double[] dailySum;
    private final boolean[] completeDay;
    private final int firstDay;
    private final List<String> notes;

    WeatherSeries(
            Site site,
            String source,
            boolean typicalYear,
            LocalDateTime origin,
            double[] time,
            double[][] values,
            boolean[] intervalMean,
            double interval,
            double[] dailySum,
            boolean[] completeDay,
            int firstDay,
            List<String> notes) {
        this.site = site;
        this.source = source;
        this.typicalYear = typicalYear;
        this.origin = origin;
        this.time = time;
        this.values = values;
        this.intervalMean = intervalMean;
        this.dailySum = dailySum;
        this.completeDay = completeDay;
        this.firstDay = firstDay;
        this.notes = List.copyOf(notes);
        this.interval = interval;
        this.period = typicalYear ? dailySum.length * DAY : Double.NaN;
    }

    /** The site the data belongs to. */
    public Site site() {
        return site;
    }

    /** Where the data came from: a file path, or the generator and its seed. */
    public String source() {
        return source;
    }

    /** True for a cyclic typical year, false for a measured (dated) series. */
    public boolean isTypicalYear() {
        return typicalYear;
    }

    /** Local standard time of stamp 0; for a typical year, 1 January 00:00 of a nominal year. */
    public LocalDateTime origin() {
        return origin;
    }

    /** Number of stamps. */
    public int size() {
        return time.length;
    }

    /** The most common spacing of stamps, s. */
    public double intervalSeconds() {
        return interval;
    }

    /** Length of a typical year's cycle, s (365 or 366 days); NaN for a measured series. */
    public double periodSeconds() {
        return period;
    }

    /** Stamp {@code i}, s since {@link #origin()}. */
    public double time(int i) {
        return time[i];
    }

    /** Stamp {@code i} as local standard time. */
    public LocalDateTime localTime(int i) {
        return origin.plus(Math.round(time[i] * 1000.0), ChronoUnit.MILLIS);
    }

    /** Value of {@code v} at stamp {@code i}, in {@link WeatherVariable#unit()}. */
    public double value(WeatherVariable v, int i) {
        if (v == WeatherVariable.DAILY_RADIATION_SUM) {
            return dailySumAt(stampPosition(i));
        }
        return values[v.ordinal()][i];
    }

    /** True when the values of {@code v} are means over the interval that ends at each stamp. */
    public boolean isIntervalMean(WeatherVariable v) {
        return intervalMean[v.ordinal()];
    }

    /** Number of local calendar days with a radiation sum. */
    public int days() {
        return dailySum.length;
    }

    /** Radiation sum of day {@code d} (0 = the first day of the series), MJ/m². */
    public double dailyRadiationSum(int d) {
        return dailySum[d];
    }

    /**
     * True when the data covers all of day {@code d}; a measured series' first and last days may be partial,
     * and their radiation sums then cover only part of the day. Always true for a typical year.
     */
    public boolean isCompleteDay(int d) {
        return completeDay[d];
    }

    /** The local date of day {@code d} of the series; for a typical year, a date of the nominal year. */
    public LocalDate day(int d) {
        return origin.toLocalDate().plusDays(firstDay + d);
    }

    /** Messages about the data that are not errors: filled gaps, derived variables and their methods. */
    public List<String> notes() {
        return notes;
    }

    /** First local time with data. */
    public LocalDateTime coveredFrom() {
        return localTime(0);
    }

    /** Last local time with data. */
    public LocalDateTime coveredTo() {
        return localTime(time.length - 1);
    }

    /** The covered period in words, for error messages. */
    public String coverage() {
        return typicalYear
                ? "a typical year (cyclic, any date)"
                : coveredFrom() + " to " + coveredTo() + " (local standard time " + site.standardOffset() + ")";
    }

    /**
     * Checks that a run from {@code start} (local standard time) lasting {@code duration} lies within the
     * data; throws an {@link IllegalArgumentException} naming the requested and covered periods if not.
     */
    public void requireCovers(LocalDateTime start, Duration duration) {
        if (typicalYear) {
            return;
        }
        LocalDateTime end = start.plus(duration);
        if (start.isBefore(coveredFrom()) || end.isAfter(coveredTo())) {
            throw new IllegalArgumentException("weather " + source + " does not cover the requested period " + start
                    + " to " + end + "; it covers " + coverage());
        }
    }

    /** A sampler whose time 0 is {@code start} (local standard time). Cheap; one per simulation. */
    public WeatherSampler sampler(LocalDateTime start) {
        return new WeatherSampler(this, positionOf(start));
    }

    /** Position in s since {@link #origin()} of a local time (for a typical year, within the cycle). */
    double positionOf(LocalDateTime local) {
        if (!typicalYear) {
            return Duration.between(origin, local).toMillis() / 1000.0;
        }
        LocalDate date = local.toLocalDate();
        int dayOfYear = date.getDayOfYear() - 1;
        boolean dataHasLeapDay = dailySum.length >= 366;
        if (date.isLeapYear() && !dataHasLeapDay && date.getMonthValue() > Month.FEBRUARY.getValue()) {
            dayOfYear -= 1; // 1 March of a leap year reads the data's 1 March
        } else if (date.isLeapYear()
                && !dataHasLeapDay
                && date.getMonth() == Month.FEBRUARY
                && date.getDayOfMonth() == 29) {
            dayOfYear -= 1; // 29 February reads 28 February
        } else if (!date.isLeapYear() && dataHasLeapDay && date.getMonthValue() > Month.FEBRUARY.getValue()) {
            dayOfYear += 1; // a leap-year file: skip its 29 February in common years
        }
        return dayOfYear * DAY + local.toLocalTime().toSecondOfDay() + local.getNano() * 1e-9;
    }

    // --- interpolation, used by WeatherSampler ---

    /** Wraps a cyclic position into [0, period); a measured position is returned unchanged. */
    double wrap(double pos) {
        if (!typicalYear) {
            return pos;
        }
        double p = pos % period;
        return p < 0 ? p + period : p;
    }

    /**
     * Index i with time[i] &lt;= pos &lt; time[i+1], using {@code hint} first; -1 when pos is before the
     * first stamp, n-1 when at or after the last. {@code pos} must be wrapped.
     */
    int locate(double pos, int hint) {
        int n = time.length;
        if (pos < time[0]) {
            return -1;
        }
        if (pos >= time[n - 1]) {
            return n - 1;
        }
        if (hint >= 0 && hint < n - 1) {
            if (time[hint] <= pos && pos < time[hint + 1]) {
                return hint;
            }
            if (hint + 2 < n && time[hint + 1] <= pos && pos < time[hint + 2]) {
                return hint + 1;
            }
        }
        int i = Arrays.binarySearch(time, pos);
        return i >= 0 ? i : -i - 2;
    }

    /** Linear interpolation of variable {@code var} at wrapped position {@code pos} with left index {@code i}. */
    double interpolate(int var, double pos, int i) {
        double[] col = values[var];
        int n = time.length;
        double t0;
        double t1;
        double v0;
        double v1;
        if (i < 0) {
            if (!typicalYear) {
                return col[0];
            }
            t0 = time[n - 1] - period;
            v0 = col[n - 1];
            t1 = time[0];
            v1 = col[0];
        } else if (i >= n - 1) {
            if (!typicalYear) {
                return col[n - 1];
            }
            t0 = time[n - 1];
            v0 = col[n - 1];
            t1 = time[0] + period;
            v1 = col[0];
        } else {
            t0 = time[i];
            v0 = col[i];
            t1 = time[i + 1];
            v1 = col[i + 1];
        }
        double w = (pos - t0) / (t1 - t0);
        return v0 + w * (v1 - v0);
    }

    /** Daily radiation sum of the local day containing wrapped position {@code pos}, MJ/m². */
    double dailySumAt(double pos) {
        int d = (int) Math.floor(pos / DAY) - firstDay;
        if (d < 0) {
            d = 0;
        } else if (d >= dailySum.length) {
            d = dailySum.length - 1;
        }
        return dailySum[d];
    }

    /** Position used for the daily sum of stamp i: the middle of its interval for interval means. */
    private double stampPosition(int i) {
        return intervalMean[WeatherVariable.GLOBAL_RADIATION.ordinal()] ? wrap(time[i] - 0.5 * interval) : time[i];
    }

    boolean intervalMean(int var) {
        return intervalMean[var];
    }

    double firstTime() {
        return time[0];
    }

    double lastTime() {
        return time[time.length - 1];
    }
}
