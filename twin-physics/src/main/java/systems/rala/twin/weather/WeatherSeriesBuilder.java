package systems.rala.twin.weather;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import systems.rala.twin.physics.Psychrometrics;

/**
 * Assembles a {@link WeatherSeries} from columns, deriving what the data lacks: vapour pressure from
 * relative humidity (or the reverse), outdoor CO2 (default {@value #DEFAULT_CO2_PPM} ppm), soil temperature
 * (given monthly values, else the Kusuda–Achenbach model fitted to the air temperature, else the mean air
 * temperature) and the daily radiation sums. Required: site, source, origin, times, global radiation, air
 * temperature, relative humidity or vapour pressure, wind speed and sky temperature. {@link #build()}
 * checks everything and names the first problem.
 */
public final class WeatherSeriesBuilder {

    /** Outdoor CO2 assumed when the data has none, ppm. */
    public static final double DEFAULT_CO2_PPM = 400.0;

    private Site site;
    private String source;
    private boolean typicalYear;
    private LocalDateTime origin;
    private double[] time;
    private final Map<WeatherVariable, double[]> columns = new EnumMap<>(WeatherVariable.class);
    private final boolean[] intervalMean = new boolean[WeatherVariable.COUNT];
    private double[] soilMonthly;
    private double co2Ppm = DEFAULT_CO2_PPM;
    private final List<String> notes = new ArrayList<>();

    /** Required: the site. */
    public WeatherSeriesBuilder setSite(Site site) {
        this.site = site;
        return this;
    }

    /** Required: where the data comes from (a path, or a generator and its seed). */
    public WeatherSeriesBuilder setSource(String source) {
        this.source = source;
        return this;
    }

    /**
     * Required: the local standard time of stamp 0 and whether the data is a cyclic typical year. A typical
     * year's origin is 1 January 00:00.
     */
    public WeatherSeriesBuilder setOrigin(LocalDateTime origin, boolean typicalYear) {
        this.origin = origin;
        this.typicalYear = typicalYear;
        return this;
    }

    /** Required: stamps in s since the origin, strictly increasing. */
    public WeatherSeriesBuilder setTime(double[] secondsSinceOrigin) {
        this.time = secondsSinceOrigin;
        return this;
    }

    /** A column of {@code v} in its unit; {@code intervalMean} when each value is the mean over the interval ending at its stamp. */
    public WeatherSeriesBuilder setColumn(WeatherVariable v, double[] values, boolean intervalMean) {
        if (v == WeatherVariable.DAILY_RADIATION_SUM) {
            throw new IllegalArgumentException("daily_radiation_sum is derived from global_radiation, not set");
        }
        columns.put(v, values);
        this.intervalMean[v.ordinal()] = intervalMean;
        return this;
    }

    /** Optional: outdoor CO2 [ppm] when the data has no column; default {@value #DEFAULT_CO2_PPM}. */
    public WeatherSeriesBuilder optCo2(double ppm) {
        this.co2Ppm = ppm;
        return this;
    }

    /** Optional: monthly soil temperatures [°C] (January first), placed at mid-month and interpolated. */
    public WeatherSeriesBuilder optSoilMonthly(double[] monthlyC) {
        this.soilMonthly = monthlyC.clone();
        return this;
    }

    /** Optional: a note carried with the series. */
    public WeatherSeriesBuilder optNote(String note) {
        notes.add(note);
        return this;
    }

    /** Checks and assembles the series. */
    public WeatherSeries build() {
        require(site != null, "site is missing");
        require(source != null && !source.isBlank(), "source is missing");
        require(origin != null, "origin is missing");
        require(time != null && time.length >= 2, "time needs at least 2 stamps");
        int n = time.length;
        for (int i = 1; i < n; i++) {
            require(
                    time[i] > time[i - 1],
                    "stamp " + i + " (" + time[i] + " s) is not after stamp " + (i - 1) + " (" + time[i - 1] + " s)");
        }
        for (WeatherVariable v : List.of(
                WeatherVariable.GLOBAL_RADIATION,
                WeatherVariable.AIR_TEMPERATURE,
                WeatherVariable.WIND_SPEED,
                WeatherVariable.SKY_TEMPERATURE)) {
            require(columns.containsKey(v), v.key() + " is missing");
        }
        require(
                columns.containsKey(WeatherVariable.RELATIVE_HUMIDITY)
                        || columns.containsKey(WeatherVariable.VAPOUR_PRESSURE),
                "relative_humidity or vapour_pressure is missing");
        for (Map.Entry<WeatherVariable, double[]> e : columns.entrySet()) {
            require(
                    e.getValue().length == n,
                    e.getKey().key() + " has " + e.getValue().length + " values for " + n + " stamps");
        }
        if (typicalYear) {
            require(
                    origin.getMonthValue() == 1
                            && origin.getDayOfMonth() == 1
                            && origin.toLocalTime().toSecondOfDay() == 0,
                    "a typical year's origin must be 1 January 00:00, got " + origin);
            double days = time[n - 1] / WeatherSeries.DAY;
            require(
                    Math.abs(days - 365) < 1e-6 || Math.abs(days - 366) < 1e-6,
                    "a typical year must end after 365 or 366 days; this one ends after " + days + " days");
            require(
                    time[0] >= 0 && time[0] <= 86_400.0,
                    "a typical year must start on 1 January, first stamp at " + time[0] + " s");
        }

        double[][] values = new double[WeatherVariable.COUNT][];
        for (Map.Entry<WeatherVariable, double[]> e : columns.entrySet()) {
            values[e.getKey().ordinal()] = e.getValue().clone();
        }
        double[] temp = values[WeatherVariable.AIR_TEMPERATURE.ordinal()];
        deriveHumidity(values, temp, n);
        if (values[WeatherVariable.CO2.ordinal()] == null) {
            double[] co2 = new double[n];
            Arrays.fill(co2, co2Ppm);
            values[WeatherVariable.CO2.ordinal()] = co2;
            notes.add("outdoor CO2 not in the data: " + co2Ppm + " ppm assumed");
        }
        if (values[WeatherVariable.SOIL_TEMPERATURE.ordinal()] == null) {
            values[WeatherVariable.SOIL_TEMPERATURE.ordinal()] = deriveSoil(temp, n);
        }
        values[WeatherVariable.DAILY_RADIATION_SUM.ordinal()] = new double[0];

        double interval = medianInterval();
        double[] rad = values[WeatherVariable.GLOBAL_RADIATION.ordinal()];
        boolean radMean = intervalMean[WeatherVariable.GLOBAL_RADIATION.ordinal()];
        int firstDay;
        int days;
        // the span the radiation data stands for: an interval mean reaches back one interval before its stamp
        double spanStart = radMean ? time[0] - interval : time[0];
        double spanEnd = time[n - 1];
        if (typicalYear) {
            firstDay = 0;
            days = (int) Math.round(time[n - 1] / WeatherSeries.DAY);
        } else {
            firstDay = (int) Math.floor((spanStart + 1e-6) / WeatherSeries.DAY);
            days = (int) Math.floor((spanEnd - 1e-6) / WeatherSeries.DAY) - firstDay + 1;
        }
        boolean[] complete = new boolean[days];
        for (int d = 0; d < days; d++) {
            double dayStart = (firstDay + d) * WeatherSeries.DAY;
            // complete when the data reaches both ends of the day to within one interval
            complete[d] = typicalYear
                    || (spanStart <= dayStart + interval + 1e-6
                            && spanEnd >= dayStart + WeatherSeries.DAY - interval - 1e-6);
        }
        double[] dailyJ = new double[days];
        for (int i = 0; i < n; i++) {
            double energy;
            double mid;
            if (radMean) {
                double dt = i == 0 ? interval : time[i] - time[i - 1];
                energy = rad[i] * dt;
                mid = time[i] - 0.5 * dt;
            } else {
                if (i == 0) {
                    continue;
                }
                double dt = time[i] - time[i - 1];
                energy = 0.5 * (rad[i] + rad[i - 1]) * dt;
                mid = time[i] - 0.5 * dt;
            }
            int d = (int) Math.floor(mid / WeatherSeries.DAY) - firstDay;
            if (typicalYear) {
                d = Math.floorMod(d, days);
            }
            if (d >= 0 && d < days) {
                dailyJ[d] += energy;
            }
        }
        for (int d = 0; d < days; d++) {
            dailyJ[d] /= 1e6; // J/m² -> MJ/m²
        }
        return new WeatherSeries(
                site,
                source,
                typicalYear,
                origin,
                time.clone(),
                values,
                intervalMean.clone(),
                interval,
                dailyJ,
                complete,
                firstDay,
                notes);
    }

    private void deriveHumidity(double[][] values, double[] temp, int n) {
        int rhIdx = WeatherVariable.RELATIVE_HUMIDITY.ordinal();
        int vpIdx = WeatherVariable.VAPOUR_PRESSURE.ordinal();
        if (values[vpIdx] == null) {
            double[] vp = new double[n];
            for (int i = 0; i < n; i++) {
                vp[i] = Psychrometrics.vapourPressure(temp[i], values[rhIdx][i]);
            }
            values[vpIdx] = vp;
        }
        if (values[rhIdx] == null) {
            double[] rh = new double[n];
            for (int i = 0; i < n; i++) {
                rh[i] = Math.min(100.0, Psychrometrics.relativeHumidity(temp[i], values[vpIdx][i]));
            }
            values[rhIdx] = rh;
        }
    }

    private double[] deriveSoil(double[] temp, int n) {
        double[] soil = new double[n];
        if (soilMonthly != null) {
            require(soilMonthly.length == 12, "soil monthly temperatures need 12 values, got " + soilMonthly.length);
            for (int i = 0; i < n; i++) {
                soil[i] = MonthlyCycle.at(soilMonthly, localDate(i), localFractionOfDay(i));
            }
            notes.add("soil temperature interpolated from the monthly ground temperatures in the file");
            return soil;
        }
        double[][] daily = dailyMeans(temp);
        if (daily[0].length >= 360) {
            double[] fit = SoilTemperature.fitAnnualCycle(daily[0], daily[1]);
            for (int i = 0; i < n; i++) {
                double doy = localDate(i).getDayOfYear() + localFractionOfDay(i);
                soil[i] = SoilTemperature.kusuda(
                        fit[0],
                        fit[1],
                        fit[2],
                        SoilTemperature.DEFAULT_DEPTH,
                        SoilTemperature.DEFAULT_DIFFUSIVITY,
                        doy);
            }
            notes.add(String.format(
                    "soil temperature at %.1f m by Kusuda & Achenbach (1965) from the air temperature's"
                            + " annual cycle (mean %.2f C, amplitude %.2f K, coldest day %.0f)",
                    SoilTemperature.DEFAULT_DEPTH, fit[0], fit[1], fit[2]));
        } else {
            double mean = Arrays.stream(temp).average().orElseThrow();
            Arrays.fill(soil, mean);
            notes.add(String.format(
                    "soil temperature not in the data and the series is shorter than a year:"
                            + " the mean air temperature, %.2f C, is used",
                    mean));
        }
        return soil;
    }

    /** Daily means of a column by local day: {day of year, mean}. */
    private double[][] dailyMeans(double[] col) {
        List<double[]> out = new ArrayList<>();
        LocalDate current = null;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < time.length; i++) {
            LocalDate d = origin.plusSeconds((long) Math.floor(time[i] - 1e-9)).toLocalDate();
            if (!d.equals(current)) {
                if (current != null && count > 0) {
                    out.add(new double[] {current.getDayOfYear(), sum / count});
                }
                current = d;
                sum = 0;
                count = 0;
            }
            sum += col[i];
            count++;
        }
        if (current != null && count > 0) {
            out.add(new double[] {current.getDayOfYear(), sum / count});
        }
        double[][] res = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) {
            res[0][i] = out.get(i)[0];
            res[1][i] = out.get(i)[1];
        }
        return res;
    }

    private LocalDate localDate(int i) {
        return origin.plusSeconds((long) Math.floor(time[i])).toLocalDate();
    }

    private double localFractionOfDay(int i) {
        return origin.plusSeconds((long) Math.floor(time[i])).toLocalTime().toSecondOfDay() / WeatherSeries.DAY;
    }

    private double medianInterval() {
        double[] d = new double[time.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = time[i + 1] - time[i];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("weather series: " + message);
        }
    }
}
