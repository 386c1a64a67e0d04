package systems.rala.twin.tomato;

/**
 * Scratch space of one derivative evaluation: the inputs read from the weather and every flux, named as in
 * GreenLight so that a flux here and a column of GreenLight's output are the same quantity. Sign convention
 * (Vanthoor 2011, ch. 8): a flux {@code hAB}, {@code rAB}, {@code lAB} (heat, W m⁻²), {@code mvAB} (vapour,
 * kg m⁻² s⁻¹) or {@code mcAB} (CO2, mg m⁻² s⁻¹) is positive when it goes from A to B. All per m² of floor.
 */
final class Aux {
    // weather
    double iGlob, tOut, vpOut, co2Out, wind, tSky, tSoOut;
    // crop geometry
    double lai;
    // cover optics (-)
    double tauCovPar, rhoCovPar, aCovPar, tauCovNir, rhoCovNir, aCovNir;
    // solar short-wave (W m-2)
    double rParGhSun, rParSunCan, rParSunFlr, rNirSunCan, rNirSunFlr, rGlobSunAir, rGlobSunCovE;
    // lamps (W m-2)
    double qLampIn, rParGhLamp, rParLampCan, rNirLampCan, rParLampFlr, rNirLampFlr, rLampAir, hLampCool;
    double qIntLampIn, rParGhIntLamp, rParIntLampCan, rNirIntLampCan, rParIntLampFlr, rNirIntLampFlr, rIntLampAir;
    // radiation driving stomata and photosynthesis
    double rCan; // W m-2
    double parCan; // umol m-2 s-1 absorbed by the canopy
    // far infrared (W m-2)
    double rCanCovIn, rCanSky, rCanThScr, rCanBlScr, rCanFlr;
    double rPipeCovIn, rPipeSky, rPipeThScr, rPipeBlScr, rPipeFlr, rPipeCan;
    double rFlrCovIn, rFlrSky, rFlrThScr, rFlrBlScr;
    double rThScrCovIn, rThScrSky, rCovESky;
    double rLampSky, rLampCovIn, rLampThScr, rLampBlScr, rFirLampCan, rLampPipe, rFirLampFlr;
    double rGroPipeCan, rBlScrSky, rBlScrCovIn, rBlScrThScr;
    double rIntLampSky,
            rIntLampCovIn,
            rIntLampThScr,
            rIntLampBlScr,
            rIntLampLamp,
            rFirIntLampCan,
            rIntLampPipe,
            rFirIntLampFlr;
    // convection and conduction (W m-2)
    double hCanAir, hAirFlr, hAirThScr, hAirBlScr, hThScrTop, hBlScrTop, hTopCovIn, hCovEOut, hCovInCovE;
    double hPipeAir, hGroPipeAir, hLampAir, hIntLampAir, hAirOut, hAirTop, hTopOut;
    double hFlrSo1, hSo1So2, hSo2So3, hSo3So4, hSo4So5, hSo5SoOut;
    // heating (W m-2)
    double hBoilPipe, hBoilGroPipe;
    // air exchange (m3 m-2 s-1)
    double fThScr, fBlScr, fScr, fVentRoof, fVentSide;
    // vapour (kg m-2 s-1) and latent heat (W m-2)
    double mvCanAir, mvAirThScr, mvAirBlScr, mvTopCovIn, mvAirTop, mvAirOut, mvTopOut;
    double lCanAir, lAirThScr, lAirBlScr, lTopCovIn;
    double vecCanAir, rS; // transpiration coefficient, stomatal resistance
    // CO2 (mg m-2 s-1) and indoor CO2 (ppm)
    double mcAirTop, mcAirOut, mcTopOut, mcExtAir, mcAirCan, co2InPpm;
    // crop (mg CH2O m-2 s-1 unless stated)
    double jPot, j, gamma, p, r, mcAirBuf, mcBufFruit, mcBufLeaf, mcBufStem, mcBufAir;
    double mcLeafAir, mcStemAir, mcFruitAir, mcOrgAir, mcLeafHar, mcFruitHar;
}
