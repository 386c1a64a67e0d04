package systems.rala.twin.lettuce;

import systems.rala.twin.physics.Psychrometrics;

/**
 * The unit conversions of the lettuce model's inputs and outputs: CO2 between mole fraction (ppm) and mass
 * concentration (kg m⁻³), water vapour between relative humidity (%) and vapour density (kg m⁻³).
 *
 * <p>These are the conversions of the RL/MPC lettuce benchmark (van Laatum et al., RL-SMPC {@code
 * common/utils.py}: {@code co2ppm2dens}, {@code co2dens2ppm}, {@code rh2vaporDens}, {@code vaporDens2rh}),
 * with its constants. They are not part of Van Henten's model, which works in kg m⁻³ throughout; they are the
 * ones the benchmark applies to the weather file and to its observations, so they are the ones that make
 * RALA's numbers comparable with its published returns. Both pairs are ideal-gas relations at a fixed
 * pressure of one standard atmosphere; the temperature is that of the air in question (indoor air for the
 * states, outdoor air for the weather).
 *
 * <p>The constants differ slightly from {@link Psychrometrics}: the gas constant is CODATA 2014's 8.3144598
 * instead of CODATA 2018's 8.314462618 J mol⁻¹ K⁻¹ (3.4·10⁻⁷ relative) and M_CO2 is 44.01 instead of 44.0095
 * g mol⁻¹ (1.1·10⁻⁵ relative). They are kept so that the benchmark's values are reproduced to the last digits. The saturation curve is the Tetens/Murray form that the benchmark calls "Magnus", which is
 * {@link Psychrometrics#saturationVapourPressureTetens} exactly (610.78 Pa, 17.2694, 238.3 °C).
 *
 * <p>Every function is pure and allocation-free. None caps relative humidity at 100 %: the two directions
 * are exact inverses of each other (see {@link VanHentenLettuce#measuredRelativeHumidity} for the capped
 * reading of the benchmark's observation).
 */
public final class LettuceUnits {

    /** Molar gas constant [J mol⁻¹ K⁻¹], CODATA 2014, as in the benchmark's conversions. */
    public static final double GAS_CONSTANT = 8.3144598;

    /** Molar mass of CO2 [kg mol⁻¹], as in the benchmark's conversions. */
    public static final double MOLAR_MASS_CO2 = 44.01e-3;

    /** Molar mass of water [kg mol⁻¹], as in the benchmark's conversions. */
    public static final double MOLAR_MASS_WATER = 18.01528e-3;

    /** Air pressure assumed by the conversions [Pa]: one standard atmosphere. */
    public static final double PRESSURE = 101325.0;

    /** Offset between the Celsius and Kelvin scales [K]. */
    public static final double ZERO_CELSIUS = 273.15;

    private LettuceUnits() {}

    /**
     * CO2 mass concentration [kg m⁻³] of a mole fraction {@code ppm} [µmol mol⁻¹] in air at {@code tempC}
     * [°C]: ρ = P · 10⁻⁶ · ppm · M_CO2 / (R · T_K).
     */
    public static double co2Density(double ppm, double tempC) {
        return PRESSURE * 1e-6 * ppm * MOLAR_MASS_CO2 / (GAS_CONSTANT * (tempC + ZERO_CELSIUS));
    }

    /**
     * CO2 mole fraction [ppm] of a mass concentration {@code kgM3} [kg m⁻³] in air at {@code tempC} [°C]:
     * ppm = 10⁶ · R · T_K · ρ / (P · M_CO2). The inverse of {@link #co2Density}.
     */
    public static double co2Ppm(double kgM3, double tempC) {
        return 1e6 * GAS_CONSTANT * (tempC + ZERO_CELSIUS) * kgM3 / (PRESSURE * MOLAR_MASS_CO2);
    }

    /**
     * Water-vapour density [kg m⁻³] of air at {@code tempC} [°C] and relative humidity {@code rhPct} [%]:
     * ρ_v = RH/100 · p_sat(T) · M_w / (R · T_K), with p_sat from {@link #saturationVapourPressure}.
     */
    public static double vapourDensity(double rhPct, double tempC) {
        return rhPct
                / 100.0
                * saturationVapourPressure(tempC)
                * MOLAR_MASS_WATER
                / (GAS_CONSTANT * (tempC + ZERO_CELSIUS));
    }

    /**
     * Relative humidity [%] of air at {@code tempC} [°C] holding water-vapour density {@code kgM3} [kg m⁻³]:
     * RH = 100 · R · T_K · ρ_v / (M_w · p_sat(T)). The inverse of {@link #vapourDensity}; not capped at 100.
     */
    public static double relativeHumidity(double kgM3, double tempC) {
        return 100.0
                * GAS_CONSTANT
                * (tempC + ZERO_CELSIUS)
                / (MOLAR_MASS_WATER * saturationVapourPressure(tempC))
                * kgM3;
    }

    /**
     * Saturation vapour pressure [Pa] at {@code tempC} [°C] used by these conversions: 610.78 · exp(17.2694
     * · T / (T + 238.3)), the Tetens/Murray form (the benchmark's "Magnus formula").
     */
    public static double saturationVapourPressure(double tempC) {
        return Psychrometrics.saturationVapourPressureTetens(tempC);
    }
}
