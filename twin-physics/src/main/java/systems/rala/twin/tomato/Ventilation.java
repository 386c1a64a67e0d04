package systems.rala.twin.tomato;

/**
 * Air exchange [m³ m⁻² s⁻¹]: through the (partly open) screens between the main and top compartments, and
 * through roof vents, side vents and leakage with the outside (Vanthoor 2011 eqs. 8.41, 8.65–8.75; Katzin
 * 2021 thesis eqs. 7.37–7.38 and 7.42). Roof ventilation exchanges the top compartment's air, side
 * ventilation the main compartment's.
 */
final class Ventilation {

    private Ventilation() {}

    static void compute(
            TomatoConstants c,
            double tAir,
            double tTop,
            double uThScr,
            double uBlScr,
            double uRoof,
            double uSide,
            Aux a) {
        // through the screens: De Zwart (1996) eq. 5.68 as used by GreenLight (Vanthoor's eq. 8.41 has tOut
        // where the top compartment belongs)
        double rhoAir = c.mAir * c.pressure / ((tAir + 273.15) * c.gasR);
        double rhoTop = c.mAir * c.pressure / ((tTop + 273.15) * c.gasR);
        double rhoMean = 0.5 * (rhoAir + rhoTop);
        double dRho = Math.abs(rhoAir - rhoTop);
        double dT066 = Math.pow(Math.abs(tAir - tTop), 0.66);
        a.fThScr = uThScr * c.kThScr * dT066
                + (1 - uThScr) / rhoMean * Math.sqrt(0.5 * rhoMean * (1 - uThScr) * c.g * dRho);
        a.fBlScr = uBlScr * c.kBlScr * dT066
                + (1 - uBlScr) / rhoMean * Math.sqrt(0.5 * rhoMean * (1 - uBlScr) * c.g * dRho);
        a.fScr = Math.min(a.fThScr, a.fBlScr); // K21 eq. 7.38

        // natural ventilation, V eqs. 8.65-8.67 (no shading screen: cD and cW are the greenhouse values)
        double tOut = a.tOut;
        double wind = a.wind;
        double tMeanK = 0.5 * tAir + 0.5 * tOut + 273.15;
        double fVentRoof2 = uRoof
                * c.aRoof
                * c.cDgh
                / (2 * c.aFlr)
                * Math.sqrt(Math.abs(c.g * c.hVent * (tAir - tOut) / (2 * tMeanK) + c.cWgh * wind * wind));
        double fVentSide2 = c.cDgh * uSide * c.aSide * wind / (2 * c.aFlr) * Math.sqrt(c.cWgh);
        // leakage, V eq. 8.71
        double fLeakage = wind < 0.25 ? 0.25 * c.cLeakage : c.cLeakage * wind;
        if (c.etaRoof >= c.etaRoofThr) {
            a.fVentRoof = c.etaInsScr * fVentRoof2 + c.cLeakTop * fLeakage;
            a.fVentSide = c.etaInsScr * fVentSide2 + (1 - c.cLeakTop) * fLeakage;
        } else {
            // roof and side vents together: stack effect over hSideRoof, V eq. 8.66
            double aRoofU = uRoof * c.aRoof;
            double aSideU = uSide * c.aSide;
            double combined = aRoofU * aSideU / Math.sqrt(Math.max(aRoofU * aRoofU + aSideU * aSideU, 0.01));
            double mean = 0.5 * (aRoofU + aSideU);
            double fVentRoofSide2 = c.cDgh
                    / c.aFlr
                    * Math.sqrt(Math.max(
                            0.0,
                            combined * combined * (2 * c.g * c.hSideRoof * (tAir - tOut) / tMeanK)
                                    + mean * mean * c.cWgh * wind * wind));
            double screen = Math.max(uThScr, uBlScr);
            a.fVentRoof = c.etaInsScr * (screen * fVentRoof2 + (1 - screen) * fVentRoofSide2 * c.etaRoof)
                    + c.cLeakTop * fLeakage;
            a.fVentSide = c.etaInsScr * (screen * fVentSide2 + (1 - screen) * fVentRoofSide2 * c.etaSide)
                    + (1 - c.cLeakTop) * fLeakage;
        }
    }
}
