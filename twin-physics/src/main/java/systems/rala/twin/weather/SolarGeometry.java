package systems.rala.twin.weather;

/**
 * Sun position and extraterrestrial radiation, after Duffie &amp; Beckman (2013), "Solar Engineering of
 * Thermal Processes", 4th ed., chapter 1. Angles in degrees at the API, radians inside; longitudes east
 * positive; times in local standard time.
 */
public final class SolarGeometry {

    /** Solar constant [W/m²]; Kopp &amp; Lean (2011), Geophys. Res. Lett. 38:L01706. */
    public static final double SOLAR_CONSTANT = 1361.0;

    private SolarGeometry() {}

    /** Day angle B [rad] of day {@code n} (1–366); Duffie &amp; Beckman eq. 1.4.2. */
    static double dayAngle(double n) {
        return 2.0 * Math.PI * (n - 1.0) / 365.0;
    }

    /** Extraterrestrial irradiance on a surface normal to the sun [W/m²]; Duffie &amp; Beckman eq. 1.4.1b. */
    public static double extraterrestrialNormal(double dayOfYear) {
        double b = dayAngle(dayOfYear);
        return SOLAR_CONSTANT
                * (1.000110
                        + 0.034221 * Math.cos(b)
                        + 0.001280 * Math.sin(b)
                        + 0.000719 * Math.cos(2 * b)
                        + 0.000077 * Math.sin(2 * b));
    }

    /** Solar declination [rad]; Spencer (1971) as Duffie &amp; Beckman eq. 1.6.1b. */
    public static double declination(double dayOfYear) {
        double b = dayAngle(dayOfYear);
        return 0.006918
                - 0.399912 * Math.cos(b)
                + 0.070257 * Math.sin(b)
                - 0.006758 * Math.cos(2 * b)
                + 0.000907 * Math.sin(2 * b)
                - 0.002697 * Math.cos(3 * b)
                + 0.00148 * Math.sin(3 * b);
    }

    /** Equation of time [min]; Spencer (1971) as Duffie &amp; Beckman eq. 1.5.3. */
    public static double equationOfTime(double dayOfYear) {
        double b = dayAngle(dayOfYear);
        return 229.2
                * (0.000075
                        + 0.001868 * Math.cos(b)
                        - 0.032077 * Math.sin(b)
                        - 0.014615 * Math.cos(2 * b)
                        - 0.04089 * Math.sin(2 * b));
    }

    /**
     * Hour angle [rad] at local standard time {@code standardHour} (0–24) on {@code dayOfYear}; solar time
     * from Duffie &amp; Beckman eq. 1.5.2 with east-positive longitudes.
     */
    public static double hourAngle(Site site, double dayOfYear, double standardHour) {
        double standardMeridian = site.standardOffset().getTotalSeconds() / 3600.0 * 15.0;
        double solarHour =
                standardHour + (4.0 * (site.longitudeDeg() - standardMeridian) + equationOfTime(dayOfYear)) / 60.0;
        return Math.toRadians(15.0 * (solarHour - 12.0));
    }

    /** Cosine of the solar zenith angle (negative below the horizon); Duffie &amp; Beckman eq. 1.6.5. */
    public static double cosZenith(Site site, double dayOfYear, double standardHour) {
        double phi = Math.toRadians(site.latitudeDeg());
        double delta = declination(dayOfYear);
        double omega = hourAngle(site, dayOfYear, standardHour);
        return Math.cos(phi) * Math.cos(delta) * Math.cos(omega) + Math.sin(phi) * Math.sin(delta);
    }

    /**
     * Extraterrestrial radiation on a horizontal surface between two local standard hours of one day
     * [J/m²]; Duffie &amp; Beckman eq. 1.10.4, with the hour angles limited to sunrise and sunset.
     */
    public static double extraterrestrialHorizontal(Site site, double dayOfYear, double fromHour, double toHour) {
        double phi = Math.toRadians(site.latitudeDeg());
        double delta = declination(dayOfYear);
        double cosWs = -Math.tan(phi) * Math.tan(delta);
        if (cosWs >= 1.0) {
            return 0.0; // polar night
        }
        double ws = cosWs <= -1.0 ? Math.PI : Math.acos(cosWs); // sunset hour angle, eq. 1.6.10
        double w1 = Math.max(-ws, Math.min(ws, hourAngle(site, dayOfYear, fromHour)));
        double w2 = Math.max(-ws, Math.min(ws, hourAngle(site, dayOfYear, toHour)));
        if (w2 <= w1) {
            return 0.0;
        }
        double gon = extraterrestrialNormal(dayOfYear);
        return 12.0
                * 3600.0
                / Math.PI
                * gon
                * (Math.cos(phi) * Math.cos(delta) * (Math.sin(w2) - Math.sin(w1))
                        + (w2 - w1) * Math.sin(phi) * Math.sin(delta));
    }

    /** Daily extraterrestrial radiation on a horizontal surface [J/m²]; Duffie &amp; Beckman eq. 1.10.3. */
    public static double extraterrestrialDaily(Site site, double dayOfYear) {
        double phi = Math.toRadians(site.latitudeDeg());
        double delta = declination(dayOfYear);
        double cosWs = -Math.tan(phi) * Math.tan(delta);
        if (cosWs >= 1.0) {
            return 0.0;
        }
        double ws = cosWs <= -1.0 ? Math.PI : Math.acos(cosWs);
        return 24.0
                * 3600.0
                / Math.PI
                * extraterrestrialNormal(dayOfYear)
                * (Math.cos(phi) * Math.cos(delta) * Math.sin(ws) + ws * Math.sin(phi) * Math.sin(delta));
    }
}
