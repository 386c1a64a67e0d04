package systems.rala.twin.physics;

/**
 * Moist-air relations used by the weather inputs, the models and the KPIs, in one place.
 *
 * <p>Units: temperatures in °C, vapour pressures in Pa, relative humidity in % (0–100), vapour pressure
 * deficit in kPa where the name says so. Every function is pure and allocation-free.
 *
 * <p>Two saturation curves are offered because two are in use: {@link #saturationVapourPressure} is the
 * equation of Buck (1996, the "Buck Research CR-1A hygrometer manual" update of Buck 1981, J. Appl.
 * Meteor. 20:1527–1532), within 0.05 % of the IAPWS-95 values from 0 to 50 °C; {@link
 * #saturationVapourPressureTetens} is the Tetens form that Vanthoor (2011) and GreenLight use inside the
 * greenhouse model, about 1 % low at 40 °C. A model uses one curve throughout, so that its balances and its
 * reported humidity agree.
 */
public final class Psychrometrics {

    /** Molar mass of water [kg/mol]. CODATA / IUPAC. */
    public static final double MOLAR_MASS_WATER = 18.01528e-3;

    /** Molar mass of CO2 [kg/mol]. IUPAC. */
    public static final double MOLAR_MASS_CO2 = 44.0095e-3;

    /** Molar gas constant [J/(mol K)]. CODATA 2018 (exact). */
    public static final double GAS_CONSTANT = 8.314462618;

    /** Offset between the Celsius and Kelvin scales [K]. */
    public static final double ZERO_CELSIUS = 273.15;

    // Buck (1996) over liquid water: e_s = A exp((B - T/D) T / (C + T))
    private static final double BUCK_A = 611.21; // Pa
    private static final double BUCK_B = 18.678; // -
    private static final double BUCK_C = 257.14; // °C
    private static final double BUCK_D = 234.5; // °C

    // Tetens (1930) in the form of Murray (1967), as used by Vanthoor (2011) and GreenLight (satVp).
    private static final double TETENS_A = 610.78; // Pa
    private static final double TETENS_B = 17.2694; // -
    private static final double TETENS_C = 238.3; // °C

    private Psychrometrics() {}

    /** Saturation vapour pressure over liquid water [Pa] at {@code tempC} [°C]; Buck (1996). */
    public static double saturationVapourPressure(double tempC) {
        return BUCK_A * Math.exp((BUCK_B - tempC / BUCK_D) * tempC / (BUCK_C + tempC));
    }

    /** Saturation vapour pressure [Pa] by the Tetens/Murray form used by Vanthoor (2011) and GreenLight. */
    public static double saturationVapourPressureTetens(double tempC) {
        return TETENS_A * Math.exp(TETENS_B * tempC / (tempC + TETENS_C));
    }

    /** Vapour pressure [Pa] of air at {@code tempC} [°C] and relative humidity {@code rhPct} [%]. */
    public static double vapourPressure(double tempC, double rhPct) {
        return rhPct / 100.0 * saturationVapourPressure(tempC);
    }

    /** Relative humidity [%] of air at {@code tempC} [°C] holding vapour pressure {@code vpPa} [Pa]. */
    public static double relativeHumidity(double tempC, double vpPa) {
        return 100.0 * vpPa / saturationVapourPressure(tempC);
    }

    /** Vapour pressure deficit [Pa]: saturation pressure at {@code tempC} minus {@code vpPa}. */
    public static double vapourPressureDeficit(double tempC, double vpPa) {
        return saturationVapourPressure(tempC) - vpPa;
    }

    /** Vapour pressure deficit [kPa] of air at {@code tempC} [°C] and {@code rhPct} [%]. */
    public static double vpdKpa(double tempC, double rhPct) {
        return saturationVapourPressure(tempC) * (1.0 - rhPct / 100.0) / 1000.0;
    }

    /**
     * Dew point [°C] of air holding vapour pressure {@code vpPa} [Pa]: the exact inverse of {@link
     * #saturationVapourPressure}.
     */
    public static double dewPoint(double vpPa) {
        // (B - T/D) T / (C + T) = x  <=>  T²/D - (B - x) T + C x = 0; the physical root is the smaller one
        double x = Math.log(vpPa / BUCK_A);
        double b = BUCK_B - x;
        return 0.5 * BUCK_D * (b - Math.sqrt(b * b - 4.0 * BUCK_C * x / BUCK_D));
    }

    /**
     * Water vapour concentration [kg/m³] of vapour pressure {@code vpPa} [Pa] at {@code tempC} [°C], by the
     * ideal gas law (Vanthoor 2011, eq. 8.1 inverted).
     */
    public static double vapourConcentration(double vpPa, double tempC) {
        return MOLAR_MASS_WATER * vpPa / (GAS_CONSTANT * (tempC + ZERO_CELSIUS));
    }

    /** Vapour pressure [Pa] of water vapour concentration {@code kgM3} [kg/m³] at {@code tempC} [°C]. */
    public static double vapourPressureOfConcentration(double kgM3, double tempC) {
        return kgM3 * GAS_CONSTANT * (tempC + ZERO_CELSIUS) / MOLAR_MASS_WATER;
    }

    /**
     * CO2 concentration [mg/m³] of a mole fraction {@code ppm} [µmol/mol] at {@code tempC} [°C] and
     * standard pressure (101 325 Pa), by the ideal gas law.
     */
    public static double co2MgPerM3(double ppm, double tempC) {
        return ppm * 1e-6 * 101325.0 * MOLAR_MASS_CO2 / (GAS_CONSTANT * (tempC + ZERO_CELSIUS)) * 1e6;
    }

    /** CO2 mole fraction [ppm] of a concentration {@code mgM3} [mg/m³] at {@code tempC} [°C], 101 325 Pa. */
    public static double co2Ppm(double mgM3, double tempC) {
        return mgM3 / co2MgPerM3(1.0, tempC);
    }
}
