package systems.rala.service.metrics;

/**
 * Vapour pressure deficit of air from its temperature and relative humidity, as FAO Irrigation and Drainage
 * Paper 56 computes it (Allen, Pereira, Raes and Smith, 1998, "Crop evapotranspiration", chapter 3):
 *
 * <ul>
 *   <li>saturation vapour pressure, eq. 11 (the Tetens form, after Murray 1967): e°(T) = 0.6108 exp(17.27 T /
 *       (T + 237.3)), e° in kPa, T in °C; tabulated in its Annex 2, Table 2.3;
 *   <li>actual vapour pressure from relative humidity, eq. 19 with one humidity: e_a = e°(T) RH / 100;
 *   <li>the deficit e° − e_a.
 * </ul>
 *
 * <p>The twin's own KPI uses Buck (1996) ({@code systems.rala.twin.physics.Psychrometrics#vpdKpa}); the two
 * curves differ by less than 0.1 % between 5 and 35 °C (VpdTest).
 */
public final class Vpd {

    /** e° at 0 °C, kPa (FAO-56 eq. 11). */
    static final double E0_KPA = 0.6108;
    /** Dimensionless coefficient of FAO-56 eq. 11. */
    static final double B = 17.27;
    /** Temperature offset of FAO-56 eq. 11, °C. */
    static final double C_DEG = 237.3;

    private Vpd() {}

    /** Saturation vapour pressure over water, kPa, of air at {@code tempC} °C (FAO-56 eq. 11). */
    public static double saturationKpa(double tempC) {
        return E0_KPA * Math.exp(B * tempC / (tempC + C_DEG));
    }

    /**
     * Vapour pressure deficit, kPa, of air at {@code tempC} °C and {@code rhPct} % relative humidity; a humidity
     * outside 0 to 100 % (a sensor's noise) is taken as the nearer limit.
     */
    public static double deficitKpa(double tempC, double rhPct) {
        double rh = Math.max(0, Math.min(100, rhPct));
        return saturationKpa(tempC) * (1 - rh / 100);
    }
}
