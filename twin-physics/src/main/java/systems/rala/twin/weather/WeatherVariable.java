package systems.rala.twin.weather;

/**
 * The outdoor variables a {@link WeatherSeries} carries, each with its unit and the physically plausible
 * range that input files are checked against.
 *
 * <p>The ordinal of each constant is its index in the arrays that {@link WeatherSampler#sample} fills.
 */
public enum WeatherVariable {
    /** Global horizontal irradiance, W/m² (EPW field 14; averaged over the interval before its stamp). */
    GLOBAL_RADIATION("global_radiation", "W/m2", 0.0, 1400.0, true),
    /** Dry-bulb air temperature at screen height, °C. */
    AIR_TEMPERATURE("air_temperature", "C", -70.0, 70.0, false),
    /** Relative humidity, % (0–100). */
    RELATIVE_HUMIDITY("relative_humidity", "%", 0.0, 100.0, false),
    /** Water vapour partial pressure, Pa. */
    VAPOUR_PRESSURE("vapour_pressure", "Pa", 0.0, 20_000.0, false),
    /** Wind speed at 10 m, m/s. */
    WIND_SPEED("wind_speed", "m/s", 0.0, 60.0, false),
    /** Effective sky temperature for long-wave exchange, °C. */
    SKY_TEMPERATURE("sky_temperature", "C", -100.0, 60.0, true),
    /** Outdoor CO2 mole fraction, ppm (µmol/mol). */
    CO2("co2", "ppm", 150.0, 2000.0, false),
    /** Soil temperature at the depth the model's lower boundary sits (2 m by default), °C. */
    SOIL_TEMPERATURE("soil_temperature", "C", -30.0, 40.0, false),
    /**
     * Sum of global radiation over the local calendar day, MJ/m² per day; constant within a day (GreenLight
     * uses the whole day's sum for its lamp rule).
     */
    DAILY_RADIATION_SUM("daily_radiation_sum", "MJ/m2", 0.0, 45.0, false);

    /** Number of variables, the length of a sample array. */
    public static final int COUNT = values().length;

    private final String key;
    private final String unit;
    private final double min;
    private final double max;
    private final boolean intervalAverage;

    WeatherVariable(String key, String unit, double min, double max, boolean intervalAverage) {
        this.key = key;
        this.unit = unit;
        this.min = min;
        this.max = max;
        this.intervalAverage = intervalAverage;
    }

    /** Snake-case name used in mapping files, CSV headers and JSON. */
    public String key() {
        return key;
    }

    /** Unit of the values in a series and in samples. */
    public String unit() {
        return unit;
    }

    /** Lowest plausible value, in {@link #unit()}. */
    public double min() {
        return min;
    }

    /** Highest plausible value, in {@link #unit()}. */
    public double max() {
        return max;
    }

    /**
     * True when a file's value stands for the mean over the interval that ends at its time stamp (EPW
     * radiation fields) rather than for the instant of the stamp.
     */
    public boolean intervalAverage() {
        return intervalAverage;
    }

    /** Column header used by RALA's own CSV files: key plus unit, e.g. {@code air_temperature[C]}. */
    public String header() {
        return key + "[" + unit + "]";
    }

    /** The variable with mapping key {@code key}, or an error listing the known keys. */
    public static WeatherVariable ofKey(String key) {
        for (WeatherVariable v : values()) {
            if (v.key.equals(key)) {
                return v;
            }
        }
        StringBuilder known = new StringBuilder();
        for (WeatherVariable v : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(v.key);
        }
        throw new IllegalArgumentException("unknown weather variable '" + key + "'; known: " + known);
    }
}
