package systems.rala.runtime.observation;

import java.util.Locale;

/**
 * The units readings and observations are written in, and the linear conversions between units of one
 * quantity. Unit strings are compared after normalisation: {@code °C}, {@code C} and {@code degC} are one
 * unit; so are {@code W/m2}, {@code W m-2} and {@code W/m²}. Units this class does not know convert only to
 * themselves (the same string after trimming), so a crop estimate in {@code g m-2} passes through unchanged.
 *
 * <p>Conversions between quantities that need another reading (relative humidity from vapour pressure and
 * air temperature) are not units; {@link ObservationAssembler} derives them.
 */
public final class Units {

    /**
     * Photons of photosynthetically active radiation per joule of global radiation [µmol J⁻¹]: 2.3, the
     * factor of Vanthoor (2011) Table 8.1 (0.5 PAR fraction × 4.57 µmol J⁻¹ of sunlight PAR, McCree 1972),
     * as the twin uses. A PAR sensor's photon flux [µmol m⁻² s⁻¹] divided by it is the global radiation
     * [W m⁻²] a policy trained on weather files expects.
     */
    public static final double GLOBAL_UMOL_PER_J = 2.3;

    /** Offset between the Celsius and Kelvin scales [K]. */
    public static final double ZERO_CELSIUS = 273.15;

    /** What a unit measures; units convert only within one quantity. */
    enum Quantity {
        TEMPERATURE,
        PRESSURE,
        RADIATION,
        FRACTION,
        CONCENTRATION,
        OTHER
    }

    /**
     * A known unit: {@code value in canonical unit = value × scale + offset}.
     *
     * @param symbol the unit's normalised symbol
     * @param quantity what it measures
     * @param scale factor to the quantity's canonical unit (°C, Pa, W m⁻², fraction, ppm)
     * @param offset offset to the canonical unit
     */
    record Known(String symbol, Quantity quantity, double scale, double offset) {}

    private static final Known[] KNOWN = {
        new Known("°C", Quantity.TEMPERATURE, 1, 0),
        new Known("K", Quantity.TEMPERATURE, 1, -ZERO_CELSIUS),
        new Known("Pa", Quantity.PRESSURE, 1, 0),
        new Known("kPa", Quantity.PRESSURE, 1000, 0),
        new Known("hPa", Quantity.PRESSURE, 100, 0),
        new Known("W/m2", Quantity.RADIATION, 1, 0),
        new Known("umol/m2/s", Quantity.RADIATION, 1 / GLOBAL_UMOL_PER_J, 0),
        new Known("-", Quantity.FRACTION, 1, 0),
        new Known("%", Quantity.FRACTION, 0.01, 0),
        new Known("ppm", Quantity.CONCENTRATION, 1, 0),
    };

    private Units() {}

    /** The normalised spelling of {@code unit}: {@code C} → {@code °C}, {@code W m-2} → {@code W/m2}, ... */
    public static String normalise(String unit) {
        String u = unit.strip();
        String compact = u.replace(" ", "")
                .replace("²", "2")
                .replace("⁻¹", "-1")
                .replace("⁻²", "-2")
                .replace("µ", "u")
                .replace("μ", "u");
        return switch (compact.toLowerCase(Locale.ROOT)) {
            case "°c", "c", "degc", "celsius" -> "°C";
            case "k", "kelvin" -> "K";
            case "pa" -> "Pa";
            case "kpa" -> "kPa";
            case "hpa", "mbar" -> "hPa";
            case "w/m2", "wm-2", "w/m^2" -> "W/m2";
            case "umol/m2/s", "umolm-2s-1", "umol/(m2s)", "umol/m2s" -> "umol/m2/s";
            case "%", "%rh", "percent" -> "%";
            case "ppm", "umol/mol" -> "ppm";
            case "-", "", "1" -> "-";
            default -> u;
        };
    }

    /**
     * The linear conversion from {@code from} to {@code to}: {@code to = from × c[0] + c[1]}.
     *
     * @throws IllegalArgumentException if the units measure different quantities or one is unknown and
     *     they differ, naming both
     */
    public static double[] conversion(String from, String to) {
        String f = normalise(from);
        String t = normalise(to);
        if (f.equals(t)) {
            return new double[] {1, 0};
        }
        Known a = known(f);
        Known b = known(t);
        if (a == null || b == null || a.quantity() != b.quantity()) {
            throw new IllegalArgumentException("cannot convert '" + from + "' to '" + to + "'"
                    + (a == null || b == null
                            ? " (no conversion is known between these units)"
                            : " (different quantities)"));
        }
        // canonical = v a.scale + a.offset; to = (canonical - b.offset) / b.scale
        return new double[] {a.scale() / b.scale(), (a.offset() - b.offset()) / b.scale()};
    }

    private static Known known(String normalised) {
        for (Known k : KNOWN) {
            if (k.symbol().equals(normalised)) {
                return k;
            }
        }
        return null;
    }

    /**
     * Saturation vapour pressure over liquid water [Pa] at {@code tempC} [°C]: Buck (1996), the form the
     * twin's psychrometrics use, within 0.05 % of the WMO tables from −20 to 50 °C.
     */
    public static double saturationVapourPressure(double tempC) {
        return 611.21 * Math.exp((18.678 - tempC / 234.5) * tempC / (257.14 + tempC));
    }
}
