package systems.rala.env.lettuce;

import java.time.LocalDateTime;
import systems.rala.twin.lettuce.LettuceUnits;
import systems.rala.twin.weather.WeatherSampler;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The weather of one lettuce episode as the benchmark feeds it to the model: one sample per control step k,
 * taken at the step's start and held for the whole step, in the model's units — the benchmark's disturbance
 * vector v_k = [V_rad, V_c, V_T, V_h] (van Laatum et al., RL-SMPC {@code common/utils.py load_disturbances}).
 * Row k is the weather of step k; rows beyond the last step serve the forecast part of the observation.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>column</th><th>unit</th><th>from the weather sample</th></tr>
 *   <tr><td>radiation</td><td>W m⁻²</td><td>global radiation; values below 10⁻⁶ set to 0, as the
 *       benchmark does</td></tr>
 *   <tr><td>co2</td><td>kg m⁻³</td><td>CO2 ppm converted at the outdoor temperature ({@link
 *       LettuceUnits#co2Density})</td></tr>
 *   <tr><td>temperature</td><td>°C</td><td>air temperature</td></tr>
 *   <tr><td>vapour</td><td>kg m⁻³</td><td>relative humidity converted at the outdoor temperature ({@link
 *       LettuceUnits#vapourDensity})</td></tr>
 * </table>
 *
 * <p>Immutable; one instance may serve several environments and threads.
 */
public final class LettuceWeather {

    /** Radiation below this [W m⁻²] is set to exactly 0 (RL-SMPC {@code load_disturbances}). */
    public static final double RADIATION_FLOOR = 1e-6;

    /** Lowest outdoor CO2 concentration accepted [kg m⁻³]: the lowest plausible ppm at the highest temperature. */
    public static final double CO2_MIN =
            LettuceUnits.co2Density(WeatherVariable.CO2.min(), WeatherVariable.AIR_TEMPERATURE.max());

    /** Highest outdoor CO2 concentration accepted [kg m⁻³]: the highest plausible ppm at the lowest temperature. */
    public static final double CO2_MAX =
            LettuceUnits.co2Density(WeatherVariable.CO2.max(), WeatherVariable.AIR_TEMPERATURE.min());

    /** Highest outdoor vapour density accepted [kg m⁻³]: saturation at the highest plausible temperature. */
    public static final double VAPOUR_MAX = LettuceUnits.vapourDensity(100.0, WeatherVariable.AIR_TEMPERATURE.max());

    private final String source;
    private final LocalDateTime start;
    private final double step;
    private final double[] radiation;
    private final double[] co2;
    private final double[] temperature;
    private final double[] vapour;

    private LettuceWeather(
            String source,
            LocalDateTime start,
            double step,
            double[] radiation,
            double[] co2,
            double[] temperature,
            double[] vapour) {
        this.source = source;
        this.start = start;
        this.step = step;
        this.radiation = radiation;
        this.co2 = co2;
        this.temperature = temperature;
        this.vapour = vapour;
    }

    /**
     * Samples {@code series} at {@code start} + k·{@code stepSeconds} for k = 0 … rows − 1.
     *
     * @throws IllegalArgumentException if the series does not cover those times (it names both periods)
     */
    public static LettuceWeather sample(WeatherSeries series, LocalDateTime start, int rows, double stepSeconds) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows = " + rows + " - must be at least 1");
        }
        WeatherSampler sampler = series.sampler(start);
        double[] d = new double[WeatherVariable.COUNT];
        double[] rad = new double[rows];
        double[] c = new double[rows];
        double[] t = new double[rows];
        double[] h = new double[rows];
        int iRad = WeatherVariable.GLOBAL_RADIATION.ordinal();
        int iT = WeatherVariable.AIR_TEMPERATURE.ordinal();
        int iCo2 = WeatherVariable.CO2.ordinal();
        int iRh = WeatherVariable.RELATIVE_HUMIDITY.ordinal();
        for (int k = 0; k < rows; k++) {
            sampler.sample(k * stepSeconds, d);
            rad[k] = d[iRad] < RADIATION_FLOOR ? 0.0 : d[iRad];
            t[k] = d[iT];
            c[k] = LettuceUnits.co2Density(d[iCo2], d[iT]);
            h[k] = LettuceUnits.vapourDensity(d[iRh], d[iT]);
        }
        return of(series.source(), start, stepSeconds, rad, c, t, h);
    }

    /**
     * A weather table from columns in the model's units (copied); each value is checked against the range
     * that the observation space declares.
     *
     * @param source where the numbers come from, for reports
     * @param start local time of row 0
     * @param stepSeconds time between rows [s]
     * @param radiation outdoor global radiation [W m⁻²], 0 to 1400 (values below 10⁻⁶ become 0)
     * @param co2 outdoor CO2 [kg m⁻³], {@link #CO2_MIN} to {@link #CO2_MAX}
     * @param temperature outdoor air temperature [°C], −70 to 70
     * @param vapour outdoor vapour density [kg m⁻³], 0 to {@link #VAPOUR_MAX}
     * @throws IllegalArgumentException for columns of different lengths or a value out of range, naming the
     *     column, the row and the value
     */
    public static LettuceWeather of(
            String source,
            LocalDateTime start,
            double stepSeconds,
            double[] radiation,
            double[] co2,
            double[] temperature,
            double[] vapour) {
        int rows = radiation.length;
        if (co2.length != rows || temperature.length != rows || vapour.length != rows) {
            throw new IllegalArgumentException("weather columns have different lengths: radiation " + rows + ", co2 "
                    + co2.length + ", temperature " + temperature.length + ", vapour " + vapour.length);
        }
        if (rows < 1) {
            throw new IllegalArgumentException("weather has no rows");
        }
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("stepSeconds = " + stepSeconds + " - must be positive");
        }
        double[] rad = radiation.clone();
        for (int k = 0; k < rows; k++) {
            if (rad[k] < RADIATION_FLOOR && rad[k] >= 0) {
                rad[k] = 0.0;
            }
            check("radiation", "W m-2", k, rad[k], 0.0, WeatherVariable.GLOBAL_RADIATION.max());
            check("co2", "kg m-3", k, co2[k], CO2_MIN, CO2_MAX);
            check(
                    "temperature",
                    "C",
                    k,
                    temperature[k],
                    WeatherVariable.AIR_TEMPERATURE.min(),
                    WeatherVariable.AIR_TEMPERATURE.max());
            check("vapour", "kg m-3", k, vapour[k], 0.0, VAPOUR_MAX);
        }
        return new LettuceWeather(source, start, stepSeconds, rad, co2.clone(), temperature.clone(), vapour.clone());
    }

    private static void check(String column, String unit, int row, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(
                    "weather " + column + "[" + row + "] = " + v + " " + unit + " is outside " + lo + " to " + hi);
        }
    }

    /** Number of rows (steps with weather). */
    public int rows() {
        return radiation.length;
    }

    /** Where the numbers come from: a file, or the generator with its seed and year. */
    public String source() {
        return source;
    }

    /** Local (standard) time of row 0. */
    public LocalDateTime start() {
        return start;
    }

    /** Time between rows [s]. */
    public double stepSeconds() {
        return step;
    }

    /** Outdoor global radiation V_rad of step {@code k} [W m⁻²]. */
    public double radiation(int k) {
        return radiation[k];
    }

    /** Outdoor CO2 concentration V_c of step {@code k} [kg m⁻³]. */
    public double co2(int k) {
        return co2[k];
    }

    /** Outdoor air temperature V_T of step {@code k} [°C]. */
    public double temperature(int k) {
        return temperature[k];
    }

    /** Outdoor humidity V_h (water-vapour density) of step {@code k} [kg m⁻³]. */
    public double vapour(int k) {
        return vapour[k];
    }
}
