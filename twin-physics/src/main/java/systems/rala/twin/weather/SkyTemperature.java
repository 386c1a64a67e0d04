package systems.rala.twin.weather;

import systems.rala.twin.physics.Psychrometrics;

/**
 * Effective sky temperature, the temperature of a black body that emits the long-wave radiation the sky
 * sends to a horizontal surface.
 *
 * <p>From a measured or modelled horizontal infrared irradiance IR [W/m²] (EPW field 13): T_sky = (IR /
 * σ)^¼ − 273.15 (EnergyPlus Engineering Reference, "Sky Radiation Modeling", eq. for T_sky from the
 * horizontal IR intensity). When IR is missing, it is modelled as IR = ε_sky σ T_air⁴ with the sky
 * emissivity of Clark &amp; Allen (1978), ε = (0.787 + 0.764 ln(T_dp / 273)) (1 + 0.0224 N − 0.0035 N² +
 * 0.00028 N³), N the total sky cover in tenths and T_dp the dew point in K — the same fallback EnergyPlus
 * uses (Engineering Reference, "Weather Data: Sky Radiation").
 */
public final class SkyTemperature {

    /** Stefan–Boltzmann constant [W/(m² K⁴)], CODATA 2018. */
    public static final double SIGMA = 5.670374419e-8;

    private SkyTemperature() {}

    /** Sky temperature [°C] from the horizontal infrared irradiance {@code irWm2} [W/m²]. */
    public static double fromInfrared(double irWm2) {
        return Math.pow(irWm2 / SIGMA, 0.25) - Psychrometrics.ZERO_CELSIUS;
    }

    /** Clark &amp; Allen (1978) sky emissivity [-] for dew point {@code dewPointC} [°C], cover in tenths. */
    public static double clarkAllenEmissivity(double dewPointC, double skyCoverTenths) {
        double n = skyCoverTenths;
        double clear = 0.787 + 0.764 * Math.log((dewPointC + Psychrometrics.ZERO_CELSIUS) / 273.0);
        return clear * (1.0 + 0.0224 * n - 0.0035 * n * n + 0.00028 * n * n * n);
    }

    /** Horizontal infrared irradiance [W/m²] modelled by Clark &amp; Allen (1978). */
    public static double clarkAllenInfrared(double airC, double dewPointC, double skyCoverTenths) {
        double tk = airC + Psychrometrics.ZERO_CELSIUS;
        return clarkAllenEmissivity(dewPointC, skyCoverTenths) * SIGMA * tk * tk * tk * tk;
    }

    /** Sky temperature [°C] by Clark &amp; Allen (1978) from air temperature, dew point and sky cover. */
    public static double clarkAllen(double airC, double dewPointC, double skyCoverTenths) {
        return fromInfrared(clarkAllenInfrared(airC, dewPointC, skyCoverTenths));
    }
}
