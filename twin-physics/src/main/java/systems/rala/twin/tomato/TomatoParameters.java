package systems.rala.twin.tomato;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;

/**
 * The parameters of the GreenLight tomato greenhouse: Vanthoor (2011) chapter 8 (greenhouse) and chapter 9
 * (simplified tomato), with the lamp extension of Katzin et al. (2020) and the modern 4-ha Dutch Venlo
 * greenhouse of Katzin et al. (2021, Applied Energy 281:116019; Katzin 2021 PhD thesis Table 4.2 and ch. 7).
 *
 * <p>Source keys: "V Tab 8.1" = Vanthoor (2011) thesis Table 8.1 (physical constants), "V Tab 8.2" its
 * Table 8.2 (Dutch greenhouse), "V Tab 9.1/9.2" the crop tables, "K21 Tab 4.2" / "K21 Tab 7.x" Katzin (2021)
 * thesis tables, "K20 Tab 1" Katzin et al. (2020) Biosystems Engineering 194:61–81. Names are GreenLight's,
 * so parameter files and outputs compare one to one with the reference implementation.
 *
 * <p>The default set is the LED scenario of Katzin (2021); {@link #katzin2021Hps()} overrides the eight lamp
 * parameters of its HPS scenario. Elements absent from the Dutch Venlo greenhouse (external shading screen,
 * whitewash, pad-and-fan, fogging, mechanical cooling, direct-air heaters, geothermal and industrial heat) are
 * not modelled: with their GreenLight defaults they contribute exactly nothing.
 */
public final class TomatoParameters {

    private TomatoParameters() {}

    private static final List<ParameterSpec> SPECS = buildSpecs();

    /** Every parameter of the model, in declaration order. */
    public static List<ParameterSpec> specs() {
        return SPECS;
    }

    private static List<ParameterSpec> buildSpecs() {
        List<ParameterSpec> s = new ArrayList<>();
        // --- physical constants and crop physics (Vanthoor 2011 Table 8.1)
        add(s, "alfaLeafAir", 5, "W m-2 K-1", "convective heat exchange coefficient leaf-air", "V Tab 8.1", 0.1, 50);
        add(s, "L", 2.45e6, "J kg-1", "latent heat of evaporation", "V Tab 8.1", 2.2e6, 2.6e6);
        add(
                s,
                "sigma",
                5.67e-8,
                "W m-2 K-4",
                "Stefan-Boltzmann constant (GreenLight's value)",
                "V Tab 8.1",
                5.6e-8,
                5.7e-8);
        add(s, "epsCan", 1, "-", "FIR emission coefficient of the canopy", "V Tab 8.1", 0, 1);
        add(s, "epsSky", 1, "-", "FIR emission coefficient of the sky", "V Tab 8.1", 0, 1);
        add(s, "etaGlobPar", 0.5, "-", "PAR fraction of global radiation", "V Tab 8.1", 0, 1);
        add(s, "etaGlobNir", 0.5, "-", "NIR fraction of global radiation", "V Tab 8.1", 0, 1);
        add(
                s,
                "etaMgPpm",
                0.554,
                "ppm mg-1 m3",
                "CO2 conversion mg m-3 to ppm used in stomatal resistance",
                "V Tab 8.1",
                0.4,
                0.7);
        add(
                s,
                "etaRoofThr",
                0.9,
                "-",
                "roof/total vent area ratio above which there is no chimney effect",
                "V Tab 8.1",
                0,
                1);
        add(s, "rhoAir0", 1.2, "kg m-3", "air density at sea level", "V Tab 8.1", 1.0, 1.4);
        add(s, "rhoCanPar", 0.07, "-", "PAR reflection coefficient of the canopy", "V Tab 8.1", 0, 1);
        add(s, "rhoCanNir", 0.35, "-", "NIR reflection coefficient of the canopy", "V Tab 8.1", 0, 1);
        add(s, "rhoSteel", 7850, "kg m-3", "density of steel", "V Tab 8.1", 7000, 8500);
        add(s, "rhoWater", 1000, "kg m-3", "density of water", "V Tab 8.1", 950, 1050);
        add(s, "gammaPsych", 65.8, "Pa K-1", "psychrometric constant", "V Tab 8.1", 60, 70);
        add(s, "capLeaf", 1200, "J K-1 m-2 leaf", "heat capacity of leaves", "V Tab 8.1", 100, 5000);
        add(s, "cEvap1", 4.3, "W m-2", "radiation coefficient of stomatal resistance", "V Tab 8.1", 0, 100);
        add(s, "cEvap2", 0.54, "W m-2", "radiation coefficient of stomatal resistance", "V Tab 8.1", 0, 100);
        add(s, "cEvap3Day", 6.1e-7, "ppm-2", "CO2 coefficient of stomatal resistance, day", "V Tab 8.1", 0, 1e-4);
        add(s, "cEvap3Night", 1.1e-11, "ppm-2", "CO2 coefficient of stomatal resistance, night", "V Tab 8.1", 0, 1e-4);
        add(
                s,
                "cEvap4Day",
                4.3e-6,
                "Pa-2",
                "vapour pressure coefficient of stomatal resistance, day",
                "V Tab 8.1",
                0,
                1e-3);
        add(
                s,
                "cEvap4Night",
                5.2e-6,
                "Pa-2",
                "vapour pressure coefficient of stomatal resistance, night",
                "V Tab 8.1",
                0,
                1e-3);
        add(s, "cPAir", 1000, "J kg-1 K-1", "specific heat of air", "V Tab 8.1", 900, 1100);
        add(s, "cPSteel", 640, "J kg-1 K-1", "specific heat of steel", "V Tab 8.1", 400, 700);
        add(s, "cPWater", 4180, "J kg-1 K-1", "specific heat of water", "V Tab 8.1", 4000, 4300);
        add(s, "g", 9.81, "m s-2", "gravitational acceleration", "V Tab 8.1", 9.7, 9.9);
        add(s, "hSo1", 0.04, "m", "thickness of soil layer 1", "V Tab 8.1", 0.001, 1);
        add(s, "hSo2", 0.08, "m", "thickness of soil layer 2", "V Tab 8.1", 0.001, 2);
        add(s, "hSo3", 0.16, "m", "thickness of soil layer 3", "V Tab 8.1", 0.001, 2);
        add(s, "hSo4", 0.32, "m", "thickness of soil layer 4", "V Tab 8.1", 0.001, 4);
        add(s, "hSo5", 0.64, "m", "thickness of soil layer 5", "V Tab 8.1", 0.001, 4);
        add(
                s,
                "hSoOut",
                1.28,
                "m",
                "thickness of the soil between layer 5 and the outer soil boundary",
                "GreenLight (assumed)",
                0.01,
                10);
        add(s, "k1Par", 0.7, "-", "PAR extinction coefficient of the canopy", "V Tab 8.1", 0, 3);
        add(
                s,
                "k2Par",
                0.7,
                "-",
                "PAR extinction coefficient of the canopy for floor-reflected light",
                "V Tab 8.1",
                0,
                3);
        add(s, "kNir", 0.27, "-", "NIR extinction coefficient of the canopy", "V Tab 8.1", 0, 3);
        add(s, "kFir", 0.94, "-", "FIR extinction coefficient of the canopy", "V Tab 8.1", 0, 3);
        add(s, "mAir", 28.96, "kg kmol-1", "molar mass of air", "V Tab 8.1", 28, 30);
        add(s, "mWater", 18, "kg kmol-1", "molar mass of water", "V Tab 8.1", 17, 19);
        add(s, "R", 8314, "J kmol-1 K-1", "molar gas constant", "V Tab 8.1", 8300, 8330);
        add(
                s,
                "rCanSp",
                5,
                "W m-2",
                "radiation at which stomata switch from night to day behaviour",
                "V Tab 8.1",
                0,
                100);
        add(s, "rB", 275, "s m-1", "boundary layer resistance of the canopy for transpiration", "V Tab 8.1", 10, 2000);
        add(s, "rSMin", 82, "s m-1", "minimum canopy resistance for transpiration", "V Tab 8.1", 10, 2000);
        add(
                s,
                "sRsSlope",
                -1,
                "m2 W-1",
                "slope of the smoothed day/night switch of stomatal parameters",
                "V Tab 8.1",
                -100,
                -0.01);
        add(
                s,
                "parJtoUmolSun",
                4.6,
                "umol J-1",
                "conversion of sun PAR from J to umol photons",
                "V Tab 8.1 (2.3 / etaGlobPar)",
                4,
                5);
        // --- greenhouse construction and climate hardware (Katzin 2021 4-ha Venlo; Vanthoor Table 8.2)
        add(
                s,
                "etaGlobAir",
                0.1,
                "-",
                "fraction of global radiation absorbed by the construction (given to the air)",
                "V Tab 8.2",
                0,
                0.5);
        add(s, "psi", 22, "deg", "mean slope of the roof", "K21 Tab 4.2", 0, 60);
        add(s, "aCov", 4.84e4, "m2", "surface of the cover including side walls", "K21 Tab 4.2", 1, 1e7);
        add(s, "aFlr", 4e4, "m2", "floor area", "K21 Tab 4.2", 1, 1e7);
        add(s, "cHecIn", 1.86, "W m-2 K-1", "convective coefficient top air to internal cover", "V Tab 8.2", 0, 20);
        add(
                s,
                "cHecOut1",
                2.8,
                "W m-2 K-1",
                "convective coefficient cover to outside, constant part",
                "V Tab 8.2",
                0,
                20);
        add(s, "cHecOut2", 1.2, "J m-3 K-1", "convective coefficient cover to outside, wind part", "V Tab 8.2", 0, 20);
        add(s, "cHecOut3", 1, "-", "wind exponent of the cover to outside coefficient", "V Tab 8.2", 0, 3);
        add(s, "hAir", 6.3, "m", "height of the main compartment (below the screens)", "K21 Tab 4.2", 0.5, 20);
        add(s, "hGh", 6.9, "m", "mean height of the greenhouse", "K21 Tab 4.2", 0.5, 25);
        add(s, "hElevation", 0, "m", "altitude of the greenhouse above sea level", "V Tab 8.2", -500, 5000);
        add(s, "zetaInsScr", 1, "-", "porosity of the insect screen (1 = none)", "V Tab 8.2", 0.01, 1);
        add(s, "aRoof", 4676, "m2", "maximum roof ventilation area", "K21 Tab 4.2 (0.1169 of the floor)", 0, 1e7);
        add(s, "aSide", 0, "m2", "maximum side ventilation area", "V Tab 8.2", 0, 1e7);
        add(s, "cDgh", 0.75, "-", "ventilation discharge coefficient", "V Tab 8.2", 0, 2);
        add(s, "cLeakage", 1e-4, "-", "greenhouse leakage coefficient", "V Tab 8.2", 0, 1e-2);
        add(s, "cWgh", 0.09, "-", "ventilation global wind pressure coefficient", "V Tab 8.2", 0, 1);
        add(
                s,
                "hSideRoof",
                1,
                "m",
                "vertical distance between the mid-points of side and roof vents",
                "V Tab 8.2",
                0,
                20);
        add(s, "hVent", 1.3, "m", "vertical dimension of a single ventilation opening", "K21 Tab 4.2", 0.01, 5);
        add(s, "cLeakTop", 0.5, "-", "fraction of leakage through the top compartment", "K21 Tab 7.6", 0, 1);
        add(s, "lPipe", 1.25, "m m-2", "length of the pipe-rail heating pipes per floor area", "K21 Tab 4.2", 0, 5);
        add(s, "phiPipeE", 0.051, "m", "external diameter of the heating pipes", "V Tab 8.2", 0.001, 0.3);
        add(s, "phiPipeI", 0.047, "m", "internal diameter of the heating pipes", "V Tab 8.2", 0.001, 0.3);
        add(s, "epsPipe", 0.88, "-", "FIR emission coefficient of the heating pipes", "V Tab 8.2", 0, 1);
        add(
                s,
                "pBoil",
                1.2e7,
                "W",
                "capacity of the heating system (whole greenhouse; 300 W m-2)",
                "K21 Tab 4.2",
                0,
                1e10);
        add(
                s,
                "phiExtCo2",
                20.56e4,
                "mg s-1",
                "capacity of the external CO2 source (185 kg ha-1 h-1)",
                "K21 Tab 4.2",
                0,
                1e10);
        add(s, "lGroPipe", 1.655, "m m-2", "length of the grow pipes per floor area", "K20 Tab 1", 0, 5);
        add(s, "phiGroPipeE", 0.035, "m", "external diameter of the grow pipes", "K20 Tab 1", 0.001, 0.3);
        add(s, "phiGroPipeI", 0.0338, "m", "internal diameter of the grow pipes", "K20 Tab 1", 0.001, 0.3);
        add(
                s,
                "epsGroPipe",
                0,
                "-",
                "FIR emission coefficient of the grow pipes (0: no grow pipes)",
                "K21 Tab 7.6",
                0,
                1);
        add(s, "pBoilGro", 0, "W", "capacity of the grow-pipe heating (whole greenhouse)", "K21 Tab 7.6", 0, 1e10);
        // --- cover, screens, floor and soil (Vanthoor Table 8.2; Katzin 2021 Table 7.6)
        add(s, "rhoRf", 2600, "kg m-3", "density of the roof layer (glass)", "V Tab 8.2", 100, 5000);
        add(s, "cPRf", 840, "J kg-1 K-1", "specific heat of the roof layer", "V Tab 8.2", 100, 5000);
        add(s, "hRf", 0.004, "m", "thickness of the roof layer", "V Tab 8.2", 1e-4, 0.1);
        add(s, "lambdaRf", 1.05, "W m-1 K-1", "thermal conductivity of the roof layer", "V Tab 8.2", 0.01, 100);
        add(s, "tauRfPar", 0.85, "-", "PAR transmission coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "rhoRfPar", 0.13, "-", "PAR reflection coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "tauRfNir", 0.85, "-", "NIR transmission coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "rhoRfNir", 0.13, "-", "NIR reflection coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "tauRfFir", 0, "-", "FIR transmission coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "rhoRfFir", 0.15, "-", "FIR reflection coefficient of the roof", "V Tab 8.2", 0, 1);
        add(s, "tauThScrPar", 0.6, "-", "PAR transmission coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "rhoThScrPar", 0.35, "-", "PAR reflection coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "tauThScrNir", 0.6, "-", "NIR transmission coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "rhoThScrNir", 0.35, "-", "NIR reflection coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "tauThScrFir", 0.15, "-", "FIR transmission coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "rhoThScrFir", 0.18, "-", "FIR reflection coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "epsThScrFir", 0.67, "-", "FIR emission coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "rhoThScr", 200, "kg m-3", "density of the thermal screen", "V Tab 8.2", 1, 5000);
        add(s, "cPThScr", 1800, "J kg-1 K-1", "specific heat of the thermal screen", "V Tab 8.2", 100, 5000);
        add(s, "hThScr", 0.35e-3, "m", "thickness of the thermal screen", "V Tab 8.2", 1e-5, 0.01);
        add(s, "kThScr", 0.05e-3, "m3 m-2 K-0.66 s-1", "air flux coefficient of the thermal screen", "V Tab 8.2", 0, 1);
        add(s, "tauBlScrPar", 0.01, "-", "PAR transmission coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "rhoBlScrPar", 0.35, "-", "PAR reflection coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "tauBlScrNir", 0.01, "-", "NIR transmission coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "rhoBlScrNir", 0.35, "-", "NIR reflection coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "tauBlScrFir", 0.7, "-", "FIR transmission coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "epsBlScrFir", 0.67, "-", "FIR emission coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "rhoBlScr", 200, "kg m-3", "density of the blackout screen", "K21 Tab 7.6", 1, 5000);
        add(s, "cPBlScr", 1800, "J kg-1 K-1", "specific heat of the blackout screen", "K21 Tab 7.6", 100, 5000);
        add(s, "hBlScr", 0.35e-3, "m", "thickness of the blackout screen", "K21 Tab 7.6", 1e-5, 0.01);
        add(s, "kBlScr", 5e-5, "m3 m-2 K-0.66 s-1", "air flux coefficient of the blackout screen", "K21 Tab 7.6", 0, 1);
        add(s, "epsFlr", 1, "-", "FIR emission coefficient of the floor", "V Tab 8.2", 0, 1);
        add(s, "rhoFlr", 2300, "kg m-3", "density of the floor", "V Tab 8.2", 100, 5000);
        add(s, "cPFlr", 880, "J kg-1 K-1", "specific heat of the floor", "V Tab 8.2", 100, 5000);
        add(s, "hFlr", 0.02, "m", "thickness of the floor", "V Tab 8.2", 0.001, 1);
        add(s, "lambdaFlr", 1.7, "W m-1 K-1", "thermal conductivity of the floor", "V Tab 8.2", 0.01, 100);
        add(s, "rhoFlrPar", 0.65, "-", "PAR reflection coefficient of the floor", "V Tab 8.2", 0, 1);
        add(s, "rhoFlrNir", 0.5, "-", "NIR reflection coefficient of the floor", "V Tab 8.2", 0, 1);
        add(s, "rhoCpSo", 1.73e6, "J m-3 K-1", "volumetric heat capacity of the soil", "V Tab 8.2", 1e5, 5e6);
        add(s, "lambdaSo", 0.85, "W m-1 K-1", "thermal conductivity of the soil", "V Tab 8.2", 0.01, 10);
        // --- top-lights (Katzin 2021 LED; HPS values in katzin2021Hps())
        add(
                s,
                "thetaLampMax",
                200.0 / 3.0,
                "W m-2",
                "electric power of the top-lights per floor area",
                "K21 ch. 4 (200 umol m-2 s-1 at 3 umol J-1)",
                0,
                1000);
        add(s, "etaLampPar", 0.55, "-", "fraction of lamp electric input emitted as PAR", "K21 Tab 7.6 (LED)", 0, 1);
        add(s, "etaLampNir", 0.02, "-", "fraction of lamp electric input emitted as NIR", "K21 Tab 7.6 (LED)", 0, 1);
        add(s, "zetaLampPar", 5.4, "umol J-1", "photons per joule of lamp PAR", "K21 Tab 7.6 (LED)", 0, 10);
        add(s, "capLamp", 10, "J K-1 m-2", "heat capacity of the lamps", "K21 Tab 7.6 (LED)", 0.1, 1e4);
        add(s, "cHecLampAir", 2.3, "W m-2 K-1", "convective coefficient lamps-air", "K21 Tab 7.6 (LED)", 0, 100);
        add(s, "epsLampTop", 0.88, "-", "FIR emission coefficient of the lamps' top side", "K21 Tab 7.6 (LED)", 0, 1);
        add(
                s,
                "epsLampBottom",
                0.88,
                "-",
                "FIR emission coefficient of the lamps' bottom side",
                "K21 Tab 7.6 (LED)",
                0,
                1);
        add(s, "aLamp", 0.02, "m2 m-2", "projected area of the lamps per floor area", "K21 Tab 7.6", 0, 1);
        add(s, "rhoLampPar", 0, "-", "PAR reflection coefficient of the lamp layer", "K21 Tab 7.6", 0, 1);
        add(s, "rhoLampNir", 0, "-", "NIR reflection coefficient of the lamp layer", "K21 Tab 7.6", 0, 1);
        add(s, "etaLampCool", 0, "-", "fraction of lamp input removed by active cooling", "K21 Tab 7.6", 0, 1);
        // --- inter-lights (absent in Katzin 2021: zero power)
        add(
                s,
                "thetaIntLampMax",
                0,
                "W m-2",
                "electric power of the inter-lights per floor area",
                "K21 Tab 7.6",
                0,
                1000);
        add(s, "etaIntLampPar", 0.55, "-", "fraction of inter-light input emitted as PAR", "K21 Tab 7.6", 0, 1);
        add(s, "etaIntLampNir", 0.02, "-", "fraction of inter-light input emitted as NIR", "K21 Tab 7.6", 0, 1);
        add(s, "zetaIntLampPar", 5.41, "umol J-1", "photons per joule of inter-light PAR", "K21 Tab 7.6", 0, 10);
        add(s, "capIntLamp", 10, "J K-1 m-2", "heat capacity of the inter-lights", "K21 Tab 7.6", 0.1, 1e4);
        add(s, "cHecIntLampAir", 2.3, "W m-2 K-1", "convective coefficient inter-lights-air", "K21 Tab 7.6", 0, 100);
        add(s, "aIntLamp", 0, "m2 m-2", "inter-light area per floor area", "K21 Tab 7.6", 0, 1);
        add(s, "epsIntLamp", 0.88, "-", "FIR emission coefficient of the inter-lights", "K21 Tab 7.6", 0, 1);
        add(s, "tauIntLampFir", 1, "-", "FIR transmission of the inter-light layer", "K21 Tab 7.6", 0, 1);
        add(s, "fIntLampDown", 0.5, "-", "fraction of inter-light light emitted downwards", "K21 Tab 7.6", 0, 1);
        add(
                s,
                "vIntLampPos",
                0.5,
                "-",
                "vertical position of the inter-lights in the canopy (0 top, 1 bottom)",
                "K21 Tab 7.6",
                0,
                1);
        add(s, "k1IntPar", 1.4, "-", "PAR extinction coefficient for inter-light light", "K21 Tab 7.6", 0, 5);
        add(
                s,
                "k2IntPar",
                1.4,
                "-",
                "PAR extinction coefficient for floor-reflected inter-light light",
                "K21 Tab 7.6",
                0,
                5);
        add(s, "kIntNir", 0.54, "-", "NIR extinction coefficient for inter-light light", "K21 Tab 7.6", 0, 5);
        add(s, "kIntFir", 1.88, "-", "FIR extinction coefficient for inter-light exchange", "K21 Tab 7.6", 0, 5);
        // --- tomato crop (Vanthoor 2011 chapter 9, Tables 9.1 and 9.2, as simplified in GreenLight)
        add(s, "laiMax", 3, "m2 m-2", "maximum leaf area index (leaf pruning)", "V Tab 2.2", 0.5, 10);
        add(s, "sla", 2.66e-5, "m2 mg-1", "specific leaf area", "V Tab 9.1", 1e-6, 1e-4);
        add(s, "alpha", 0.385, "umol e umol-1 photons", "conversion factor of photons to electrons", "V Tab 9.1", 0, 1);
        add(s, "theta", 0.7, "-", "degree of curvature of the electron transport rate", "V Tab 9.1", 0.01, 0.99);
        add(s, "etaCo2AirStom", 0.67, "-", "ratio of stomatal to air CO2 concentration", "V Tab 9.1", 0.1, 1);
        add(s, "cGamma", 1.7, "umol mol-1 K-1", "temperature effect on the CO2 compensation point", "V Tab 9.1", 0, 10);
        add(
                s,
                "j25LeafMax",
                210,
                "umol m-2 s-1",
                "maximal rate of electron transport at 25 C per leaf area",
                "V Tab 9.1",
                10,
                1000);
        add(s, "eJ", 37e3, "J mol-1", "activation energy of the electron transport rate", "V Tab 9.1", 1e3, 1e5);
        add(s, "H", 22e4, "J mol-1", "deactivation energy", "V Tab 9.1", 1e4, 1e6);
        add(s, "S", 710, "J mol-1 K-1", "entropy term", "V Tab 9.1", 100, 1000);
        add(s, "t25k", 298.15, "K", "reference temperature for the electron transport rate", "V Tab 9.1", 290, 310);
        add(s, "mCh2o", 30e-3, "mg umol-1", "molar mass of CH2O", "V Tab 9.1", 0.029, 0.031);
        add(s, "mCo2", 44e-3, "mg umol-1", "molar mass of CO2", "V Tab 9.1", 0.043, 0.045);
        add(s, "cBufMax", 20e3, "mg m-2", "maximal buffer capacity", "V Tab 9.1", 1e3, 1e6);
        add(s, "cBufMin", 1e3, "mg m-2", "minimal buffer capacity", "V Tab 9.1", 0, 1e5);
        add(s, "rgFruit", 0.328, "mg m-2 s-1", "potential fruit growth rate", "V Tab 9.1", 0, 10);
        add(s, "rgLeaf", 0.095, "mg m-2 s-1", "potential leaf growth rate", "V Tab 9.1", 0, 10);
        add(s, "rgStem", 0.074, "mg m-2 s-1", "potential stem growth rate", "V Tab 9.1", 0, 10);
        add(s, "cFruitG", 0.27, "-", "growth respiration coefficient of fruit", "V Tab 9.1", 0, 1);
        add(s, "cLeafG", 0.28, "-", "growth respiration coefficient of leaves", "V Tab 9.1", 0, 1);
        add(s, "cStemG", 0.30, "-", "growth respiration coefficient of stems", "V Tab 9.1", 0, 1);
        add(s, "cFruitM", 1.16e-7, "s-1", "maintenance respiration coefficient of fruit", "V Tab 9.1", 0, 1e-5);
        add(s, "cLeafM", 3.47e-7, "s-1", "maintenance respiration coefficient of leaves", "V Tab 9.1", 0, 1e-5);
        add(s, "cStemM", 1.47e-7, "s-1", "maintenance respiration coefficient of stems", "V Tab 9.1", 0, 1e-5);
        add(s, "cRgr", 2.85e6, "s", "regression coefficient in maintenance respiration", "V Tab 9.1", 0, 1e8);
        add(
                s,
                "rgr",
                3e-6,
                "s-1",
                "relative growth rate (constant in GreenLight)",
                "GreenLight (V eq. 9.45 simplified)",
                0,
                1e-4);
        add(s, "q10m", 2, "-", "Q10 of maintenance respiration", "V Tab 9.1", 1, 4);
        add(s, "tEndSum", 1035, "C day", "temperature sum at which the crop is fully generative", "V Tab 9.2", 1, 1e4);
        add(s, "tCanMin", 10, "C", "lower canopy temperature inhibiting growth", "V Tab 9.2", -10, 30);
        add(s, "tCanMax", 34, "C", "upper canopy temperature inhibiting growth", "V Tab 9.2", 20, 50);
        add(s, "tCan24Min", 15, "C", "lower 24-h mean canopy temperature inhibiting growth", "V Tab 9.2", -10, 30);
        add(s, "tCan24Max", 24.5, "C", "upper 24-h mean canopy temperature inhibiting growth", "V Tab 9.2", 15, 40);
        add(
                s,
                "cFruitMax",
                300e3,
                "mg m-2",
                "fruit dry weight on the plants above which fruit is harvested",
                "K21 p. 246",
                1e3,
                1e7);
        add(
                s,
                "leafHarMaxRate",
                1e5,
                "mg m-2 s-1",
                "maximum leaf pruning rate",
                "GreenLight v2 (K21 data set)",
                0,
                1e7);
        add(s, "fruitHarMaxRate", 5e4, "mg m-2 s-1", "maximum fruit harvest rate", "V eq. B.5; GreenLight v2", 0, 1e7);
        add(
                s,
                "harvestSmooth",
                1e4,
                "mg m-2",
                "width of the smooth harvest and pruning threshold",
                "K21 eq. 7.45",
                1,
                1e6);
        add(
                s,
                "dmcFruit",
                0.06,
                "-",
                "dry matter content of tomato fruit (fresh yield = dry / dmcFruit)",
                "Katzin 2021 thesis ch. 5 s. 2.3.3",
                0.01,
                0.2);
        return List.copyOf(s);
    }

    /** The Katzin (2021) LED scenario: the defaults. */
    public static Parameters katzin2021Led() {
        return Parameters.defaults(specs());
    }

    /**
     * The Katzin (2021) HPS scenario: 200 µmol m⁻² s⁻¹ from HPS lamps of 1.8 µmol J⁻¹ (GreenLight v2
     * {@code lamp_hps_katzin_2021.json}; Katzin 2021 thesis Table 7.6).
     */
    public static Parameters katzin2021Hps() {
        return katzin2021Led()
                .with(Map.of(
                        "thetaLampMax", 200.0 / 1.8,
                        "etaLampPar", 1.8 / 4.9,
                        "zetaLampPar", 4.9,
                        "etaLampNir", 0.22,
                        "capLamp", 100.0,
                        "cHecLampAir", 0.09,
                        "epsLampTop", 0.1,
                        "epsLampBottom", 0.9));
    }

    private static void add(
            List<ParameterSpec> s,
            String name,
            double value,
            String unit,
            String desc,
            String source,
            double min,
            double max) {
        s.add(new ParameterSpec(name, value, unit, desc, source, min, max));
    }
}
