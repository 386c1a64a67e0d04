package systems.rala.twin.lettuce;

import java.util.List;
import systems.rala.twin.model.ParameterSpec;

/**
 * The parameters of the Van Henten lettuce model: the coefficients of the notation table of Van Henten (2003)
 * under GreenLight v2's names (the paper's symbols with {@code _} for subscripts and commas), plus one switch
 * for the humidity balance.
 *
 * <p>Values: every coefficient has the value that GreenLight v2.0.2 ({@code greenhouse_evh2003.json}, each
 * entry citing "Van Henten 2003, Notation table") and the RL/MPC benchmark codes (van Laatum et al. RL-SMPC
 * {@code common/utils.py DefineParameters}, gsoykan/lettuce-greenhouse-gym, Mallick et al., Harraway) agree
 * on, with one exception: {@link #C_LEAK}, see there. The printed table itself could not be consulted.
 *
 * <p>Ranges: where physics bounds a coefficient the range says so (a fraction, the heat capacity of air, the
 * quantum requirement of photosynthesis, saturation); elsewhere it is a factor of about ten either side of the
 * default, wide enough for calibration and parametric-uncertainty studies and narrow enough to catch a value
 * given in the wrong unit.
 *
 * <p>Not here: c_v,4 = 10 998 J m⁻³ (used only by the paper's humidity constraint, eq. 12, not by the
 * dynamics), and the gas constant c_R = 8314 J K⁻¹ kmol⁻¹ and c_T,abs = 273.15 K of eq. 10, which are
 * physical constants rather than model coefficients ({@link VanHentenLettuce#GAS_CONSTANT_KMOL}, {@link
 * VanHentenLettuce#ZERO_CELSIUS}).
 */
public final class VanHentenParameters {

    private static final String TABLE =
            "Van Henten (2003) notation table, via GreenLight v2.0.2 greenhouse_evh2003.json"
                    + " and RL-SMPC common/utils.py DefineParameters";

    /** Yield factor c_αβ [-]: kg of dry matter per kg of CO2 assimilated. */
    public static final String C_ALPHA_BETA = "c_alpha_beta";
    /** Respiration rate c_resp,d [s⁻¹] in terms of respired dry matter, at 25 °C. */
    public static final String C_RESP_D = "c_resp_d";
    /** Respiration rate c_resp,c [s⁻¹] in terms of produced CO2, at 25 °C. */
    public static final String C_RESP_C = "c_resp_c";
    /** Effective canopy surface c_pl,d [m² kg⁻¹]. */
    public static final String C_PL_D = "c_pl_d";
    /** Light use efficiency c_rad,phot [kg J⁻¹]. */
    public static final String C_RAD_PHOT = "c_rad_phot";
    /** Temperature effect on CO2 diffusion in leaves c_co2,1 [m s⁻¹ °C⁻²]. */
    public static final String C_CO2_1 = "c_co2_1";
    /** Temperature effect on CO2 diffusion in leaves c_co2,2 [m s⁻¹ °C⁻¹]. */
    public static final String C_CO2_2 = "c_co2_2";
    /** Temperature effect on CO2 diffusion in leaves c_co2,3 [m s⁻¹]. */
    public static final String C_CO2_3 = "c_co2_3";
    /** CO2 compensation point c_Γ [kg m⁻³]. */
    public static final String C_GAMMA = "c_Gamma";
    /** Volumetric capacity of the greenhouse air for CO2 c_cap,c [m]. */
    public static final String C_CAP_C = "c_cap_c";
    /** Volumetric capacity of the greenhouse air for humidity c_cap,h [m]. */
    public static final String C_CAP_H = "c_cap_h";
    /** Heat capacity of the greenhouse air c_cap,q [J m⁻² °C⁻¹]. */
    public static final String C_CAP_Q = "c_cap_q";
    /** Heat capacity per volume of greenhouse air c_cap,q,v [J m⁻³ °C⁻¹]. */
    public static final String C_CAP_Q_V = "c_cap_q_v";
    /** Heat transmission coefficient through the cover c_ai,ou [W m⁻² °C⁻¹]. */
    public static final String C_AI_OU = "c_ai_ou";
    /** Heat load coefficient of solar radiation c_rad,q [-]. */
    public static final String C_RAD_Q = "c_rad_q";
    /** Leakage air exchange through the cover c_leak [m s⁻¹]. */
    public static final String C_LEAK = "c_leak";
    /** Canopy transpiration mass-transfer coefficient c_v,pl,ai [m s⁻¹]. */
    public static final String C_V_PL_AI = "c_v_pl_ai";
    /** Saturation water-vapour parameter c_v,1 [J m⁻³]. */
    public static final String C_V_1 = "c_v_1";
    /** Saturation water-vapour parameter c_v,2 [-]. */
    public static final String C_V_2 = "c_v_2";
    /** Saturation water-vapour parameter c_v,3 [°C]. */
    public static final String C_V_3 = "c_v_3";
    /** Whether the controlled ventilation exchanges water vapour (1) or only the leakage does (0) [-]. */
    public static final String VENT_IN_HUMIDITY = "vent_in_humidity";

    /** Leakage of the benchmark [m s⁻¹], the default: RL-SMPC {@code DefineParameters}, {@code leak}. */
    public static final double BENCHMARK_LEAKAGE = 0.75e-5;

    /** Leakage of the paper [m s⁻¹]: Van Henten (2003) notation table as GreenLight v2.0.2 gives it. */
    public static final double PAPER_LEAKAGE = 0.75e-4;

    /** Every parameter, in declaration order. */
    public static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec(
                    C_ALPHA_BETA,
                    0.544,
                    "-",
                    "yield factor: dry matter formed per CO2 assimilated (eq. 2)",
                    TABLE,
                    // carbon is 35 to 45 % of dry matter, so 0.6 to 0.8 kg per kg CO2; 1 is a generous bound
                    0.1,
                    1.0),
            new ParameterSpec(
                    C_RESP_D,
                    2.65e-7,
                    "s-1",
                    "maintenance respiration rate as respired dry matter, at 25 C (eq. 2)",
                    TABLE,
                    0.0,
                    2.65e-6),
            new ParameterSpec(
                    C_RESP_C,
                    4.87e-7,
                    "s-1",
                    "maintenance respiration rate as produced CO2, at 25 C (eq. 3)",
                    TABLE,
                    0.0,
                    4.87e-6),
            new ParameterSpec(
                    C_PL_D,
                    53.0,
                    "m2 kg-1",
                    "effective canopy surface: leaf area per dry weight in the canopy-closure term 1 - exp(-c_pl_d x_d)"
                            + " (eqs. 6, 10)",
                    TABLE,
                    5.0,
                    200.0),
            new ParameterSpec(
                    C_RAD_PHOT,
                    3.55e-9,
                    "kg J-1",
                    "light use efficiency: CO2 assimilated per joule of outdoor global radiation (eq. 6)",
                    TABLE,
                    0.0,
                    // quantum limit: 8 photons per CO2, about 2.3 umol of PAR photons per J of global radiation
                    1.3e-8),
            new ParameterSpec(
                    C_CO2_1,
                    5.11e-6,
                    "m s-1 C-2",
                    "temperature effect on CO2 diffusion in leaves, quadratic term (eq. 6)",
                    TABLE,
                    0.0,
                    5.11e-5),
            new ParameterSpec(
                    C_CO2_2,
                    2.3e-4,
                    "m s-1 C-1",
                    "temperature effect on CO2 diffusion in leaves, linear term (eq. 6)",
                    TABLE,
                    0.0,
                    2.3e-3),
            new ParameterSpec(
                    C_CO2_3,
                    6.29e-4,
                    "m s-1",
                    "temperature effect on CO2 diffusion in leaves, constant term (eq. 6)",
                    TABLE,
                    0.0,
                    6.29e-3),
            new ParameterSpec(
                    C_GAMMA,
                    5.2e-5,
                    "kg m-3",
                    "CO2 compensation point (eq. 6); 5.2e-5 kg m-3 is about 29 ppm at 20 C",
                    TABLE,
                    0.0,
                    // about 110 ppm: above the compensation point of C3 leaves even at 35 C
                    2.0e-4),
            new ParameterSpec(
                    C_CAP_C,
                    4.1,
                    "m",
                    "volumetric capacity of the greenhouse air for CO2: air volume per floor area, the mean height"
                            + " (eq. 3)",
                    TABLE,
                    1.0,
                    15.0),
            new ParameterSpec(
                    C_CAP_H,
                    4.1,
                    "m",
                    "volumetric capacity of the greenhouse air for water vapour (eq. 5)",
                    TABLE,
                    1.0,
                    15.0),
            new ParameterSpec(
                    C_CAP_Q,
                    30000.0,
                    "J m-2 C-1",
                    "effective heat capacity of the greenhouse air per floor area (eq. 4)",
                    TABLE,
                    1000.0,
                    300000.0),
            new ParameterSpec(
                    C_CAP_Q_V,
                    1290.0,
                    "J m-3 C-1",
                    "heat capacity per volume of air, rho c_p, for the ventilation heat loss (eq. 8)",
                    TABLE,
                    // rho c_p of air from 50 C (about 1 100) to -20 C (about 1 400) at sea level
                    1000.0,
                    1450.0),
            new ParameterSpec(
                    C_AI_OU,
                    6.1,
                    "W m-2 C-1",
                    "heat transmission coefficient through the cover, per floor area (eq. 8)",
                    TABLE,
                    // from a well insulated cover (below 1) to single plastic film in wind (about 10)
                    0.5,
                    15.0),
            new ParameterSpec(
                    C_RAD_Q,
                    0.2,
                    "-",
                    "heat load coefficient: fraction of outdoor global radiation that heats the air (eq. 9)",
                    TABLE,
                    0.0,
                    1.0),
            new ParameterSpec(
                    C_LEAK,
                    BENCHMARK_LEAKAGE,
                    "m s-1",
                    "leakage air exchange through the cover, per floor area (eqs. 7, 11). Default 0.75e-5 is the"
                            + " RL/MPC benchmark's value, which its published returns need; Van Henten (2003) as"
                            + " restated by GreenLight v2.0.2 gives 0.75e-4 (the benchmark code keeps 0.75e-4 in"
                            + " its nominal-value comment). 1e-3 m s-1 is about 0.9 air changes per hour at 4.1 m",
                    "RL-SMPC common/utils.py DefineParameters 'leak'; paper value: " + TABLE,
                    0.0,
                    1.0e-3),
            new ParameterSpec(
                    C_V_PL_AI,
                    3.6e-3,
                    "m s-1",
                    "canopy transpiration mass-transfer coefficient (eq. 10)",
                    TABLE,
                    0.0,
                    3.6e-2),
            new ParameterSpec(
                    C_V_1,
                    9348.0,
                    "J m-3",
                    "saturation water-vapour parameter of the transpiration target (eq. 10); with c_R in"
                            + " J K-1 kmol-1 it yields kg m-3. 9348 makes the canopy transpire towards about 85 % of"
                            + " saturation; about 11 000 (M_w times 610.78 Pa, c_v,4 = 10 998) would be saturation",
                    TABLE,
                    5000.0,
                    11000.0),
            new ParameterSpec(
                    C_V_2,
                    17.4,
                    "-",
                    "saturation water-vapour parameter, Magnus exponent (eq. 10)",
                    TABLE,
                    // Magnus-type fits over water use 17.08 to 17.67
                    16.0,
                    19.0),
            new ParameterSpec(
                    C_V_3,
                    239.0,
                    "C",
                    "saturation water-vapour parameter, Magnus temperature offset (eq. 10)",
                    TABLE,
                    // Magnus-type fits over water use 234.2 to 243.5 C
                    225.0,
                    255.0),
            new ParameterSpec(
                    VENT_IN_HUMIDITY,
                    1.0,
                    "-",
                    "1: ventilation and leakage exchange water vapour, (u_v + c_leak)(x_h - v_h), as Van Henten"
                            + " (2003) eq. 11 is quoted and every benchmark code has it; 0: leakage only,"
                            + " c_leak (x_h - v_h), as GreenLight v2.0.2 writes eq. 11. Only 0 and 1 are accepted",
                    "Van Henten (2003) eq. 11; GreenLight v2.0.2 greenhouse_evh2003.json phi_vent_h",
                    0.0,
                    1.0));

    private VanHentenParameters() {}
}
