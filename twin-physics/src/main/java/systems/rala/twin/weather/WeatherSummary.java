package systems.rala.twin.weather;

import java.time.LocalDateTime;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly and annual statistics of a {@link WeatherSeries}: the numbers a grower or a modeller looks at
 * first, and the ones the weather generator is checked against.
 *
 * <p>Means of temperature, humidity and wind are over the stamps in each local calendar month (an
 * interval-mean stamp counts in the month of its interval's middle). The radiation figure per month is
 * the mean daily radiation sum over the month's fully covered days; the annual figure is the sum of the
 * daily sums of all fully covered days (a full year's total for a year of data).
 *
 * @param site the site
 * @param source the series' source
 * @param months one entry per calendar month, January first; months without data have {@code days = 0}
 *     and NaN means
 * @param annualMeanTempC mean air temperature over all stamps, °C
 * @param annualRadiationMjM2 sum of the daily radiation sums, MJ/m²
 * @param days number of fully covered days
 */
public record WeatherSummary(
        Site site,
        String source,
        List<MonthStats> months,
        double annualMeanTempC,
        double annualRadiationMjM2,
        int days) {

    /**
     * @param month 1–12
     * @param meanTempC mean air temperature, °C
     * @param meanRhPct mean relative humidity, %
     * @param radiationMjM2 mean daily radiation sum, MJ/m² per day
     * @param meanWindMs mean wind speed, m/s
     * @param days days with data in this month
     */
    public record MonthStats(
            int month, double meanTempC, double meanRhPct, double radiationMjM2, double meanWindMs, int days) {}

    /** Computes the summary of {@code series}. */
    public static WeatherSummary of(WeatherSeries series) {
        double[] sumT = new double[12];
        double[] sumRh = new double[12];
        double[] sumW = new double[12];
        int[] count = new int[12];
        double totalT = 0;
        boolean radMean = series.isIntervalMean(WeatherVariable.GLOBAL_RADIATION);
        double half = radMean ? 0.5 * series.intervalSeconds() : 0.0;
        for (int i = 0; i < series.size(); i++) {
            LocalDateTime t = series.origin().plusNanos(Math.round((series.time(i) - half) * 1e9));
            int m = t.getMonthValue() - 1;
            sumT[m] += series.value(WeatherVariable.AIR_TEMPERATURE, i);
            sumRh[m] += series.value(WeatherVariable.RELATIVE_HUMIDITY, i);
            sumW[m] += series.value(WeatherVariable.WIND_SPEED, i);
            count[m]++;
            totalT += series.value(WeatherVariable.AIR_TEMPERATURE, i);
        }
        double[] sumRad = new double[12];
        int[] days = new int[12];
        double totalRad = 0;
        for (int d = 0; d < series.days(); d++) {
            if (!series.isCompleteDay(d)) {
                continue;
            }
            int m = series.day(d).getMonthValue() - 1;
            sumRad[m] += series.dailyRadiationSum(d);
            days[m]++;
            totalRad += series.dailyRadiationSum(d);
        }
        List<MonthStats> months = new ArrayList<>(12);
        for (int m = 0; m < 12; m++) {
            boolean has = count[m] > 0;
            months.add(new MonthStats(
                    Month.of(m + 1).getValue(),
                    has ? sumT[m] / count[m] : Double.NaN,
                    has ? sumRh[m] / count[m] : Double.NaN,
                    days[m] > 0 ? sumRad[m] / days[m] : Double.NaN,
                    has ? sumW[m] / count[m] : Double.NaN,
                    days[m]));
        }
        int complete = 0;
        for (int d = 0; d < series.days(); d++) {
            complete += series.isCompleteDay(d) ? 1 : 0;
        }
        return new WeatherSummary(
                series.site(), series.source(), List.copyOf(months), totalT / series.size(), totalRad, complete);
    }
}
