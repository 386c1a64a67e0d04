package systems.rala.twin.tomato;

import systems.rala.twin.physics.Psychrometrics;

/**
 * Vapour fluxes [kg m⁻² s⁻¹] and their latent heat [W m⁻²]: canopy transpiration with the stomatal
 * resistance model of Stanghellini as parametrised by Vanthoor (2011) eqs. 8.47–8.52, condensation on the
 * screens and the cover (eqs. 8.43–8.44), and vapour carried by air exchange (p. 216). Saturation vapour
 * pressure by the Tetens form GreenLight uses ({@link Psychrometrics#saturationVapourPressureTetens}).
 */
final class Vapour {

    private Vapour() {}

    /** Condensation flux from air at vapour pressure vp1 onto a surface of saturation pressure vp2 (V eqs. 8.43-8.44). */
    static double condensation(double hec, double vp1, double vp2) {
        double dv = vp1 - vp2;
        return 1.0 / (1.0 + Math.exp(-0.1 * dv)) * 6.4e-9 * hec * dv;
    }

    /** Vapour carried by air flux f between two volumes (p. 216): (M_w/R)·f·(vp1/T1 − vp2/T2). */
    private static double airMv(TomatoConstants c, double f, double vp1, double vp2, double t1, double t2) {
        return c.mWater / c.gasR * Math.abs(f) * (vp1 / (t1 + 273.15) - vp2 / (t2 + 273.15));
    }

    static void compute(
            TomatoConstants c,
            double tCan,
            double tAir,
            double tThScr,
            double tBlScr,
            double tTop,
            double tCovIn,
            double vpAir,
            double vpTop,
            double co2Air,
            double uThScr,
            double uBlScr,
            Aux a) {
        // transpiration, V eqs. 8.47-8.52
        double satCan = Psychrometrics.saturationVapourPressureTetens(tCan);
        double sRs = 1.0 / (1.0 + Math.exp(c.sRsSlope * (a.rCan - c.rCanSp)));
        double cEvap3 = c.cEvap3Night * (1 - sRs) + c.cEvap3Day * sRs;
        double cEvap4 = c.cEvap4Night * (1 - sRs) + c.cEvap4Day * sRs;
        double rfRCan = (a.rCan + c.cEvap1) / (a.rCan + c.cEvap2);
        double co2dev = c.etaMgPpm * co2Air - 200;
        double rfCo2 = Math.min(1.5, 1 + cEvap3 * co2dev * co2dev);
        double vpd = satCan - vpAir;
        double rfVp = Math.min(5.8, 1 + cEvap4 * vpd * vpd);
        a.rS = c.rSMin * rfRCan * rfCo2 * rfVp;
        a.vecCanAir = 2 * c.rhoAirCap * c.cPAir * a.lai / (c.latent * c.gammaPsych * (c.rB + a.rS));
        a.mvCanAir = a.vecCanAir * vpd;
        // condensation on screens and cover (V Table 8.4 coefficients; K21 eq. 7.39 for the blackout screen)
        double dThScr = tAir - tThScr;
        a.mvAirThScr = condensation(
                1.7 * uThScr * Math.pow(Math.abs(dThScr), 0.33),
                vpAir,
                Psychrometrics.saturationVapourPressureTetens(tThScr));
        double dBlScr = tAir - tBlScr;
        a.mvAirBlScr = Math.max(
                0.0,
                condensation(
                        1.7 * uBlScr * Math.pow(Math.abs(dBlScr), 0.33),
                        vpAir,
                        Psychrometrics.saturationVapourPressureTetens(tBlScr)));
        a.mvTopCovIn = condensation(
                c.cHecIn * Math.pow(Math.abs(tTop - tCovIn), 0.33) * c.aCovPerFlr,
                vpTop,
                Psychrometrics.saturationVapourPressureTetens(tCovIn));
        // air exchange
        a.mvAirTop = airMv(c, a.fScr, vpAir, vpTop, tAir, tTop);
        a.mvAirOut = airMv(c, a.fVentSide, vpAir, a.vpOut, tAir, a.tOut);
        a.mvTopOut = airMv(c, a.fVentRoof, vpTop, a.vpOut, tTop, a.tOut);
        // latent heat, V eq. 8.42
        a.lCanAir = c.latent * a.mvCanAir;
        a.lAirThScr = c.latent * a.mvAirThScr;
        a.lAirBlScr = c.latent * a.mvAirBlScr;
        a.lTopCovIn = c.latent * a.mvTopCovIn;
    }
}
