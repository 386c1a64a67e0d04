package systems.rala.twin.weather.generator;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.weather.MonthlyCycle;
import systems.rala.twin.weather.SolarGeometry;
import systems.rala.twin.weather.WeatherSampler;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherSeriesBuilder;
import systems.rala.twin.weather.WeatherVariable;

/**
 * A seeded stochastic weather generator: unlimited, plausible hourly weather for a site, fitted from any
 * year of its weather.
 *
 * <p><b>Daily level.</b> Four daily variables — mean temperature, clearness index K_t, humidity ratio and
 * mean wind — are standardised by their seasonal mean and standard deviation (monthly values interpolated
 * between mid-months) and follow the multivariate first-order autoregressive model of Richardson (1981),
 * "Stochastic simulation of daily precipitation, temperature, and solar radiation", Water Resources
 * Research 17(1):182–190 (after Matalas 1967): z_t = A z_{t−1} + B ε_t, A = M1 M0⁻¹, B Bᵀ = M0 − A M1ᵀ,
 * with M0 and M1 the lag-0 and lag-1 covariance matrices of the anomalies. This carries day-to-day
 * persistence and the cross-correlations (sunny winter days are cold, sunny summer days warm).
 *
 * <p><b>Hourly level.</b> Daily values are interpolated between day centres, so nothing jumps at midnight.
 * Temperature adds the month's mean diurnal profile, scaled by the day's clearness anomaly; radiation is the
 * day's K_t times the hourly extraterrestrial radiation ({@link SolarGeometry}), with log-normal hourly
 * fluctuations (AR(1) within the day) that keep the daily total; relative humidity follows from the daily
 * vapour pressure and the hourly temperature; the sky temperature from the air temperature minus a sky
 * depression regressed on K_t.
 *
 * <p><b>Climate normals.</b> Each generated calendar year is adjusted so that its monthly means of
 * temperature, daily radiation sum, daily humidity ratio and daily wind equal the source's: a generated
 * year is a typical year whose day-to-day weather differs with the seed, like a TMY whose months were drawn
 * afresh. (Year-to-year variation of the monthly means is not modelled: one typical year cannot tell it.)
 */
public final class WeatherGenerator {

    private static final int SPIN_UP_DAYS = 60;
    private static final double KT_MIN = 0.02;
    private static final double KT_MAX = 0.85;
    private static final double HUMIDITY_MIN = 30.0;
    private static final double WIND_MIN = 0.1;
    private static final double DAY = 86_400.0;
    private static final int NORMAL_ITERATIONS = 4;

    private final GeneratorParams p;
    private final RealMatrix a;
    private final RealMatrix b;

    /** A generator drawing from {@code params}. */
    public WeatherGenerator(GeneratorParams params) {
        this.p = params;
        this.a = MatrixUtils.createRealMatrix(reshape(params.ar()));
        this.b = MatrixUtils.createRealMatrix(reshape(params.noise()));
    }

    /** The parameters drawn from. */
    public GeneratorParams params() {
        return p;
    }

    /** Hourly weather for calendar year {@code year}, from 1 January 00:00 to 1 January 00:00 of the next. */
    public WeatherSeries generate(long seed, int year) {
        return generate(seed, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /**
     * Hourly weather from {@code from} 00:00 to {@code to} 00:00 (local standard time), a measured-kind
     * (dated, non-cyclic) series. The same seed and period give the same series on every machine.
     */
    public WeatherSeries generate(long seed, LocalDate from, LocalDate to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("weather generation period is empty: from " + from + " to " + to);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        LocalDate firstDay = LocalDate.of(from.getYear(), 1, 1);
        LocalDate endDay = LocalDate.of(to.minusDays(1).getYear() + 1, 1, 1);
        int days = (int) ChronoUnit.DAYS.between(firstDay, endDay);

        // daily anomalies; index 0 is the day before firstDay, index days+1 the day after the last
        double[][] z = new double[days + 2][];
        double[] state = new double[GeneratorParams.VARS];
        for (int d = 0; d < SPIN_UP_DAYS; d++) {
            state = step(state, rng);
        }
        for (int d = 0; d < days + 2; d++) {
            state = step(state, rng);
            z[d] = state;
        }
        // daily values: [var][day], day index as z
        double[][] x = new double[GeneratorParams.VARS][days + 2];
        LocalDate[] dates = new LocalDate[days + 2];
        for (int d = 0; d < days + 2; d++) {
            dates[d] = firstDay.plusDays(d - 1L);
            for (int v = 0; v < GeneratorParams.VARS; v++) {
                x[v][d] = MonthlyCycle.at(p.mean()[v], dates[d], 0.5)
                        + MonthlyCycle.at(p.sd()[v], dates[d], 0.5) * z[d][v];
            }
            clampDaily(x, d);
        }
        double[][] hourlyKtNoise = hourlyNoise(rng, days + 2);

        Hourly h = null;
        int monthsTotal = 12 * (endDay.getYear() - firstDay.getYear());
        // per generated month: additive shifts of temperature, humidity ratio and wind; radiation scale
        double[][] shift = new double[GeneratorParams.VARS][monthsTotal];
        double[] radScale = new double[monthsTotal];
        java.util.Arrays.fill(radScale, 1.0);
        double[][] adjusted = new double[GeneratorParams.VARS][];
        for (int it = 0; it <= NORMAL_ITERATIONS; it++) {
            for (int v = 0; v < GeneratorParams.VARS; v++) {
                adjusted[v] = x[v].clone();
            }
            for (int d = 0; d < days + 2; d++) {
                int mi = monthIndex(dates[d], firstDay);
                if (mi >= 0 && mi < monthsTotal) {
                    adjusted[0][d] += smoothShift(shift[0], dates[d], firstDay);
                    adjusted[1][d] *= radScale[mi];
                    adjusted[2][d] += smoothShift(shift[2], dates[d], firstDay);
                    adjusted[3][d] += smoothShift(shift[3], dates[d], firstDay);
                    clampDaily(adjusted, d);
                }
            }
            h = hourly(adjusted, dates, hourlyKtNoise, days);
            if (it == NORMAL_ITERATIONS) {
                break;
            }
            double[][] sum = new double[GeneratorParams.VARS][monthsTotal];
            int[] hours = new int[monthsTotal];
            int[] dayCount = new int[monthsTotal];
            for (int k = 0; k < h.time.length; k++) {
                LocalDateTime t = firstDay.atStartOfDay().plusSeconds((long) h.time[k]);
                int mi = monthIndex(t.minusMinutes(30).toLocalDate(), firstDay);
                if (mi >= 0 && mi < monthsTotal) {
                    sum[0][mi] += h.temp[k];
                    hours[mi]++;
                }
            }
            for (int d = 1; d <= days; d++) {
                int mi = monthIndex(dates[d], firstDay);
                sum[1][mi] += h.dailyRadiationMj[d];
                sum[2][mi] += adjusted[2][d];
                sum[3][mi] += adjusted[3][d];
                dayCount[mi]++;
            }
            for (int mi = 0; mi < monthsTotal; mi++) {
                int month = mi % 12;
                shift[0][mi] += p.mean()[0][month] - sum[0][mi] / hours[mi];
                shift[2][mi] += p.mean()[2][month] - sum[2][mi] / dayCount[mi];
                shift[3][mi] += p.mean()[3][month] - sum[3][mi] / dayCount[mi];
                double realised = sum[1][mi] / dayCount[mi];
                if (realised > 1e-6) {
                    radScale[mi] *= p.targetRadiation()[month] / realised;
                }
            }
        }

        // cut [from, to] out of the whole years
        double offset = ChronoUnit.SECONDS.between(firstDay.atStartOfDay(), from.atStartOfDay());
        double end = ChronoUnit.SECONDS.between(firstDay.atStartOfDay(), to.atStartOfDay());
        int k0 = (int) Math.round(offset / 3600.0);
        int k1 = (int) Math.round(end / 3600.0);
        int n = k1 - k0 + 1;
        double[] time = new double[n];
        LocalDateTime origin = LocalDateTime.of(from.getYear(), 1, 1, 0, 0);
        double originShift = ChronoUnit.SECONDS.between(firstDay.atStartOfDay(), origin);
        for (int k = 0; k < n; k++) {
            time[k] = h.time[k0 + k] - originShift;
        }
        return new WeatherSeriesBuilder()
                .setSite(p.site())
                .setSource("generated (seed " + seed + ", " + from + " to " + to + ") from " + p.source())
                .setOrigin(origin, false)
                .setTime(time)
                .setColumn(WeatherVariable.GLOBAL_RADIATION, slice(h.radiation, k0, n), true)
                .setColumn(WeatherVariable.AIR_TEMPERATURE, slice(h.temp, k0, n), false)
                .setColumn(WeatherVariable.VAPOUR_PRESSURE, slice(h.vp, k0, n), false)
                .setColumn(WeatherVariable.WIND_SPEED, slice(h.wind, k0, n), false)
                .setColumn(WeatherVariable.SKY_TEMPERATURE, slice(h.sky, k0, n), true)
                .setColumn(WeatherVariable.CO2, filled(n, p.co2Ppm()), false)
                .optSoilMonthly(p.soilMonthly())
                .optNote("generated by the RALA weather generator, seed " + seed)
                .build();
    }

    // ---------------------------------------------------------------------------------------------

    private double[] step(double[] prev, SplittableRandom rng) {
        double[] eps = new double[GeneratorParams.VARS];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = rng.nextGaussian();
        }
        double[] next = a.operate(prev);
        double[] noise = b.operate(eps);
        for (int i = 0; i < next.length; i++) {
            next[i] += noise[i];
        }
        return next;
    }

    private static void clampDaily(double[][] x, int d) {
        x[1][d] = Math.max(KT_MIN, Math.min(KT_MAX, x[1][d]));
        x[2][d] = Math.max(HUMIDITY_MIN, Math.min(100.0, x[2][d]));
        x[3][d] = Math.max(WIND_MIN, x[3][d]);
    }

    /** Per-day hourly AR(1) noise for the clearness index, [day][hour]. */
    private double[][] hourlyNoise(SplittableRandom rng, int days) {
        double rho = p.ktHourlyRho();
        double innov = Math.sqrt(Math.max(0.0, 1.0 - rho * rho));
        double[][] out = new double[days][24];
        for (int d = 0; d < days; d++) {
            double e = rng.nextGaussian();
            for (int hr = 0; hr < 24; hr++) {
                out[d][hr] = e;
                e = rho * e + innov * rng.nextGaussian();
            }
        }
        return out;
    }

    private static final class Hourly {
        double[] time;
        double[] temp;
        double[] vp;
        double[] wind;
        double[] sky;
        double[] radiation;
        double[] dailyRadiationMj;
    }

    /** Hourly values at stamps k·3600 s from the first day's midnight, k = 0 .. 24·days. */
    private Hourly hourly(double[][] x, LocalDate[] dates, double[][] ktNoise, int days) {
        int n = 24 * days + 1;
        Hourly h = new Hourly();
        h.time = new double[n];
        h.temp = new double[n];
        h.vp = new double[n];
        h.wind = new double[n];
        h.sky = new double[n];
        h.radiation = new double[n];
        h.dailyRadiationMj = new double[days + 2];

        // hourly mean radiation of each day (index as x), W/m², for the hour starting at hr
        double[][] rad = new double[days + 2][24];
        for (int d = 0; d < days + 2; d++) {
            LocalDate date = dates[d];
            int month = date.getMonthValue() - 1;
            double doy = date.getDayOfYear();
            double sd = p.ktHourlySd()[month];
            double kt = x[1][d];
            double sumI0 = 0;
            double sumI = 0;
            double[] i0 = new double[24];
            for (int hr = 0; hr < 24; hr++) {
                i0[hr] = SolarGeometry.extraterrestrialHorizontal(p.site(), doy, hr, hr + 1);
                double f = Math.exp(sd * ktNoise[d][hr] - 0.5 * sd * sd);
                rad[d][hr] = f * kt * i0[hr];
                sumI0 += i0[hr];
                sumI += rad[d][hr];
            }
            // scale to the day's total with no hour above K_T,max of its extraterrestrial radiation; the capped
            // excess goes to the other hours (a few rounds suffice since the daily K_t is below the cap)
            double target = kt * sumI0;
            for (int round = 0; round < 5 && sumI > 0; round++) {
                double scale = target / sumI;
                sumI = 0;
                for (int hr = 0; hr < 24; hr++) {
                    rad[d][hr] = Math.min(rad[d][hr] * scale, KT_MAX * i0[hr]);
                    sumI += rad[d][hr];
                }
            }
            for (int hr = 0; hr < 24; hr++) {
                rad[d][hr] /= 3600.0;
            }
            h.dailyRadiationMj[d] = sumI / 1e6;
        }

        for (int k = 0; k < n; k++) {
            double t = k * 3600.0;
            h.time[k] = t;
            int day = k / 24 + 1; // index into x of the day this stamp's hour-of-day belongs to
            int hour = k % 24;
            // position relative to day centres: centre of x-day d is at (d - 1 + 0.5) days
            double u = t / DAY + 0.5; // x-index coordinate of this instant
            int lo = (int) Math.floor(u);
            double w = u - lo;
            LocalDate date = dates[Math.min(day, days + 1)];
            int month = date.getMonthValue() - 1;

            double tMean = lerp(x[0], lo, w);
            double kt = lerp(x[1], lo, w);
            double humidity = lerp(x[2], lo, w);
            double windMean = lerp(x[3], lo, w);
            double ktMean = MonthlyCycle.at(p.mean()[1], date, 0.5);
            double scale = Math.max(0.3, Math.min(2.5, 1.0 + p.rangeGamma()[month] * (kt - ktMean)));
            // profile values are for hour midpoints; the stamp at hour H lies between H-1 and H
            double prof = 0.5 * (p.tempProfile()[month][(hour + 23) % 24] + p.tempProfile()[month][hour]);
            double temp = tMean + prof * scale;
            double vpMean = humidity / 100.0 * Psychrometrics.saturationVapourPressure(tMean);
            double vp = Math.min(vpMean, Psychrometrics.saturationVapourPressure(temp));
            double wprof = 0.5 * (p.windProfile()[month][(hour + 23) % 24] + p.windProfile()[month][hour]);
            double wind = Math.max(0.0, windMean * (1.0 + wprof));
            double depression = p.skyAlpha()[month] + p.skyBeta()[month] * kt;

            h.temp[k] = temp;
            h.vp[k] = vp;
            h.wind[k] = wind;
            h.sky[k] = temp - depression;
            // radiation at stamp k is the mean over the hour before it
            if (k == 0) {
                h.radiation[k] = rad[0][23];
            } else {
                int prevDay = (k - 1) / 24 + 1;
                h.radiation[k] = rad[prevDay][(k - 1) % 24];
            }
        }
        return h;
    }

    private static double lerp(double[] a, int lo, double w) {
        int hi = Math.min(lo + 1, a.length - 1);
        lo = Math.max(0, Math.min(lo, a.length - 1));
        return a[lo] + w * (a[hi] - a[lo]);
    }

    private static int monthIndex(LocalDate date, LocalDate firstDay) {
        return (date.getYear() - firstDay.getYear()) * 12 + date.getMonthValue() - 1;
    }

    /** The per-month shifts of the generated years, interpolated between mid-months. */
    private static double smoothShift(double[] shifts, LocalDate date, LocalDate firstDay) {
        int year = date.getYear() - firstDay.getYear();
        double[] monthly = new double[12];
        System.arraycopy(shifts, year * 12, monthly, 0, 12);
        return MonthlyCycle.at(monthly, date, 0.5);
    }

    private static double[] slice(double[] a, int from, int n) {
        double[] out = new double[n];
        System.arraycopy(a, from, out, 0, n);
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static double[][] reshape(double[] flat) {
        int n = (int) Math.round(Math.sqrt(flat.length));
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * n, m[i], 0, n);
        }
        return m;
    }

    // ---------------------------------------------------------------------------------------------
    // fitting

    /**
     * Fits the generator's parameters to {@code series} (at least 360 full days of data for the seasonal
     * statistics to be meaningful).
     */
    public static GeneratorParams fit(WeatherSeries series) {
        List<DayStats> days = dailyStats(series);
        if (days.size() < 360) {
            throw new IllegalArgumentException(
                    "weather generator fit needs at least 360 full days; " + series.source() + " has " + days.size());
        }
        int vars = GeneratorParams.VARS;
        double[][] mean = new double[vars][12];
        double[][] sd = new double[vars][12];
        int[] count = new int[12];
        for (DayStats d : days) {
            int m = d.date.getMonthValue() - 1;
            count[m]++;
            for (int v = 0; v < vars; v++) {
                mean[v][m] += d.x[v];
            }
        }
        for (int v = 0; v < vars; v++) {
            for (int m = 0; m < 12; m++) {
                mean[v][m] /= count[m];
            }
        }
        for (DayStats d : days) {
            int m = d.date.getMonthValue() - 1;
            for (int v = 0; v < vars; v++) {
                double e = d.x[v] - mean[v][m];
                sd[v][m] += e * e;
            }
        }
        for (int v = 0; v < vars; v++) {
            for (int m = 0; m < 12; m++) {
                sd[v][m] = Math.sqrt(sd[v][m] / Math.max(1, count[m] - 1));
            }
        }

        // standardised anomalies with the interpolated seasonal cycle, and their lag-0/lag-1 moments
        double[][] m0 = new double[vars][vars];
        double[][] m1 = new double[vars][vars];
        int pairs = 0;
        double[] prevZ = null;
        LocalDate prevDate = null;
        for (DayStats d : days) {
            double[] zz = new double[vars];
            for (int v = 0; v < vars; v++) {
                zz[v] = (d.x[v] - MonthlyCycle.at(mean[v], d.date, 0.5)) / MonthlyCycle.at(sd[v], d.date, 0.5);
            }
            for (int i = 0; i < vars; i++) {
                for (int j = 0; j < vars; j++) {
                    m0[i][j] += zz[i] * zz[j];
                }
            }
            if (prevZ != null && prevDate.plusDays(1).equals(d.date)) {
                for (int i = 0; i < vars; i++) {
                    for (int j = 0; j < vars; j++) {
                        m1[i][j] += zz[i] * prevZ[j];
                    }
                }
                pairs++;
            }
            prevZ = zz;
            prevDate = d.date;
        }
        RealMatrix mm0 = MatrixUtils.createRealMatrix(m0).scalarMultiply(1.0 / days.size());
        RealMatrix mm1 = MatrixUtils.createRealMatrix(m1).scalarMultiply(1.0 / pairs);
        RealMatrix arA = mm1.multiply(new LUDecomposition(mm0).getSolver().getInverse());
        RealMatrix c = mm0.subtract(arA.multiply(mm1.transpose()));
        c = c.add(c.transpose()).scalarMultiply(0.5);
        for (int i = 0; i < vars; i++) {
            c.addToEntry(i, i, 1e-9);
        }
        RealMatrix arB = new CholeskyDecomposition(c, 1e-12, 1e-14).getL();

        // diurnal profiles, range sensitivity, sky depression, hourly clearness fluctuation
        double[][] tProf = new double[12][24];
        double[][] wProf = new double[12][24];
        double[] meanRange = new double[12];
        double[] meanWind = new double[12];
        for (DayStats d : days) {
            int m = d.date.getMonthValue() - 1;
            meanRange[m] += d.range / count[m];
            meanWind[m] += d.x[3] / count[m];
            for (int hr = 0; hr < 24; hr++) {
                tProf[m][hr] += (d.temp[hr] - d.x[0]) / count[m];
                wProf[m][hr] += (d.wind[hr] - d.x[3]) / count[m];
            }
        }
        for (int m = 0; m < 12; m++) {
            for (int hr = 0; hr < 24; hr++) {
                wProf[m][hr] /= Math.max(meanWind[m], 0.1);
            }
        }
        double[] gamma = new double[12];
        double[] skyAlpha = new double[12];
        double[] skyBeta = new double[12];
        double[] ktSd = new double[12];
        for (int m = 0; m < 12; m++) {
            double sxx = 0;
            double sxy = 0;
            double sxd = 0;
            double sd0 = 0;
            int nm = 0;
            for (DayStats d : days) {
                if (d.date.getMonthValue() - 1 != m) {
                    continue;
                }
                double dk = d.x[1] - mean[1][m];
                sxx += dk * dk;
                sxy += dk * (d.range / meanRange[m] - 1.0);
                sxd += dk * d.skyDepression;
                sd0 += d.skyDepression;
                nm++;
            }
            gamma[m] = sxx > 0 ? sxy / sxx : 0.0;
            double dMean = sd0 / nm;
            skyBeta[m] = sxx > 0 ? sxd / sxx : 0.0; // Σ dk·(D − D̄) = Σ dk·D since Σ dk = 0
            skyAlpha[m] = dMean - skyBeta[m] * mean[1][m];
            double ss = 0;
            int nk = 0;
            for (DayStats d : days) {
                if (d.date.getMonthValue() - 1 != m) {
                    continue;
                }
                for (double r : d.ktLogRatio) {
                    if (!Double.isNaN(r)) {
                        ss += r * r;
                        nk++;
                    }
                }
            }
            ktSd[m] = nk > 1 ? Math.sqrt(ss / nk) : 0.0;
        }
        double num = 0;
        double den = 0;
        for (DayStats d : days) {
            for (int hr = 1; hr < 24; hr++) {
                double r0 = d.ktLogRatio[hr - 1];
                double r1 = d.ktLogRatio[hr];
                if (!Double.isNaN(r0) && !Double.isNaN(r1)) {
                    num += r0 * r1;
                    den += r0 * r0;
                }
            }
        }
        double rho = den > 0 ? Math.max(0.0, Math.min(0.99, num / den)) : 0.0;

        double[] soil = new double[12];
        double[] targetRad = new double[12];
        for (DayStats d : days) {
            int m = d.date.getMonthValue() - 1;
            soil[m] += d.soil / count[m];
            targetRad[m] += d.radiationMj / count[m];
        }
        double co2 = 0;
        for (DayStats d : days) {
            co2 += d.co2 / days.size();
        }
        return new GeneratorParams(
                series.site(),
                series.source(),
                mean,
                sd,
                flatten(arA),
                flatten(arB),
                tProf,
                gamma,
                wProf,
                skyAlpha,
                skyBeta,
                ktSd,
                rho,
                co2,
                soil,
                targetRad);
    }

    private static double[] flatten(RealMatrix m) {
        int n = m.getRowDimension();
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = m.getEntry(i, j);
            }
        }
        return out;
    }

    /** Statistics of one full day of a source series. */
    private static final class DayStats {
        LocalDate date;
        double[] x = new double[GeneratorParams.VARS];
        double[] temp = new double[24];
        double[] wind = new double[24];
        double[] ktLogRatio = new double[24];
        double range;
        double skyDepression;
        double radiationMj;
        double soil;
        double co2;
    }

    /** Samples each full local day of {@code series} at the 24 hour midpoints. */
    private static List<DayStats> dailyStats(WeatherSeries series) {
        List<DayStats> out = new ArrayList<>();
        double[] w = new double[WeatherVariable.COUNT];
        for (int d = 0; d < series.days(); d++) {
            LocalDate date = series.day(d);
            LocalDateTime start = date.atStartOfDay();
            if (!series.isCompleteDay(d) || (!series.isTypicalYear() && start.isBefore(series.coveredFrom()))) {
                continue;
            }
            WeatherSampler s = series.sampler(start);
            DayStats ds = new DayStats();
            ds.date = date;
            double tSum = 0;
            double vpSum = 0;
            double windSum = 0;
            double skySum = 0;
            double soilSum = 0;
            double co2Sum = 0;
            double tMin = Double.POSITIVE_INFINITY;
            double tMax = Double.NEGATIVE_INFINITY;
            double doy = date.getDayOfYear();
            double h0 = SolarGeometry.extraterrestrialDaily(series.site(), doy);
            ds.radiationMj = series.dailyRadiationSum(d);
            double kt = h0 > 0 ? ds.radiationMj * 1e6 / h0 : 0.0;
            for (int hr = 0; hr < 24; hr++) {
                s.sample((hr + 0.5) * 3600.0, w);
                double t = w[WeatherVariable.AIR_TEMPERATURE.ordinal()];
                ds.temp[hr] = t;
                ds.wind[hr] = w[WeatherVariable.WIND_SPEED.ordinal()];
                tSum += t;
                tMin = Math.min(tMin, t);
                tMax = Math.max(tMax, t);
                vpSum += w[WeatherVariable.VAPOUR_PRESSURE.ordinal()];
                windSum += ds.wind[hr];
                skySum += t - w[WeatherVariable.SKY_TEMPERATURE.ordinal()];
                soilSum += w[WeatherVariable.SOIL_TEMPERATURE.ordinal()];
                co2Sum += w[WeatherVariable.CO2.ordinal()];
                double i0 = SolarGeometry.extraterrestrialHorizontal(series.site(), doy, hr, hr + 1) / 3600.0;
                double rad = w[WeatherVariable.GLOBAL_RADIATION.ordinal()];
                ds.ktLogRatio[hr] = i0 > 100.0 && rad > 1.0 && kt > 0.01 ? Math.log(rad / i0 / kt) : Double.NaN;
            }
            ds.x[0] = tSum / 24.0;
            ds.x[1] = Math.max(KT_MIN, Math.min(KT_MAX, kt));
            ds.x[2] = Math.min(100.0, 100.0 * (vpSum / 24.0) / Psychrometrics.saturationVapourPressure(ds.x[0]));
            ds.x[3] = windSum / 24.0;
            ds.range = tMax - tMin;
            ds.skyDepression = skySum / 24.0;
            ds.soil = soilSum / 24.0;
            ds.co2 = co2Sum / 24.0;
            out.add(ds);
        }
        return out;
    }
}
