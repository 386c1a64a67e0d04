package systems.rala.twin.tomato;

/**
 * Lumped short-wave properties of the cover stack — roof, thermal screen, blackout screen and lamp layer —
 * for PAR and NIR. Each movable layer with closure u and material (τ, ρ) acts as a layer with τ_u = 1 − u(1
 * − τ) and ρ_u = u·ρ (Vanthoor 2011 p. 208); two layers combine by the multiple-reflection formulas of
 * Vanthoor (2011) eqs. 8.14–8.15 (Katzin et al. 2020 eqs. A4–A13). Whatever the stack absorbs is credited to
 * the external cover (V eq. 8.37 as in GreenLight).
 */
final class CoverOptics {

    private CoverOptics() {}

    /** Fills the PAR and NIR transmission, reflection and absorption of the whole stack. */
    static void compute(TomatoConstants c, double uThScr, double uBlScr, Aux a) {
        // PAR
        double tauTh = 1 - uThScr * (1 - c.tauThScrPar);
        double rhoTh = uThScr * c.rhoThScrPar;
        double tauBl = 1 - uBlScr * (1 - c.tauBlScrPar);
        double rhoBl = uBlScr * c.rhoBlScrPar;
        stack(c.tauRfPar, c.rhoRfPar, tauTh, rhoTh, tauBl, rhoBl, c.tauLampPar, c.rhoLampPar, a, true);
        // NIR
        tauTh = 1 - uThScr * (1 - c.tauThScrNir);
        rhoTh = uThScr * c.rhoThScrNir;
        tauBl = 1 - uBlScr * (1 - c.tauBlScrNir);
        rhoBl = uBlScr * c.rhoBlScrNir;
        stack(c.tauRfNir, c.rhoRfNir, tauTh, rhoTh, tauBl, rhoBl, c.tauLampNir, c.rhoLampNir, a, false);
    }

    /** Roof over thermal screen, then the blackout screen, then the lamps (each layer reflects alike both ways). */
    private static void stack(
            double tauRf,
            double rhoRf,
            double tauTh,
            double rhoTh,
            double tauBl,
            double rhoBl,
            double tauLamp,
            double rhoLamp,
            Aux a,
            boolean par) {
        // roof + thermal screen (V eq. 8.14-8.15)
        double d1 = 1 - rhoRf * rhoTh;
        double tau1 = tauRf * tauTh / d1;
        double rho1Up = rhoRf + tauRf * tauRf * rhoTh / d1;
        double rho1Dn = rhoTh + tauTh * tauTh * rhoRf / d1;
        // + blackout screen (Katzin et al. 2020 eqs. A9-A11)
        double d2 = 1 - rho1Dn * rhoBl;
        double tau2 = tau1 * tauBl / d2;
        double rho2Up = rho1Up + tau1 * tau1 * rhoBl / d2;
        double rho2Dn = rhoBl + tauBl * tauBl * rho1Dn / d2;
        // + lamp layer (Katzin et al. 2020 eqs. A12-A13)
        double d3 = 1 - rho2Dn * rhoLamp;
        double tau = tau2 * tauLamp / d3;
        double rho = rho2Up + tau2 * tau2 * rhoLamp / d3;
        if (par) {
            a.tauCovPar = tau;
            a.rhoCovPar = rho;
            a.aCovPar = 1 - tau - rho;
        } else {
            a.tauCovNir = tau;
            a.rhoCovNir = rho;
            a.aCovNir = 1 - tau - rho;
        }
    }
}
