package systems.rala.twin.weather;

/**
 * Undisturbed soil temperature at depth, the lower boundary of the greenhouse soil layers.
 *
 * <p>Kusuda &amp; Achenbach (1965), "Earth temperature and thermal diffusivity at selected stations in the
 * United States", ASHRAE Transactions 71(1):61–75: T(z, t) = T_m − A_s exp(−z √(π / (365 α))) cos(2π/365
 * (t − t_0 − z/2 √(365 / (π α)))), with T_m and A_s the annual mean and amplitude of the surface
 * temperature, t_0 the day of its minimum and α the soil's thermal diffusivity. The default diffusivity is
 * the classic 0.025 ft²/h = 2.3226e-3 m²/h (0.0557 m²/day) of Kusuda &amp; Achenbach, which EnergyPlus's
 * weather converter uses for the ground temperatures it writes into EPW headers (its EPW comment prints the
 * value 2.3225760E-03 with the unit m²/day, but the amplitudes it writes fit m²/h).
 */
public final class SoilTemperature {

    /** Soil thermal diffusivity [m²/day]: 0.025 ft²/h = 2.3225760e-3 m²/h, Kusuda &amp; Achenbach (1965). */
    public static final double DEFAULT_DIFFUSIVITY = 2.3225760e-3 * 24.0;

    /** Depth of the model's lower soil boundary [m]. */
    public static final double DEFAULT_DEPTH = 2.0;

    private SoilTemperature() {}

    /**
     * Soil temperature [°C] on {@code dayOfYear} (1–366, fractional allowed).
     *
     * @param meanC annual mean surface (air) temperature, °C
     * @param amplitudeK annual amplitude of the surface temperature, K
     * @param coldestDay day of year of the minimum surface temperature
     * @param depthM depth, m
     * @param diffusivityM2PerDay thermal diffusivity, m²/day
     */
    public static double kusuda(
            double meanC,
            double amplitudeK,
            double coldestDay,
            double depthM,
            double diffusivityM2PerDay,
            double dayOfYear) {
        double damping = Math.exp(-depthM * Math.sqrt(Math.PI / (365.0 * diffusivityM2PerDay)));
        double lagDays = depthM / 2.0 * Math.sqrt(365.0 / (Math.PI * diffusivityM2PerDay));
        return meanC - amplitudeK * damping * Math.cos(2.0 * Math.PI / 365.0 * (dayOfYear - coldestDay - lagDays));
    }

    /**
     * Fits T(d) = m + a cos(2π d/365) + b sin(2π d/365) to daily mean temperatures by least squares and
     * returns {mean [°C], amplitude [K], coldest day of year}.
     *
     * @param dayOfYear day of year of each daily mean (1-based)
     * @param dailyMeanC daily mean temperatures, °C
     */
    public static double[] fitAnnualCycle(double[] dayOfYear, double[] dailyMeanC) {
        // normal equations of the 3-parameter linear model
        double[][] ata = new double[3][3];
        double[] atb = new double[3];
        for (int i = 0; i < dayOfYear.length; i++) {
            double w = 2.0 * Math.PI * dayOfYear[i] / 365.0;
            double[] row = {1.0, Math.cos(w), Math.sin(w)};
            for (int r = 0; r < 3; r++) {
                atb[r] += row[r] * dailyMeanC[i];
                for (int c = 0; c < 3; c++) {
                    ata[r][c] += row[r] * row[c];
                }
            }
        }
        double[] x = solve3(ata, atb);
        double amplitude = Math.hypot(x[1], x[2]);
        // minimum of a cos(w) + b sin(w) is at w = atan2(b, a) + π
        double wMin = Math.atan2(x[2], x[1]) + Math.PI;
        double coldest = wMin * 365.0 / (2.0 * Math.PI);
        coldest = ((coldest % 365.0) + 365.0) % 365.0;
        return new double[] {x[0], amplitude, coldest};
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        if (Math.abs(det) < 1e-12) {
            throw new IllegalArgumentException("annual temperature cycle cannot be fitted: too few distinct days");
        }
        double[] x = new double[3];
        for (int k = 0; k < 3; k++) {
            double[][] m = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    m[r][c] = c == k ? b[r] : a[r][c];
                }
            }
            x[k] = det3(m) / det;
        }
        return x;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
