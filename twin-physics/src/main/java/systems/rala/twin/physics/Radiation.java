package systems.rala.twin.physics;

/**
 * Light conversions used by the models, the KPIs and the dashboard: photosynthetically active radiation
 * (PAR, 400–700 nm) between energy and photon units, and the daily light integral (DLI).
 */
public final class Radiation {

    /** Planck constant [J s], CODATA 2018 (exact). */
    public static final double PLANCK = 6.62607015e-34;

    /** Speed of light [m/s] (exact). */
    public static final double LIGHT_SPEED = 299_792_458.0;

    /** Avogadro constant [1/mol], CODATA 2018 (exact). */
    public static final double AVOGADRO = 6.02214076e23;

    /** PAR share of global radiation [-]; Vanthoor (2011) Table 8.1, etaGlobPar. */
    public static final double PAR_FRACTION_OF_GLOBAL = 0.5;

    /** Photons per joule of sunlight PAR [µmol/J]; McCree (1972), Agricultural Meteorology 10:443–453. */
    public static final double SUN_PAR_UMOL_PER_J = 4.57;

    /**
     * Photons per joule of global radiation [µmol/J]: 2.3, as Vanthoor (2011) Table 8.1 and GreenLight use (= 0.5
     * × 4.6).
     */
    public static final double GLOBAL_UMOL_PER_J = 2.3;

    private Radiation() {}

    /** Photons per joule of monochromatic light at {@code wavelengthNm} [µmol/J]: N_A⁻¹ λ / (h c). */
    public static double umolPerJoule(double wavelengthNm) {
        return wavelengthNm * 1e-9 / (PLANCK * LIGHT_SPEED) / AVOGADRO * 1e6;
    }

    /** Photosynthetic photon flux density [µmol m⁻² s⁻¹] of global radiation {@code globalWm2} [W m⁻²]. */
    public static double ppfdFromGlobal(double globalWm2) {
        return GLOBAL_UMOL_PER_J * globalWm2;
    }

    /** PAR in W m⁻² of a photon flux {@code ppfd} [µmol m⁻² s⁻¹] of sunlight. */
    public static double parWattsFromPpfd(double ppfd) {
        return ppfd / SUN_PAR_UMOL_PER_J;
    }

    /** Daily light integral [mol m⁻² d⁻¹] of a constant {@code ppfd} [µmol m⁻² s⁻¹] for {@code hours} hours. */
    public static double dli(double ppfd, double hours) {
        return ppfd * hours * 3600.0 * 1e-6;
    }

    /** Daily light integral [mol m⁻² d⁻¹] of a day's global radiation sum {@code mjPerM2} [MJ m⁻²]. */
    public static double dliFromDailyRadiation(double mjPerM2) {
        return mjPerM2 * 1e6 * GLOBAL_UMOL_PER_J * 1e-6;
    }
}
