package systems.rala.twin.lettuce;

import static systems.rala.twin.lettuce.VanHentenParameters.C_AI_OU;
import static systems.rala.twin.lettuce.VanHentenParameters.C_ALPHA_BETA;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CAP_C;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CAP_H;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CAP_Q;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CAP_Q_V;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CO2_1;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CO2_2;
import static systems.rala.twin.lettuce.VanHentenParameters.C_CO2_3;
import static systems.rala.twin.lettuce.VanHentenParameters.C_GAMMA;
import static systems.rala.twin.lettuce.VanHentenParameters.C_LEAK;
import static systems.rala.twin.lettuce.VanHentenParameters.C_PL_D;
import static systems.rala.twin.lettuce.VanHentenParameters.C_RAD_PHOT;
import static systems.rala.twin.lettuce.VanHentenParameters.C_RAD_Q;
import static systems.rala.twin.lettuce.VanHentenParameters.C_RESP_C;
import static systems.rala.twin.lettuce.VanHentenParameters.C_RESP_D;
import static systems.rala.twin.lettuce.VanHentenParameters.C_V_1;
import static systems.rala.twin.lettuce.VanHentenParameters.C_V_2;
import static systems.rala.twin.lettuce.VanHentenParameters.C_V_3;
import static systems.rala.twin.lettuce.VanHentenParameters.C_V_PL_AI;
import static systems.rala.twin.lettuce.VanHentenParameters.VENT_IN_HUMIDITY;

import java.util.ArrayList;
import java.util.List;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.model.Variable;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The lettuce greenhouse model of Van Henten (1994, PhD thesis, Wageningen), in the four-state form restated
 * by Van Henten (2003, Biosystems Engineering 85(3):355–364) and used by the RL/MPC lettuce benchmark (van
 * Laatum et al., RL-SMPC; Boersma et al. 2022; Jansen et al. 2023): crop dry weight, indoor CO2, indoor air
 * temperature and indoor humidity, driven by CO2 supply, ventilation and heating under outdoor radiation,
 * temperature, CO2 and humidity. Model id {@value #ID}.
 *
 * <p>Equation numbers are those of Van Henten (2003), as GreenLight v2.0.2 ({@code greenhouse_evh2003.json})
 * and the benchmark codes quote them; the papers themselves could not be consulted, so the equations are the
 * ones on which those public implementations agree. With the default parameters this model is the benchmark's
 * right-hand side.
 *
 * <h2>Vectors and units</h2>
 *
 * <table>
 *   <caption>States x, inputs u and the weather read from d</caption>
 *   <tr><th>index</th><th>name</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>x[0]</td><td>X_d</td><td>kg m⁻²</td><td>crop dry weight per floor area</td></tr>
 *   <tr><td>x[1]</td><td>X_c</td><td>kg m⁻³</td><td>indoor CO2 concentration</td></tr>
 *   <tr><td>x[2]</td><td>X_T</td><td>°C</td><td>indoor air temperature</td></tr>
 *   <tr><td>x[3]</td><td>X_h</td><td>kg m⁻³</td><td>indoor humidity (water-vapour density)</td></tr>
 *   <tr><td>u[0]</td><td>U_c</td><td>mg m⁻² s⁻¹</td><td>CO2 supply, 0 to 1.2</td></tr>
 *   <tr><td>u[1]</td><td>U_v</td><td>mm s⁻¹</td><td>ventilation (air exchange per floor area), 0 to 7.5</td></tr>
 *   <tr><td>u[2]</td><td>U_q</td><td>W m⁻²</td><td>heating, 0 to 150</td></tr>
 *   <tr><td>d[GLOBAL_RADIATION]</td><td>V_rad</td><td>W m⁻²</td><td>outdoor global radiation</td></tr>
 *   <tr><td>d[AIR_TEMPERATURE]</td><td>V_T</td><td>°C</td><td>outdoor air temperature</td></tr>
 *   <tr><td>d[CO2]</td><td>V_c</td><td>ppm</td><td>outdoor CO2, converted to kg m⁻³ at V_T</td></tr>
 *   <tr><td>d[RELATIVE_HUMIDITY]</td><td>V_h</td><td>%</td><td>outdoor RH, converted to kg m⁻³ at V_T</td></tr>
 * </table>
 *
 * <p>Inputs are in the benchmark's actuator units and bounds (RL-SMPC {@code configs/envs/LettuceGreenhouse.yml});
 * the model converts them to SI (u_c·10⁻⁶ kg m⁻² s⁻¹, u_v·10⁻³ m s⁻¹). The outdoor CO2 and humidity are
 * converted as the benchmark converts its weather file ({@link LettuceUnits}): ppm to kg m⁻³ and RH to vapour
 * density, both at the outdoor temperature. The vapour pressure of the sample is not read, so that a weather
 * series reproduces the benchmark from the same RH column.
 *
 * <h2>Equations</h2>
 *
 * <pre>
 * (2)  dX_d/dt = c_αβ φ_phot,c − c_resp,d X_d r(X_T)                      r(T) = 2^(0.1 T − 2.5)
 * (3)  dX_c/dt = (−φ_phot,c + c_resp,c X_d r(X_T) + U_c − φ_vent,c) / c_cap,c
 * (4)  dX_T/dt = (U_q − Q_vent,q + Q_rad,q) / c_cap,q
 * (5)  dX_h/dt = (φ_transp,h − φ_vent,h) / c_cap,h
 * (6)  φ_phot,c = (1 − e^(−c_pl,d X_d)) c_rad,phot V_rad σ / (c_rad,phot V_rad + σ),
 *      σ = (−c_co2,1 X_T² + c_co2,2 X_T − c_co2,3)(X_c − c_Γ)
 * (7)  φ_vent,c = (U_v + c_leak)(X_c − V_c)
 * (8)  Q_vent,q = (c_cap,q,v U_v + c_ai,ou)(X_T − V_T)
 * (9)  Q_rad,q = c_rad,q V_rad
 * (10) φ_transp,h = (1 − e^(−c_pl,d X_d)) c_v,pl,ai (c_v,1 / (c_R (X_T + c_T,abs)) e^(c_v,2 X_T / (X_T + c_v,3)) − X_h)
 * (11) φ_vent,h = (U_v + c_leak)(X_h − V_h)          (vent_in_humidity = 1, the default)
 *              = c_leak (X_h − V_h)                 (vent_in_humidity = 0, GreenLight v2.0.2)
 * </pre>
 *
 * <p>Sign convention: each φ_vent and Q_vent is a flow from the greenhouse air to the outside, positive when
 * the inside is higher; φ_phot,c is taken up by the crop; φ_transp,h is released into the air. Fluxes are per
 * square metre of floor.
 *
 * <h2>Variants</h2>
 *
 * <ul>
 *   <li>Leakage {@code c_leak}: 0.75·10⁻⁵ m s⁻¹ by default (the benchmark's value; its published returns need
 *       it), 0.75·10⁻⁴ in Van Henten (2003) as GreenLight v2.0.2 gives it ({@link
 *       VanHentenParameters#PAPER_LEAKAGE}). The leakage carries CO2 and vapour but no heat: eq. 8 has no
 *       c_leak term in any implementation.
 *   <li>Ventilation in the humidity balance ({@code vent_in_humidity}): included by default, as every
 *       benchmark implementation and the quoted eq. 11 have it; GreenLight v2.0.2 leaves U_v out of
 *       φ_vent,h while keeping it in φ_vent,c, most likely a transcription slip.
 * </ul>
 *
 * <h2>Numerical notes</h2>
 *
 * <p>The photosynthesis term is set to 0 when its denominator is exactly 0 (no light and X_c = c_Γ), where
 * the formula is 0/0; everywhere else the formula is evaluated as written, so at night (V_rad = 0) it gives
 * exactly 0. The CO2 conductance of eq. 6 is positive only between about 2.9 and 42.1 °C; the benchmark keeps
 * X_T within 5 to 40 °C by clamping the state after each control step (the ranges of {@link #states()}). The
 * model itself does not clamp.
 *
 * <p>An instance is immutable and keeps no scratch space: {@link #derivatives} allocates nothing, and one
 * instance may serve several simulations, also from several threads.
 */
public final class VanHentenLettuce implements GreenhouseModel {

    /** The model identifier. */
    public static final String ID = "lettuce";

    /** Index of the crop dry weight X_d [kg m⁻²] in the state vector. */
    public static final int DRY_WEIGHT = 0;
    /** Index of the indoor CO2 concentration X_c [kg m⁻³] in the state vector. */
    public static final int CO2 = 1;
    /** Index of the indoor air temperature X_T [°C] in the state vector. */
    public static final int TEMPERATURE = 2;
    /** Index of the indoor humidity X_h [kg m⁻³] in the state vector. */
    public static final int HUMIDITY = 3;

    /** Index of the CO2 supply U_c [mg m⁻² s⁻¹] in the input vector. */
    public static final int CO2_SUPPLY = 0;
    /** Index of the ventilation U_v [mm s⁻¹] in the input vector. */
    public static final int VENTILATION = 1;
    /** Index of the heating U_q [W m⁻²] in the input vector. */
    public static final int HEATING = 2;

    /** Gas constant c_R of eq. 10 [J K⁻¹ kmol⁻¹] (per kilomole), Van Henten (2003) notation table. */
    public static final double GAS_CONSTANT_KMOL = 8314.0;

    /** c_T,abs of eq. 10 [K]: 0 °C in kelvin, Van Henten (2003) notation table. */
    public static final double ZERO_CELSIUS = 273.15;

    private static final String BENCHMARK_BOUNDS =
            "bounds: van Laatum et al. RL-SMPC configs/envs/LettuceGreenhouse.yml (constraints)";
    private static final String BENCHMARK_CLAMP =
            "range: the benchmark's state clamp, RL-SMPC configs/envs/LettuceGreenhouse.yml (W, state_*)";

    private static final List<Variable> STATES = List.of(
            new Variable(
                    "X_d",
                    "kg m-2",
                    "crop dry weight per floor area",
                    "Van Henten (2003) eq. 2; " + BENCHMARK_CLAMP,
                    0.002,
                    0.6),
            new Variable(
                    "X_c",
                    "kg m-3",
                    "indoor CO2 concentration (mass per volume of air)",
                    "Van Henten (2003) eq. 3; " + BENCHMARK_CLAMP,
                    0.0,
                    0.004),
            new Variable(
                    "X_T", "C", "indoor air temperature", "Van Henten (2003) eq. 4; " + BENCHMARK_CLAMP, 5.0, 40.0),
            new Variable(
                    "X_h",
                    "kg m-3",
                    "indoor humidity (water-vapour density)",
                    "Van Henten (2003) eq. 5; " + BENCHMARK_CLAMP,
                    0.0,
                    0.051));

    private static final List<Variable> INPUTS = List.of(
            new Variable(
                    "U_c",
                    "mg m-2 s-1",
                    "CO2 supply rate per floor area (the model uses 1e-6 U_c kg m-2 s-1)",
                    "Van Henten (2003) eq. 3; " + BENCHMARK_BOUNDS,
                    0.0,
                    1.2),
            new Variable(
                    "U_v",
                    "mm s-1",
                    "ventilation rate: outdoor air exchanged per floor area (the model uses 1e-3 U_v m s-1)",
                    "Van Henten (2003) eqs. 7, 8, 11; " + BENCHMARK_BOUNDS,
                    0.0,
                    7.5),
            new Variable(
                    "U_q",
                    "W m-2",
                    "energy supply by the heating system per floor area",
                    "Van Henten (2003) eq. 4; " + BENCHMARK_BOUNDS,
                    0.0,
                    150.0));

    private static final List<WeatherVariable> DISTURBANCES = List.of(
            WeatherVariable.GLOBAL_RADIATION,
            WeatherVariable.AIR_TEMPERATURE,
            WeatherVariable.CO2,
            WeatherVariable.RELATIVE_HUMIDITY);

    private static final double LN2 = Math.log(2.0);

    private static final int D_RADIATION = WeatherVariable.GLOBAL_RADIATION.ordinal();
    private static final int D_TEMPERATURE = WeatherVariable.AIR_TEMPERATURE.ordinal();
    private static final int D_CO2 = WeatherVariable.CO2.ordinal();
    private static final int D_RH = WeatherVariable.RELATIVE_HUMIDITY.ordinal();

    private final Parameters parameters;
    private final double alphaBeta;
    private final double respD;
    private final double respC;
    private final double plD;
    private final double radPhot;
    private final double co2c1;
    private final double co2c2;
    private final double co2c3;
    private final double gamma;
    private final double capC;
    private final double capH;
    private final double capQ;
    private final double capQV;
    private final double aiOu;
    private final double radQ;
    private final double leak;
    private final double vPlAi;
    private final double v1;
    private final double v2;
    private final double v3;
    private final double ventInHumidity;

    /** The model with {@link #defaultParameters()}: the benchmark's. */
    public VanHentenLettuce() {
        this(defaultParameters());
    }

    /**
     * The model with {@code parameters}, which must come from {@link #defaultParameters()} (possibly with
     * overrides applied through {@link Parameters#with}).
     *
     * @throws IllegalArgumentException if {@code parameters} belongs to another model, or if {@code
     *     vent_in_humidity} is neither 0 nor 1
     */
    public VanHentenLettuce(Parameters parameters) {
        if (!new ArrayList<>(parameters.specs().values()).equals(VanHentenParameters.SPECS)) {
            throw new IllegalArgumentException(
                    "parameters " + parameters.specs().keySet() + " are not those of model " + ID
                            + "; start from VanHentenLettuce.defaultParameters()");
        }
        this.parameters = parameters;
        alphaBeta = parameters.get(C_ALPHA_BETA);
        respD = parameters.get(C_RESP_D);
        respC = parameters.get(C_RESP_C);
        plD = parameters.get(C_PL_D);
        radPhot = parameters.get(C_RAD_PHOT);
        co2c1 = parameters.get(C_CO2_1);
        co2c2 = parameters.get(C_CO2_2);
        co2c3 = parameters.get(C_CO2_3);
        gamma = parameters.get(C_GAMMA);
        capC = parameters.get(C_CAP_C);
        capH = parameters.get(C_CAP_H);
        capQ = parameters.get(C_CAP_Q);
        capQV = parameters.get(C_CAP_Q_V);
        aiOu = parameters.get(C_AI_OU);
        radQ = parameters.get(C_RAD_Q);
        leak = parameters.get(C_LEAK);
        vPlAi = parameters.get(C_V_PL_AI);
        v1 = parameters.get(C_V_1);
        v2 = parameters.get(C_V_2);
        v3 = parameters.get(C_V_3);
        ventInHumidity = parameters.get(VENT_IN_HUMIDITY);
        if (ventInHumidity != 0.0 && ventInHumidity != 1.0) {
            throw new IllegalArgumentException("parameter " + VENT_IN_HUMIDITY + " = " + ventInHumidity
                    + " - is a switch; allowed values: 1 (ventilation and leakage carry water vapour,"
                    + " Van Henten 2003 eq. 11) or 0 (leakage only, GreenLight v2.0.2)");
        }
    }

    /** The default parameter set: the values of the RL/MPC benchmark (see {@link VanHentenParameters}). */
    public static Parameters defaultParameters() {
        return Parameters.defaults(VanHentenParameters.SPECS);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Variable> states() {
        return STATES;
    }

    @Override
    public List<Variable> inputs() {
        return INPUTS;
    }

    @Override
    public List<WeatherVariable> disturbances() {
        return DISTURBANCES;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    /**
     * The benchmark's initial state x0 = [0.0035 kg m⁻², 1.0·10⁻³ kg m⁻³, 15 °C, 0.008 kg m⁻³] (537 ppm and
     * 63 % RH at 15 °C): RL-SMPC {@code configs/envs/LettuceGreenhouse.yml}, also Boersma et al. (2022) as
     * Mallick et al. cite it. GreenLight v2.0.2 starts from X_d = 2.7·10⁻³ kg m⁻² (Van Henten 1994, p. 33);
     * write another state into the vector to start elsewhere.
     */
    @Override
    public void initialState(double[] x) {
        x[DRY_WEIGHT] = 0.0035;
        x[CO2] = 1.0e-3;
        x[TEMPERATURE] = 15.0;
        x[HUMIDITY] = 0.008;
    }

    @Override
    public void derivatives(double t, double[] x, double[] u, double[] d, double[] dxdt) {
        double vT = d[D_TEMPERATURE];
        derivativesInModelUnits(
                x,
                u,
                d[D_RADIATION],
                LettuceUnits.co2Density(d[D_CO2], vT),
                vT,
                LettuceUnits.vapourDensity(d[D_RH], vT),
                dxdt);
    }

    /**
     * The right-hand side with the weather already in the model's units, the benchmark's disturbance vector
     * v = [V_rad, V_c, V_T, V_h] (RL-SMPC {@code d}): what {@link #derivatives} computes after converting the
     * weather sample, without the conversions (one {@code exp} fewer per call). A caller that holds the
     * weather over a step converts it once ({@link #outdoorCo2Density}, {@link #outdoorVapourDensity}, or
     * {@link LettuceUnits}) and calls this. Allocates nothing.
     *
     * @param x state [kg m⁻², kg m⁻³, °C, kg m⁻³]
     * @param u inputs [mg m⁻² s⁻¹, mm s⁻¹, W m⁻²]
     * @param radiation outdoor global radiation V_rad [W m⁻²]
     * @param co2 outdoor CO2 concentration V_c [kg m⁻³]
     * @param temperature outdoor air temperature V_T [°C]
     * @param vapour outdoor humidity V_h (water-vapour density) [kg m⁻³]
     * @param dxdt receives dx/dt [kg m⁻² s⁻¹, kg m⁻³ s⁻¹, °C s⁻¹, kg m⁻³ s⁻¹]
     */
    public void derivativesInModelUnits(
            double[] x, double[] u, double radiation, double co2, double temperature, double vapour, double[] dxdt) {
        double xd = x[DRY_WEIGHT];
        double xc = x[CO2];
        double xT = x[TEMPERATURE];
        double xh = x[HUMIDITY];
        double uc = u[CO2_SUPPLY] / 1e6; // mg m-2 s-1 -> kg m-2 s-1
        double uv = u[VENTILATION] / 1e3; // mm s-1 -> m s-1
        double uq = u[HEATING];

        double closure = 1.0 - Math.exp(-plD * xd); // canopy closure, eqs. 6 and 10
        double respiration = respirationFactor(xT); // eqs. 2 and 3
        double phot = closure * lightAndCo2Response(xc, xT, radiation); // eq. 6
        double ventC = (uv + leak) * (xc - co2); // eq. 7
        double qVent = (capQV * uv + aiOu) * (xT - temperature); // eq. 8
        double qRad = radQ * radiation; // eq. 9
        double transp = closure * vPlAi * (transpirationTargetDensity(xT) - xh); // eq. 10
        double ventH = (ventInHumidity * uv + leak) * (xh - vapour); // eq. 11

        dxdt[DRY_WEIGHT] = alphaBeta * phot - respD * xd * respiration; // eq. 2
        dxdt[CO2] = (-phot + respC * xd * respiration + uc - ventC) / capC; // eq. 3
        dxdt[TEMPERATURE] = (uq - qVent + qRad) / capQ; // eq. 4
        dxdt[HUMIDITY] = (transp - ventH) / capH; // eq. 5
    }

    /**
     * Photosynthesis per unit of canopy closure [kg CO2 m⁻² s⁻¹]: the rectangular hyperbola of eq. 6 in
     * light and CO2, c_rad,phot V_rad σ / (c_rad,phot V_rad + σ); 0 where it is 0/0.
     */
    private double lightAndCo2Response(double xc, double xT, double vI) {
        double conductance = -co2c1 * xT * xT + co2c2 * xT - co2c3; // m s-1, eq. 6
        double sigma = conductance * (xc - gamma); // CO2-limited rate, eq. 6
        double light = radPhot * vI; // light-limited rate, eq. 6
        double denominator = light + sigma;
        return denominator == 0.0 ? 0.0 : light * sigma / denominator;
    }

    /**
     * Temperature factor of maintenance respiration, r(T) = 2^(0.1 T − 2.5) [-] (Q10 = 2, 1 at 25 °C): Van
     * Henten (2003) eqs. 2 and 3.
     *
     * @param tempC indoor air temperature [°C]
     */
    public static double respirationFactor(double tempC) {
        // 2^y as e^(y ln 2): within 1 ulp of Math.pow(2, y) over 5 to 40 C, at half its cost
        return Math.exp(LN2 * (0.1 * tempC - 2.5));
    }

    /**
     * The vapour density the canopy transpires towards [kg m⁻³] at {@code tempC} [°C], the bracketed term
     * of eq. 10: c_v,1 / (c_R (T + c_T,abs)) · exp(c_v,2 T / (T + c_v,3)). With the default c_v,1 = 9348
     * J m⁻³ this is about 85 % of saturation, not saturation itself.
     */
    public double transpirationTargetDensity(double tempC) {
        return v1 / (GAS_CONSTANT_KMOL * (tempC + ZERO_CELSIUS)) * Math.exp(v2 * tempC / (tempC + v3));
    }

    /** Indoor CO2 [ppm] of state {@code x}, converted at the indoor temperature ({@link LettuceUnits#co2Ppm}). */
    public double indoorCo2Ppm(double[] x) {
        return LettuceUnits.co2Ppm(x[CO2], x[TEMPERATURE]);
    }

    /**
     * Indoor relative humidity [%] of state {@code x} ({@link LettuceUnits#relativeHumidity} at the indoor
     * temperature). Not capped: the state may hold more vapour than saturation (the model has no
     * condensation), and then this exceeds 100.
     */
    public double indoorRelativeHumidity(double[] x) {
        return LettuceUnits.relativeHumidity(x[HUMIDITY], x[TEMPERATURE]);
    }

    /**
     * Indoor relative humidity [%] as the benchmark observes it: {@link #indoorRelativeHumidity} capped at
     * 100 (RL-SMPC {@code g_measure}, y4). The benchmark's humidity penalty is computed from this value.
     */
    public double measuredRelativeHumidity(double[] x) {
        return Math.min(100.0, indoorRelativeHumidity(x));
    }

    /** Outdoor CO2 V_c [kg m⁻³] of weather sample {@code d}, as {@link #derivatives} reads it. */
    public double outdoorCo2Density(double[] d) {
        return LettuceUnits.co2Density(d[D_CO2], d[D_TEMPERATURE]);
    }

    /** Outdoor humidity V_h [kg m⁻³] of weather sample {@code d}, as {@link #derivatives} reads it. */
    public double outdoorVapourDensity(double[] d) {
        return LettuceUnits.vapourDensity(d[D_RH], d[D_TEMPERATURE]);
    }
}
