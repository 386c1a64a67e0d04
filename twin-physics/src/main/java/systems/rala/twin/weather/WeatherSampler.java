package systems.rala.twin.weather;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Reads a {@link WeatherSeries} at simulation times: time 0 is the start the sampler was made for. One
 * sampler per simulation (it remembers where it last looked, so sequential reads are O(1)); not thread-safe.
 * {@link #sample} allocates nothing.
 */
public final class WeatherSampler {

    private static final double EDGE_TOLERANCE = 1e-6; // s

    private final WeatherSeries series;
    private final double startPosition;
    private final double halfInterval;
    private int hint;
    private int hintShifted;

    WeatherSampler(WeatherSeries series, double startPosition) {
        this.series = series;
        this.startPosition = startPosition;
        this.halfInterval = 0.5 * series.intervalSeconds();
    }

    /** The series read. */
    public WeatherSeries series() {
        return series;
    }

    /** Local standard time of simulation time {@code t} [s]. */
    public LocalDateTime localTime(double t) {
        return series.origin().plus(Math.round((startPosition + t) * 1000.0), ChronoUnit.MILLIS);
    }

    /**
     * Fills {@code out} (length at least {@link WeatherVariable#COUNT}, indexed by ordinal) with the weather
     * at simulation time {@code t} [s].
     *
     * @throws IllegalArgumentException for a measured series, when {@code t} is outside the data
     */
    public void sample(double t, double[] out) {
        double pos = series.wrap(startPosition + t);
        if (!series.isTypicalYear()
                && (pos < series.firstTime() - EDGE_TOLERANCE || pos > series.lastTime() + EDGE_TOLERANCE)) {
            throw new IllegalArgumentException("weather " + series.source() + " has no data at " + localTime(t)
                    + "; it covers " + series.coverage());
        }
        int i = series.locate(pos, hint);
        hint = i;
        double shifted = series.wrap(pos + halfInterval);
        int j = series.locate(shifted, hintShifted);
        hintShifted = j;
        for (int v = 0; v < WeatherVariable.COUNT; v++) {
            if (v == WeatherVariable.DAILY_RADIATION_SUM.ordinal()) {
                out[v] = series.dailySumAt(pos);
            } else if (series.intervalMean(v)) {
                out[v] = series.interpolate(v, shifted, j);
            } else {
                out[v] = series.interpolate(v, pos, i);
            }
        }
    }

    /** One variable at simulation time {@code t} [s]; allocates a sample array, so not for hot loops. */
    public double value(WeatherVariable v, double t) {
        double[] out = new double[WeatherVariable.COUNT];
        sample(t, out);
        return out[v.ordinal()];
    }
}
