package systems.rala.twin.weather;

import java.time.LocalDate;

/**
 * A quantity given per calendar month, read as a smooth annual cycle: each month's value sits at the middle
 * of the month and values in between are linear, wrapping from December to January.
 */
public final class MonthlyCycle {

    private MonthlyCycle() {}

    /**
     * The value on {@code date} at {@code fractionOfDay} (0 = midnight, 0.5 = noon) of the cycle given by
     * {@code monthly} (12 values, January first).
     */
    public static double at(double[] monthly, LocalDate date, double fractionOfDay) {
        double yearDays = date.lengthOfYear();
        double x = date.getDayOfYear() - 1 + fractionOfDay;
        int hi = 0;
        while (hi < 12 && midMonth(date.getYear(), hi) <= x) {
            hi++;
        }
        int lo = hi - 1;
        double xLo;
        double xHi;
        if (lo < 0) {
            lo = 11;
            xLo = midMonth(date.getYear(), 11) - yearDays;
            xHi = midMonth(date.getYear(), 0);
            hi = 0;
        } else if (hi > 11) {
            hi = 0;
            xLo = midMonth(date.getYear(), 11);
            xHi = midMonth(date.getYear(), 0) + yearDays;
        } else {
            xLo = midMonth(date.getYear(), lo);
            xHi = midMonth(date.getYear(), hi);
        }
        double w = (x - xLo) / (xHi - xLo);
        return monthly[lo] + w * (monthly[hi] - monthly[lo]);
    }

    /** Day of year (0-based, fractional) of the middle of month {@code m} (0 = January). */
    private static double midMonth(int year, int m) {
        LocalDate first = LocalDate.of(year, m + 1, 1);
        return first.getDayOfYear() - 1 + first.lengthOfMonth() / 2.0;
    }
}
