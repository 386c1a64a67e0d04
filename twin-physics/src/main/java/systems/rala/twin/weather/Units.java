package systems.rala.twin.weather;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Unit conversions for weather input columns: each quantity has one RALA unit (that of {@link
 * WeatherVariable}) and a few common input units that convert to it. Unit names match case-insensitively.
 */
public enum Units {
    TEMPERATURE("C"),
    IRRADIANCE("W/m2"),
    PERCENT("%"),
    PRESSURE("Pa"),
    SPEED("m/s"),
    MOLE_FRACTION("ppm"),
    SKY_COVER("tenths");

    private final String base;
    private final Map<String, DoubleUnaryOperator> toBase = new LinkedHashMap<>();

    Units(String base) {
        this.base = base;
    }

    static {
        TEMPERATURE.add("C", v -> v).add("K", v -> v - 273.15).add("F", v -> (v - 32.0) * 5.0 / 9.0);
        IRRADIANCE
                .add("W/m2", v -> v)
                .add("kW/m2", v -> v * 1000.0)
                .add("J/cm2/h", v -> v * 1e4 / 3600.0) // KNMI hourly global radiation
                .add("MJ/m2/h", v -> v * 1e6 / 3600.0);
        PERCENT.add("%", v -> v).add("fraction", v -> v * 100.0);
        PRESSURE.add("Pa", v -> v).add("hPa", v -> v * 100.0).add("kPa", v -> v * 1000.0);
        SPEED.add("m/s", v -> v).add("km/h", v -> v / 3.6).add("kn", v -> v * 1852.0 / 3600.0);
        MOLE_FRACTION.add("ppm", v -> v);
        SKY_COVER.add("tenths", v -> v).add("oktas", v -> v * 10.0 / 8.0).add("fraction", v -> v * 10.0);
    }

    private Units add(String unit, DoubleUnaryOperator f) {
        toBase.put(unit.toLowerCase(Locale.ROOT), f);
        return this;
    }

    /** The unit values are converted to. */
    public String base() {
        return base;
    }

    /** The converter from {@code unit} to {@link #base()}; an error listing the known units otherwise. */
    public DoubleUnaryOperator converter(String unit) {
        String u = unit.strip().toLowerCase(Locale.ROOT).replace("°", "").replace("deg", "");
        if (u.equals("degc") || u.equals("celsius")) {
            u = "c";
        }
        DoubleUnaryOperator f = toBase.get(u);
        if (f == null) {
            throw new IllegalArgumentException(
                    "unknown unit '" + unit + "'; known: " + String.join(", ", toBase.keySet()));
        }
        return f;
    }
}
