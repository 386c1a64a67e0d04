package systems.rala.twin.tomato;

/**
 * Short-wave radiation from the sun (Vanthoor 2011 eqs. 8.26–8.37), the top-lights (Katzin 2021 thesis eqs.
 * 7.7–7.12; Katzin et al. 2020 eqs. A15–A23) and the inter-lights (Katzin 2021 eqs. 7.13–7.22), absorbed by
 * canopy, floor, air and cover, and the radiation that drives stomata and photosynthesis (K21 eqs.
 * 7.23–7.27). All fluxes W m⁻² except {@code parCan} [µmol m⁻² s⁻¹].
 */
final class ShortWave {

    private ShortWave() {}

    static void compute(TomatoConstants c, double uLamp, double uIntLamp, Aux a) {
        double lai = a.lai;
        double iGlob = a.iGlob;
        double expK1 = Math.exp(-c.k1Par * lai);
        double canParDown = (1 - c.rhoCanPar) * (1 - expK1);
        double canParUp = expK1 * c.rhoFlrPar * (1 - c.rhoCanPar) * (1 - Math.exp(-c.k2Par * lai));

        // sun: PAR (V eqs. 8.26-8.29, 8.35)
        a.rParGhSun = (1 - c.etaGlobAir) * a.tauCovPar * c.etaGlobPar * iGlob;
        a.rParSunCan = a.rParGhSun * (canParDown + canParUp);
        a.rParSunFlr = (1 - c.rhoFlrPar) * expK1 * a.rParGhSun;
        // sun: NIR through a virtual lumped cover-canopy-floor system (V eqs. 8.30-8.34)
        double tauHatCov = 1 - a.rhoCovNir;
        double tauHatFlr = 1 - c.rhoFlrNir;
        double tauHatCan = Math.exp(-c.kNir * lai);
        double rhoHatCan = c.rhoCanNir * (1 - tauHatCan);
        double d1 = 1 - a.rhoCovNir * rhoHatCan;
        double tauCovCan = tauHatCov * tauHatCan / d1;
        double rhoCovCanUp = a.rhoCovNir + tauHatCov * tauHatCov * rhoHatCan / d1;
        double rhoCovCanDn = rhoHatCan + tauHatCan * tauHatCan * a.rhoCovNir / d1;
        double d2 = 1 - rhoCovCanDn * c.rhoFlrNir;
        double tauCovCanFlr = tauCovCan * tauHatFlr / d2;
        double rhoCovCanFlr = rhoCovCanUp + tauCovCan * tauCovCan * c.rhoFlrNir / d2;
        double aCanNir = 1 - tauCovCanFlr - rhoCovCanFlr;
        double aFlrNir = tauCovCanFlr;
        a.rNirSunCan = (1 - c.etaGlobAir) * aCanNir * c.etaGlobNir * iGlob;
        a.rNirSunFlr = (1 - c.etaGlobAir) * aFlrNir * c.etaGlobNir * iGlob;
        // absorbed by the construction (given to the air) and by the cover stack (V eqs. 8.36-8.37)
        a.rGlobSunAir = c.etaGlobAir * iGlob * (a.tauCovPar * c.etaGlobPar + (aCanNir + aFlrNir) * c.etaGlobNir);
        a.rGlobSunCovE = (a.aCovPar * c.etaGlobPar + a.aCovNir * c.etaGlobNir) * iGlob;

        // top-lights (K21 eqs. 7.7-7.12, 7.34)
        a.qLampIn = uLamp * c.thetaLampMax;
        a.rParGhLamp = c.etaLampPar * a.qLampIn;
        a.rParLampCan = a.rParGhLamp * (canParDown + canParUp);
        double expKNir = Math.exp(-c.kNir * lai);
        a.rNirLampCan = c.etaLampNir * a.qLampIn * (1 - c.rhoCanNir) * (1 - expKNir);
        a.rParLampFlr = a.rParGhLamp * (1 - c.rhoFlrPar) * expK1;
        a.rNirLampFlr = c.etaLampNir * a.qLampIn * (1 - c.rhoFlrNir) * expKNir;
        a.rLampAir = (c.etaLampPar + c.etaLampNir) * a.qLampIn
                - a.rParLampCan
                - a.rNirLampCan
                - a.rParLampFlr
                - a.rNirLampFlr;
        a.hLampCool = c.etaLampCool * a.qLampIn;

        // inter-lights (K21 eqs. 7.13-7.22)
        a.qIntLampIn = uIntLamp * c.thetaIntLampMax;
        if (a.qIntLampIn != 0) {
            a.rParGhIntLamp = c.etaIntLampPar * a.qIntLampIn;
            double belowPar = Math.exp(-c.k1IntPar * c.vIntLampPos * lai);
            double fCanPar = 1
                    - c.fIntLampDown * belowPar
                    + (c.fIntLampDown - 1) * Math.exp(-c.k1IntPar * (1 - c.vIntLampPos) * lai);
            double belowNir = Math.exp(-c.kIntNir * c.vIntLampPos * lai);
            double fCanNir = 1
                    - c.fIntLampDown * belowNir
                    + (c.fIntLampDown - 1) * Math.exp(-c.kIntNir * (1 - c.vIntLampPos) * lai);
            double canDown = a.rParGhIntLamp * fCanPar * (1 - c.rhoCanPar);
            a.rParIntLampFlr = a.rParGhIntLamp * c.fIntLampDown * belowPar * (1 - c.rhoFlrPar);
            double flrCanUp = a.rParGhIntLamp
                    * c.fIntLampDown
                    * c.rhoFlrPar
                    * (1 - c.rhoCanPar)
                    * (1 - Math.exp(-c.k2IntPar * lai))
                    * belowPar;
            a.rParIntLampCan = canDown + flrCanUp;
            a.rNirIntLampCan = c.etaIntLampNir * a.qIntLampIn * fCanNir * (1 - c.rhoCanNir);
            a.rNirIntLampFlr = c.etaIntLampNir * a.qIntLampIn * c.fIntLampDown * (1 - c.rhoFlrNir) * belowNir;
            a.rIntLampAir = (c.etaIntLampPar + c.etaIntLampNir) * a.qIntLampIn
                    - a.rParIntLampCan
                    - a.rNirIntLampCan
                    - a.rParIntLampFlr
                    - a.rNirIntLampFlr;
        } else {
            a.rParGhIntLamp = 0;
            a.rParIntLampFlr = 0;
            a.rParIntLampCan = 0;
            a.rNirIntLampCan = 0;
            a.rNirIntLampFlr = 0;
            a.rIntLampAir = 0;
        }

        // radiation above the canopy (stomata) and PAR absorbed by it (photosynthesis), K21 eqs. 7.23-7.27
        double rCanSun = (1 - c.etaGlobAir) * (a.tauCovPar * c.etaGlobPar + a.tauCovNir * c.etaGlobNir) * iGlob;
        a.rCan = rCanSun
                + (c.etaLampPar + c.etaLampNir) * a.qLampIn
                + (c.etaIntLampPar + c.etaIntLampNir) * a.qIntLampIn;
        a.parCan = c.parJtoUmolSun * a.rParSunCan + c.zetaLampPar * a.rParLampCan + c.zetaIntLampPar * a.rParIntLampCan;
    }
}
