package systems.rala.twin.tomato;

import java.util.List;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.model.Variable;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The GreenLight tomato greenhouse: the Vanthoor (2011) greenhouse climate model (thesis ch. 8; Biosystems
 * Engineering 110:363–377) with the lamp, inter-light, blackout-screen and grow-pipe extensions of Katzin et
 * al. (2020, Biosystems Engineering 194:61–81) and Katzin (2021, PhD thesis ch. 7), and the simplified
 * Vanthoor tomato crop (thesis ch. 9). Equations and names follow GreenLight v2 (github davkat1/GreenLight),
 * the reference implementation, so trajectories compare variable by variable.
 *
 * <p>27 physical states (temperatures in °C, vapour pressures in Pa, CO2 in mg m⁻³, carbohydrates in mg{CH2O}
 * m⁻², temperature sum in °C·day) followed by 12 accumulators: integrals of energy use, CO2 dosed, harvest,
 * transpiration and light for accounting, and of the boundary fluxes for the energy, vapour and carbon
 * balance checks.
 * Accumulators feed nothing back and carry error weight 0.
 *
 * <p>Inputs are the actuator positions, each in [0, 1], held constant by the caller between control steps:
 * the model contains no controller (GreenLight's rule-based controller lives in policy-runtime). The subsystem
 * equations are in {@link CoverOptics}, {@link ShortWave}, {@link FarInfrared}, {@link Convection}, {@link
 * Ventilation}, {@link Vapour} and {@link Crop}; this class wires them into the balances.
 */
public final class TomatoModel implements GreenhouseModel {

    // --- state indices
    public static final int T_CAN = 0;
    public static final int T_AIR = 1;
    public static final int T_FLR = 2;
    public static final int T_SO1 = 3;
    public static final int T_SO2 = 4;
    public static final int T_SO3 = 5;
    public static final int T_SO4 = 6;
    public static final int T_SO5 = 7;
    public static final int T_TH_SCR = 8;
    public static final int T_BL_SCR = 9;
    public static final int T_TOP = 10;
    public static final int T_COV_IN = 11;
    public static final int T_COV_E = 12;
    public static final int T_PIPE = 13;
    public static final int T_GRO_PIPE = 14;
    public static final int T_LAMP = 15;
    public static final int T_INT_LAMP = 16;
    public static final int VP_AIR = 17;
    public static final int VP_TOP = 18;
    public static final int CO2_AIR = 19;
    public static final int CO2_TOP = 20;
    public static final int C_BUF = 21;
    public static final int C_LEAF = 22;
    public static final int C_STEM = 23;
    public static final int C_FRUIT = 24;
    public static final int T_CAN_SUM = 25;
    public static final int T_CAN_24 = 26;
    /** Number of physical states; accumulators follow. */
    public static final int PHYSICAL_STATES = 27;
    // --- accumulators
    public static final int E_BOIL = 27;
    public static final int E_LAMP = 28;
    public static final int M_CO2_DOSED = 29;
    public static final int M_FRUIT_HARVEST = 30;
    public static final int M_LEAF_HARVEST = 31;
    public static final int M_TRANSPIRED = 32;
    public static final int E_EXTERNAL = 33;
    public static final int E_CAN_STORED = 34;
    public static final int MV_EXTERNAL = 35;
    public static final int MV_STORED = 36;
    public static final int MC_EXTERNAL = 37;
    public static final int PAR_ABOVE_CANOPY = 38;
    /** Total state dimension. */
    public static final int DIMENSION = 39;

    // --- input indices
    public static final int U_BOIL = 0;
    public static final int U_BOIL_GRO = 1;
    public static final int U_TH_SCR = 2;
    public static final int U_BL_SCR = 3;
    public static final int U_ROOF = 4;
    public static final int U_SIDE = 5;
    public static final int U_LAMP = 6;
    public static final int U_INT_LAMP = 7;
    public static final int U_EXT_CO2 = 8;
    /** Number of inputs. */
    public static final int INPUTS = 9;

    private static final List<Variable> STATES = List.of(
            state("tCan", "C", "canopy temperature", "V eq. 8.1, K20 eq. A1", -50, 80),
            state("tAir", "C", "air temperature of the main compartment", "V eq. 8.2, K20 eq. A1", -50, 80),
            state("tFlr", "C", "floor temperature", "V eq. 8.3", -50, 80),
            state("tSo1", "C", "soil layer 1 temperature (0.04 m)", "V eq. 8.4", -50, 80),
            state("tSo2", "C", "soil layer 2 temperature (0.08 m)", "V eq. 8.4", -50, 80),
            state("tSo3", "C", "soil layer 3 temperature (0.16 m)", "V eq. 8.4", -50, 80),
            state("tSo4", "C", "soil layer 4 temperature (0.32 m)", "V eq. 8.4", -50, 80),
            state("tSo5", "C", "soil layer 5 temperature (0.64 m)", "V eq. 8.4", -50, 80),
            state("tThScr", "C", "thermal screen temperature", "V eq. 8.5, K20 eq. A1", -50, 80),
            state("tBlScr", "C", "blackout screen temperature", "K20 eq. A1", -50, 80),
            state("tTop", "C", "air temperature of the top compartment (above the screens)", "V eq. 8.6", -50, 80),
            state("tCovIn", "C", "internal cover temperature", "V eq. 8.7", -50, 80),
            state("tCovE", "C", "external cover temperature", "V eq. 8.8", -50, 80),
            state("tPipe", "C", "pipe-rail heating pipe temperature", "V eq. 8.9", -50, 150),
            state("tGroPipe", "C", "grow pipe temperature", "K20 eq. A1", -50, 150),
            state("tLamp", "C", "top-light temperature", "K20 eq. A1", -50, 200),
            state("tIntLamp", "C", "inter-light temperature", "K21 eq. 7.1", -50, 200),
            state("vpAir", "Pa", "vapour pressure of the main compartment", "V eq. 8.10", 0, 20000),
            state("vpTop", "Pa", "vapour pressure of the top compartment", "V eq. 8.11", 0, 20000),
            state("co2Air", "mg m-3", "CO2 concentration of the main compartment", "V eq. 8.12", 0, 20000),
            state("co2Top", "mg m-3", "CO2 concentration of the top compartment", "V eq. 8.13", 0, 20000),
            state("cBuf", "mg m-2", "carbohydrates in the crop's buffer (CH2O)", "V eq. 9.1", -1e6, 1e7),
            state("cLeaf", "mg m-2", "carbohydrates in leaves (CH2O)", "V eq. 9.4", 0, 1e7),
            state("cStem", "mg m-2", "carbohydrates in stems (CH2O)", "V eq. 9.6", 0, 1e8),
            state(
                    "cFruit",
                    "mg m-2",
                    "carbohydrates in fruit on the plants (CH2O)",
                    "V eq. 9.2 simplified, K20 eq. A44",
                    0,
                    1e7),
            state("tCanSum", "C day", "canopy temperature sum since planting", "V eq. 9.8", -1e4, 1e5),
            state("tCan24", "C", "24-hour mean canopy temperature (first-order filter)", "V eq. 9.9", -50, 80),
            accumulator("eBoil", "J m-2", "heat delivered by the boiler to pipe rail and grow pipes"),
            accumulator("eLamp", "J m-2", "electricity used by top-lights and inter-lights"),
            accumulator("mCo2Dosed", "mg m-2", "CO2 dosed from the external source"),
            accumulator("mFruitHarvest", "mg m-2", "fruit harvested (CH2O, dry matter)"),
            accumulator("mLeafHarvest", "mg m-2", "leaves pruned (CH2O)"),
            accumulator("mTranspired", "kg m-2", "water transpired by the crop"),
            accumulator("eExternal", "J m-2", "net energy entering across the system boundary (balance check)"),
            accumulator("eCanStored", "J m-2", "heat stored in the canopy, integral of capCan dtCan (balance check)"),
            accumulator("mvExternal", "kg m-2", "net vapour entering the air volumes (balance check)"),
            accumulator(
                    "mvStored", "kg m-2", "vapour stored in the air volumes, integral of capVp dvp (balance check)"),
            accumulator("mcExternal", "mg m-2", "net CO2 entering the greenhouse (balance check)"),
            accumulator(
                    "parAboveCanopy", "mol m-2", "PAR photons reaching the canopy from sun and lamps (for the DLI)"));

    private static final List<Variable> INPUT_VARS = List.of(
            input("uBoil", "boiler valve to the pipe rail (heat = uBoil pBoil / aFlr)", "V eq. 8.56"),
            input("uBoilGro", "boiler valve to the grow pipes", "K21 eq. 7.48"),
            input("uThScr", "thermal screen closure", "V eq. 8.5, p. 208"),
            input("uBlScr", "blackout screen closure", "K20 eq. A9"),
            input("uRoof", "roof vent opening", "V eq. 8.65"),
            input("uSide", "side vent opening (no effect when aSide = 0)", "V eq. 8.67"),
            input("uLamp", "top-lights on (electric input = uLamp thetaLampMax)", "K21 eq. 7.8"),
            input("uIntLamp", "inter-lights on", "K21 eq. 7.15"),
            input("uExtCo2", "CO2 valve of the external source", "V eq. 8.77"));

    private static final List<WeatherVariable> DISTURBANCES = List.of(
            WeatherVariable.GLOBAL_RADIATION,
            WeatherVariable.AIR_TEMPERATURE,
            WeatherVariable.VAPOUR_PRESSURE,
            WeatherVariable.CO2,
            WeatherVariable.WIND_SPEED,
            WeatherVariable.SKY_TEMPERATURE,
            WeatherVariable.SOIL_TEMPERATURE);

    private final String id;
    private final Parameters parameters;
    private final TomatoConstants c;
    private final Aux a = new Aux();

    /** A model with the given parameters (see {@link TomatoParameters}); {@code id} names it in outputs. */
    public TomatoModel(String id, Parameters parameters) {
        this.id = id;
        this.parameters = parameters;
        this.c = new TomatoConstants(parameters);
    }

    /** The Katzin (2021) LED greenhouse. */
    public static TomatoModel led() {
        return new TomatoModel("tomato-led", TomatoParameters.katzin2021Led());
    }

    /** The Katzin (2021) HPS greenhouse. */
    public static TomatoModel hps() {
        return new TomatoModel("tomato-hps", TomatoParameters.katzin2021Hps());
    }

    /** The same model at another elevation [m] (GreenLight takes hElevation from the weather file). */
    public TomatoModel with(double elevationM) {
        return new TomatoModel(id, parameters.with("hElevation", elevationM));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<Variable> states() {
        return STATES;
    }

    @Override
    public List<Variable> inputs() {
        return INPUT_VARS;
    }

    @Override
    public List<WeatherVariable> disturbances() {
        return DISTURBANCES;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public double errorWeight(int state) {
        return state < PHYSICAL_STATES ? 1.0 : 0.0;
    }

    /**
     * GreenLight v2's initial state (main_katzin_2021.json): a young crop of 3.12 plants m⁻² at 2 g (70 %
     * leaves, 25 % stems, 5 % fruit), a full buffer, air at 16.5 °C and 90 % RH, a soil profile towards the
     * outer soil, CO2 at 722 mg m⁻³. Accumulators start at zero.
     */
    @Override
    public void initialState(double[] x) {
        java.util.Arrays.fill(x, 0, DIMENSION, 0.0);
        x[T_CAN] = 20.5;
        for (int i : new int[] {
            T_AIR, T_FLR, T_SO1, T_TH_SCR, T_BL_SCR, T_TOP, T_COV_IN, T_COV_E, T_PIPE, T_GRO_PIPE, T_LAMP, T_INT_LAMP
        }) {
            x[i] = 16.5;
        }
        x[T_SO2] = 13.364;
        x[T_SO3] = 10.228;
        x[T_SO4] = 7.092;
        x[T_SO5] = 3.956;
        x[VP_AIR] = 1681.91;
        x[VP_TOP] = 1313;
        x[CO2_AIR] = 722;
        x[CO2_TOP] = 722;
        x[C_BUF] = 20_000;
        x[C_LEAF] = 4368;
        x[C_STEM] = 1560;
        x[C_FRUIT] = 312;
        x[T_CAN_SUM] = 0;
        x[T_CAN_24] = 20.5;
    }

    /** CO2 concentration [mg m⁻³] of mole fraction {@code ppm} at {@code tempC}, as GreenLight converts weather. */
    public static double co2MgPerM3(double ppm, double tempC) {
        return ppm * 101325 * 44.01e-3 / (8.314 * (tempC + 273.15));
    }

    /** CO2 mole fraction [ppm] of {@code mgM3} at {@code tempC} (GreenLight's co2dens2ppm, 1 atm). */
    public static double co2Ppm(double mgM3, double tempC) {
        return 8.3144598 * (tempC + 273.15) * mgM3 / (101325 * 44.01e-3);
    }

    /** Relative humidity [%] of the main compartment, with the model's saturation curve (GreenLight's rhIn). */
    public static double relativeHumidity(double[] x) {
        return 100 * x[VP_AIR] / Psychrometrics.saturationVapourPressureTetens(x[T_AIR]);
    }

    /** Vapour pressure deficit [kPa] of the main compartment's air, with the model's saturation curve. */
    public static double vpdKpa(double[] x) {
        return (Psychrometrics.saturationVapourPressureTetens(x[T_AIR]) - x[VP_AIR]) / 1000;
    }

    /** CO2 mole fraction [ppm] of the main compartment (GreenLight's co2InPpm). */
    public static double co2Ppm(double[] x) {
        return co2Ppm(x[CO2_AIR], x[T_AIR]);
    }

    /** Fresh fruit harvested so far [kg m⁻²]: dry matter over the dry matter content (dmcFruit). */
    public double freshYieldKg(double[] x) {
        return 1e-6 * x[M_FRUIT_HARVEST] / c.dmcFruit;
    }

    @Override
    public void derivatives(double t, double[] x, double[] u, double[] d, double[] dx) {
        Aux a = this.a;
        TomatoConstants c = this.c;
        double tCan = x[T_CAN];
        double tAir = x[T_AIR];
        double tFlr = x[T_FLR];
        double tThScr = x[T_TH_SCR];
        double tBlScr = x[T_BL_SCR];
        double tTop = x[T_TOP];
        double tCovIn = x[T_COV_IN];
        double tCovE = x[T_COV_E];
        double tPipe = x[T_PIPE];
        double tGroPipe = x[T_GRO_PIPE];
        double tLamp = x[T_LAMP];
        double tIntLamp = x[T_INT_LAMP];
        double vpAir = x[VP_AIR];
        double vpTop = x[VP_TOP];
        double co2Air = x[CO2_AIR];
        double co2Top = x[CO2_TOP];
        double uThScr = u[U_TH_SCR];
        double uBlScr = u[U_BL_SCR];

        a.iGlob = d[WeatherVariable.GLOBAL_RADIATION.ordinal()];
        a.tOut = d[WeatherVariable.AIR_TEMPERATURE.ordinal()];
        a.vpOut = d[WeatherVariable.VAPOUR_PRESSURE.ordinal()];
        a.co2Out = co2MgPerM3(d[WeatherVariable.CO2.ordinal()], a.tOut);
        a.wind = d[WeatherVariable.WIND_SPEED.ordinal()];
        a.tSky = d[WeatherVariable.SKY_TEMPERATURE.ordinal()];
        a.tSoOut = d[WeatherVariable.SOIL_TEMPERATURE.ordinal()];
        a.lai = c.sla * x[C_LEAF]; // V eq. 9.5
        a.co2InPpm = co2Ppm(co2Air, tAir);

        CoverOptics.compute(c, uThScr, uBlScr, a);
        ShortWave.compute(c, u[U_LAMP], u[U_INT_LAMP], a);
        FarInfrared.compute(
                c, tCan, tFlr, tThScr, tBlScr, tCovIn, tCovE, tPipe, tGroPipe, tLamp, tIntLamp, uThScr, uBlScr, a);
        Ventilation.compute(c, tAir, tTop, uThScr, uBlScr, u[U_ROOF], u[U_SIDE], a);
        Convection.compute(
                c, tCan, tAir, tFlr, x[T_SO1], x[T_SO2], x[T_SO3], x[T_SO4], x[T_SO5], tThScr, tBlScr, tTop, tCovIn,
                tCovE, tPipe, tGroPipe, tLamp, tIntLamp, uThScr, uBlScr, a);
        Vapour.compute(c, tCan, tAir, tThScr, tBlScr, tTop, tCovIn, vpAir, vpTop, co2Air, uThScr, uBlScr, a);
        Crop.compute(c, tCan, x[C_BUF], x[C_LEAF], x[C_STEM], x[C_FRUIT], x[T_CAN_SUM], x[T_CAN_24], a);
        // heating and CO2 (V eqs. 8.56, 8.77) and CO2 air exchange (V eq. 8.46, pp. 216-217)
        a.hBoilPipe = u[U_BOIL] * c.pBoil / c.aFlr;
        a.hBoilGroPipe = u[U_BOIL_GRO] * c.pBoilGro / c.aFlr;
        a.mcExtAir = u[U_EXT_CO2] * c.phiExtCo2 / c.aFlr;
        a.mcAirTop = Math.abs(a.fScr) * (co2Air - co2Top);
        a.mcAirOut = Math.abs(a.fVentSide) * (co2Air - a.co2Out);
        a.mcTopOut = Math.abs(a.fVentRoof) * (co2Top - a.co2Out);

        // --- energy balances (V eqs. 8.1-8.9; K21 eq. 7.1)
        double capCan = c.capLeaf * Math.max(a.lai, 1e-9);
        double qCan = a.rParSunCan
                + a.rNirSunCan
                + a.rParLampCan
                + a.rNirLampCan
                + a.rFirLampCan
                + a.rParIntLampCan
                + a.rNirIntLampCan
                + a.rFirIntLampCan
                + a.rPipeCan
                + a.rGroPipeCan
                - a.hCanAir
                - a.lCanAir
                - a.rCanCovIn
                - a.rCanFlr
                - a.rCanSky
                - a.rCanThScr
                - a.rCanBlScr;
        double qAir = a.hCanAir
                + a.hPipeAir
                + a.hGroPipeAir
                + a.hLampAir
                + a.hIntLampAir
                + a.rGlobSunAir
                + a.rLampAir
                + a.rIntLampAir
                - a.hAirFlr
                - a.hAirThScr
                - a.hAirBlScr
                - a.hAirOut
                - a.hAirTop;
        double qFlr = a.hAirFlr
                + a.rParSunFlr
                + a.rNirSunFlr
                + a.rCanFlr
                + a.rPipeFlr
                + a.rParLampFlr
                + a.rNirLampFlr
                + a.rFirLampFlr
                + a.rParIntLampFlr
                + a.rNirIntLampFlr
                + a.rFirIntLampFlr
                - a.hFlrSo1
                - a.rFlrCovIn
                - a.rFlrSky
                - a.rFlrThScr
                - a.rFlrBlScr;
        double qThScr = a.hAirThScr
                + a.lAirThScr
                + a.rCanThScr
                + a.rFlrThScr
                + a.rPipeThScr
                + a.rBlScrThScr
                + a.rLampThScr
                + a.rIntLampThScr
                - a.hThScrTop
                - a.rThScrCovIn
                - a.rThScrSky;
        double qBlScr = a.hAirBlScr
                + a.lAirBlScr
                + a.rCanBlScr
                + a.rFlrBlScr
                + a.rPipeBlScr
                + a.rLampBlScr
                + a.rIntLampBlScr
                - a.hBlScrTop
                - a.rBlScrCovIn
                - a.rBlScrSky
                - a.rBlScrThScr;
        double qTop = a.hThScrTop + a.hBlScrTop + a.hAirTop - a.hTopCovIn - a.hTopOut;
        double qCovIn = a.hTopCovIn
                + a.lTopCovIn
                + a.rCanCovIn
                + a.rFlrCovIn
                + a.rPipeCovIn
                + a.rThScrCovIn
                + a.rBlScrCovIn
                + a.rLampCovIn
                + a.rIntLampCovIn
                - a.hCovInCovE;
        double qCovE = a.rGlobSunCovE + a.hCovInCovE - a.hCovEOut - a.rCovESky;
        double qPipe = a.hBoilPipe
                + a.rLampPipe
                + a.rIntLampPipe
                - a.hPipeAir
                - a.rPipeSky
                - a.rPipeCovIn
                - a.rPipeCan
                - a.rPipeFlr
                - a.rPipeThScr
                - a.rPipeBlScr;
        double qGroPipe = a.hBoilGroPipe - a.rGroPipeCan - a.hGroPipeAir;
        double qLamp = a.qLampIn
                + a.rIntLampLamp
                - a.rParLampCan
                - a.rNirLampCan
                - a.rParLampFlr
                - a.rNirLampFlr
                - a.rLampAir
                - a.rFirLampCan
                - a.rFirLampFlr
                - a.rLampPipe
                - a.rLampSky
                - a.rLampCovIn
                - a.rLampThScr
                - a.rLampBlScr
                - a.hLampAir
                - a.hLampCool;
        double qIntLamp = a.qIntLampIn
                - a.rParIntLampCan
                - a.rNirIntLampCan
                - a.rParIntLampFlr
                - a.rNirIntLampFlr
                - a.rIntLampAir
                - a.rFirIntLampCan
                - a.rFirIntLampFlr
                - a.rIntLampPipe
                - a.rIntLampSky
                - a.rIntLampCovIn
                - a.rIntLampThScr
                - a.rIntLampBlScr
                - a.rIntLampLamp
                - a.hIntLampAir;
        dx[T_CAN] = qCan / capCan;
        dx[T_AIR] = qAir / c.capAir;
        dx[T_FLR] = qFlr / c.capFlr;
        dx[T_SO1] = (a.hFlrSo1 - a.hSo1So2) / c.capSo1;
        dx[T_SO2] = (a.hSo1So2 - a.hSo2So3) / c.capSo2;
        dx[T_SO3] = (a.hSo2So3 - a.hSo3So4) / c.capSo3;
        dx[T_SO4] = (a.hSo3So4 - a.hSo4So5) / c.capSo4;
        dx[T_SO5] = (a.hSo4So5 - a.hSo5SoOut) / c.capSo5;
        dx[T_TH_SCR] = qThScr / c.capThScr;
        dx[T_BL_SCR] = qBlScr / c.capBlScr;
        dx[T_TOP] = qTop / c.capTop;
        dx[T_COV_IN] = qCovIn / c.capCovIn;
        dx[T_COV_E] = qCovE / c.capCovE;
        dx[T_PIPE] = qPipe / c.capPipe;
        dx[T_GRO_PIPE] = qGroPipe / c.capGroPipe;
        dx[T_LAMP] = qLamp / c.capLamp;
        dx[T_INT_LAMP] = qIntLamp / c.capIntLamp;

        // --- vapour balances (V eqs. 8.10-8.11): capacity M_w h / (R T)
        double capVpAir = c.mWater * c.hAir / (c.gasR * (tAir + 273.15));
        double capVpTop = c.mWater * (c.hGh - c.hAir) / (c.gasR * (tTop + 273.15));
        double mvAirNet = a.mvCanAir - a.mvAirThScr - a.mvAirBlScr - a.mvAirTop - a.mvAirOut;
        double mvTopNet = a.mvAirTop - a.mvTopCovIn - a.mvTopOut;
        dx[VP_AIR] = mvAirNet / capVpAir;
        dx[VP_TOP] = mvTopNet / capVpTop;

        // --- CO2 balances (V eqs. 8.12-8.13)
        dx[CO2_AIR] = (a.mcExtAir - a.mcAirCan - a.mcAirTop - a.mcAirOut) / c.capCo2Air;
        dx[CO2_TOP] = (a.mcAirTop - a.mcTopOut) / c.capCo2Top;

        // --- crop (V eqs. 9.1, 9.2, 9.4, 9.6, 9.8, 9.9)
        dx[C_BUF] = a.mcAirBuf - a.mcBufFruit - a.mcBufLeaf - a.mcBufStem - a.mcBufAir;
        dx[C_LEAF] = a.mcBufLeaf - a.mcLeafAir - a.mcLeafHar;
        dx[C_STEM] = a.mcBufStem - a.mcStemAir;
        dx[C_FRUIT] = a.mcBufFruit - a.mcFruitAir - a.mcFruitHar;
        dx[T_CAN_SUM] = tCan / 86400;
        dx[T_CAN_24] = (tCan - x[T_CAN_24]) / 86400;

        // --- accumulators
        dx[E_BOIL] = a.hBoilPipe + a.hBoilGroPipe;
        dx[E_LAMP] = a.qLampIn + a.qIntLampIn;
        dx[M_CO2_DOSED] = a.mcExtAir;
        dx[M_FRUIT_HARVEST] = a.mcFruitHar;
        dx[M_LEAF_HARVEST] = a.mcLeafHar;
        dx[M_TRANSPIRED] = a.mvCanAir;
        // everything that crosses the boundary of the sensible-heat system, with the latent heat of
        // transpiration and condensation counted as exchange with the vapour phase
        dx[E_EXTERNAL] = a.rParSunCan
                + a.rNirSunCan
                + a.rParSunFlr
                + a.rNirSunFlr
                + a.rGlobSunAir
                + a.rGlobSunCovE
                + a.qLampIn
                + a.qIntLampIn
                + a.hBoilPipe
                + a.hBoilGroPipe
                - a.hAirOut
                - a.hTopOut
                - a.hCovEOut
                - a.hSo5SoOut
                - a.hLampCool
                - a.rCovESky
                - a.rCanSky
                - a.rPipeSky
                - a.rFlrSky
                - a.rThScrSky
                - a.rBlScrSky
                - a.rLampSky
                - a.rIntLampSky
                - a.lCanAir
                + a.lAirThScr
                + a.lAirBlScr
                + a.lTopCovIn;
        dx[E_CAN_STORED] = capCan * dx[T_CAN];
        dx[MV_EXTERNAL] = a.mvCanAir - a.mvAirThScr - a.mvAirBlScr - a.mvTopCovIn - a.mvAirOut - a.mvTopOut;
        dx[MV_STORED] = capVpAir * dx[VP_AIR] + capVpTop * dx[VP_TOP];
        dx[MC_EXTERNAL] = a.mcExtAir - a.mcAirOut - a.mcTopOut;
        dx[PAR_ABOVE_CANOPY] = 1e-6
                * (c.parJtoUmolSun * a.rParGhSun + c.zetaLampPar * a.rParGhLamp + c.zetaIntLampPar * a.rParGhIntLamp);
    }

    /**
     * The fluxes of the last {@link #derivatives} call, for tests, balance checks and diagnostics (read-only
     * use; valid until the next call).
     */
    Aux lastFluxes() {
        return a;
    }

    /** The derived constants of this model's parameters. */
    TomatoConstants constants() {
        return c;
    }

    private static Variable state(String name, String unit, String description, String source, double min, double max) {
        return new Variable(name, unit, description, source, min, max);
    }

    private static Variable accumulator(String name, String unit, String description) {
        return Variable.of(name, unit, description, "RALA accounting");
    }

    private static Variable input(String name, String description, String source) {
        return new Variable(name, "-", description, source, 0, 1);
    }
}
