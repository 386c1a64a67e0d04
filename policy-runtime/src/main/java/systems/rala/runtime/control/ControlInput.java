package systems.rala.runtime.control;

import java.util.List;

/**
 * What a controller sees at one decision: the values of its {@link Controller#readings()} (same order) and
 * the site's local clock. Reused from tick to tick: filling it allocates nothing.
 */
public final class ControlInput {

    private final double[] values;
    private double secondOfDay;
    private int dayOfYear;

    /** An input for a controller with {@code readings} readings. */
    public ControlInput(List<Point> readings) {
        this.values = new double[readings.size()];
    }

    /** The reading values, in the controller's order; write them before {@link Controller#decide}. */
    public double[] values() {
        return values;
    }

    /** Sets the local standard time: seconds since local midnight [s] and day of year (1–366). */
    public void setClock(double secondOfDay, int dayOfYear) {
        if (!(secondOfDay >= 0 && secondOfDay < 86_400.0)) {
            throw new IllegalArgumentException("secondOfDay " + secondOfDay + " outside [0, 86400)");
        }
        if (dayOfYear < 1 || dayOfYear > 366) {
            throw new IllegalArgumentException("dayOfYear " + dayOfYear + " outside [1, 366]");
        }
        this.secondOfDay = secondOfDay;
        this.dayOfYear = dayOfYear;
    }

    /** Seconds since local (standard-time) midnight. */
    public double secondOfDay() {
        return secondOfDay;
    }

    /** Local hour of the day, 0 to 24 (fractional). */
    public double hourOfDay() {
        return secondOfDay / 3600.0;
    }

    /** Day of the year, 1–366. */
    public int dayOfYear() {
        return dayOfYear;
    }
}
