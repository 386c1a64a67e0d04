package systems.rala.twin.tomato;

/**
 * Far-infrared (long-wave) exchange between the greenhouse elements: net flux from 1 to 2 = A1 ε1 ε2 F12 σ
 * (T1⁴ − T2⁴) (Vanthoor 2011 eq. 8.38), with the areas, emission coefficients and view factors of Vanthoor
 * Table 8.3 extended for lamps, blackout screen, grow pipes and inter-lights by Katzin (2021) Table 7.4
 * (Katzin et al. 2020 Table A1). Fluxes W m⁻² of floor.
 */
final class FarInfrared {

    private FarInfrared() {}

    private static double t4(double tempC) {
        double k = tempC + 273.15;
        double k2 = k * k;
        return k2 * k2;
    }

    static void compute(
            TomatoConstants c,
            double tCan,
            double tFlr,
            double tThScr,
            double tBlScr,
            double tCovIn,
            double tCovE,
            double tPipe,
            double tGroPipe,
            double tLamp,
            double tIntLamp,
            double uThScr,
            double uBlScr,
            Aux a) {
        double s = c.sigma;
        double can = t4(tCan);
        double flr = t4(tFlr);
        double thScr = t4(tThScr);
        double blScr = t4(tBlScr);
        double covIn = t4(tCovIn);
        double covE = t4(tCovE);
        double pipe = t4(tPipe);
        double groPipe = t4(tGroPipe);
        double lamp = t4(tLamp);
        double intLamp = t4(tIntLamp);
        double sky = t4(a.tSky);
        double lai = a.lai;

        double aCan = 1 - Math.exp(-c.kFir * lai);
        double tauThU = 1 - uThScr * (1 - c.tauThScrFir);
        double tauBlU = 1 - uBlScr * (1 - c.tauBlScrFir);
        double tauLamp = c.tauLampFir;
        double tauIntLamp = c.tauIntLampFir;
        double tauCov = c.tauCovFir;
        double eCov = c.epsCovFir;
        double expFir = Math.exp(-c.kFir * lai);
        double pipeView = 0.49 * expFir; // share of the pipes' view above the canopy
        double pipeFrac = 0.49 * Math.PI * c.lPipe * c.phiPipeE;
        double flrView = (1 - pipeFrac) * expFir;

        // canopy
        double canE = aCan * c.epsCan * s;
        a.rCanCovIn = canE * eCov * tauLamp * tauThU * tauBlU * (can - covIn);
        a.rCanSky = canE * c.epsSky * tauLamp * tauCov * tauThU * tauBlU * (can - sky);
        a.rCanThScr = canE * c.epsThScrFir * tauLamp * uThScr * tauBlU * (can - thScr);
        a.rCanBlScr = canE * c.epsBlScrFir * tauLamp * uBlScr * (can - blScr);
        a.rCanFlr = canE * c.epsFlr * c.fCanFlr * (can - flr);
        // heating pipes
        double pipeE = c.aPipe * c.epsPipe * s;
        double pipeUp = tauIntLamp * tauLamp * pipeView;
        a.rPipeCovIn = pipeE * eCov * pipeUp * tauThU * tauBlU * (pipe - covIn);
        a.rPipeSky = pipeE * c.epsSky * pipeUp * tauCov * tauThU * tauBlU * (pipe - sky);
        a.rPipeThScr = pipeE * c.epsThScrFir * pipeUp * uThScr * tauBlU * (pipe - thScr);
        a.rPipeBlScr = pipeE * c.epsBlScrFir * pipeUp * uBlScr * (pipe - blScr);
        a.rPipeFlr = pipeE * c.epsFlr * 0.49 * (pipe - flr);
        a.rPipeCan = pipeE * c.epsCan * 0.49 * (1 - expFir) * (pipe - can);
        // floor
        double flrE = c.epsFlr * s;
        double flrUp = tauIntLamp * tauLamp * flrView;
        a.rFlrCovIn = flrE * eCov * flrUp * tauThU * tauBlU * (flr - covIn);
        a.rFlrSky = flrE * c.epsSky * flrUp * tauCov * tauThU * tauBlU * (flr - sky);
        a.rFlrThScr = flrE * c.epsThScrFir * flrUp * uThScr * tauBlU * (flr - thScr);
        a.rFlrBlScr = flrE * c.epsBlScrFir * flrUp * uBlScr * (flr - blScr);
        // thermal screen and cover
        a.rThScrCovIn = c.epsThScrFir * eCov * uThScr * s * (thScr - covIn);
        a.rThScrSky = c.epsThScrFir * c.epsSky * tauCov * uThScr * s * (thScr - sky);
        a.rCovESky = eCov * c.epsSky * s * (covE - sky);
        // top-lights: top face towards cover and sky, bottom face towards canopy, pipes and floor
        double lampTop = c.aLamp * c.epsLampTop * s;
        double lampBottom = c.aLamp * c.epsLampBottom * s;
        a.rLampSky = lampTop * c.epsSky * tauCov * tauThU * tauBlU * (lamp - sky);
        a.rLampCovIn = lampTop * eCov * tauThU * tauBlU * (lamp - covIn);
        a.rLampThScr = lampTop * c.epsThScrFir * uThScr * tauBlU * (lamp - thScr);
        a.rLampBlScr = lampTop * c.epsBlScrFir * uBlScr * (lamp - blScr);
        a.rFirLampCan = lampBottom * c.epsCan * aCan * (lamp - can);
        a.rLampPipe = lampBottom * c.epsPipe * tauIntLamp * pipeFrac * expFir * (lamp - pipe);
        a.rFirLampFlr = lampBottom * c.epsFlr * tauIntLamp * (1 - pipeFrac) * expFir * (lamp - flr);
        // grow pipes and blackout screen
        a.rGroPipeCan = c.aGroPipe * c.epsGroPipe * c.epsCan * s * (groPipe - can);
        double blE = uBlScr * c.epsBlScrFir * s;
        a.rBlScrSky = blE * c.epsSky * tauCov * tauThU * (blScr - sky);
        a.rBlScrCovIn = blE * eCov * tauThU * (blScr - covIn);
        a.rBlScrThScr = blE * c.epsThScrFir * uThScr * (blScr - thScr);
        // inter-lights (K21 eqs. 7.29-7.30 for the canopy fractions)
        if (c.aIntLamp != 0) {
            double fUp = 1 - Math.exp(-c.kIntFir * (1 - c.vIntLampPos) * lai);
            double fDown = 1 - Math.exp(-c.kIntFir * c.vIntLampPos * lai);
            double ilE = c.aIntLamp * c.epsIntLamp * s;
            double ilUp = tauLamp * (1 - fUp);
            a.rIntLampSky = ilE * c.epsSky * tauCov * tauThU * tauBlU * ilUp * (intLamp - sky);
            a.rIntLampCovIn = ilE * eCov * tauThU * tauBlU * ilUp * (intLamp - covIn);
            a.rIntLampThScr = ilE * c.epsThScrFir * uThScr * tauBlU * ilUp * (intLamp - thScr);
            a.rIntLampBlScr = ilE * c.epsBlScrFir * uBlScr * ilUp * (intLamp - blScr);
            a.rIntLampLamp = ilE * c.epsLampBottom * (1 - fUp) * c.aLamp * (intLamp - lamp);
            a.rFirIntLampCan = ilE * c.epsCan * (fDown + fUp) * (intLamp - can);
            a.rIntLampPipe = ilE * c.epsPipe * pipeFrac * (1 - fDown) * (intLamp - pipe);
            a.rFirIntLampFlr = ilE * c.epsFlr * (1 - pipeFrac) * (1 - fDown) * (intLamp - flr);
        } else {
            a.rIntLampSky = 0;
            a.rIntLampCovIn = 0;
            a.rIntLampThScr = 0;
            a.rIntLampBlScr = 0;
            a.rIntLampLamp = 0;
            a.rFirIntLampCan = 0;
            a.rIntLampPipe = 0;
            a.rFirIntLampFlr = 0;
        }
    }
}
