package systems.rala.runtime.safety;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import systems.rala.runtime.control.Point;

/**
 * What the {@link SafetyLayer} enforces at one site: the limits of each actuator ({@link ActuatorLimits}), which
 * actuators heat, ventilate and dose CO2, and the thresholds of the four state guards. Immutable and checked when
 * built; every failure names the field, the value and the allowed range.
 *
 * <h2>State guards</h2>
 *
 * Each guard trips when its reading crosses the trip value and releases when the reading comes back past the release
 * value (a hysteresis band, so that the override does not chatter at the threshold). The readings are those of {@link
 * SafetyLayer#readings()}.
 *
 * <table>
 *   <caption>Guards, their defaults ({@link #greenhouseDefaults()}) and their actions</caption>
 *   <tr><th>guard</th><th>trips</th><th>releases</th><th>action while tripped</th></tr>
 *   <tr><td>over-temperature</td><td>air &gt; 35 °C</td><td>air &lt; 33 °C</td>
 *       <td>vents to their maximum, heating to its minimum (off)</td></tr>
 *   <tr><td>frost guard</td><td>air &lt; 5 °C</td><td>air &gt; 7 °C</td>
 *       <td>heating to at least {@code heating_min} (1: full), vents to their minimum (closed)</td></tr>
 *   <tr><td>humidity guard</td><td>RH &gt; 95 %</td><td>RH &lt; 90 %</td>
 *       <td>vents to at least {@code vent_min} (0.1: a 10 % gap)</td></tr>
 *   <tr><td>CO2 ceiling</td><td>CO2 &gt; 1,500 ppm</td><td>CO2 &lt; 1,400 ppm</td>
 *       <td>CO2 dosing to its minimum (off)</td></tr>
 * </table>
 *
 * <p>Rationale of the defaults. They are last-resort limits, set where the normal controller has already failed, not
 * set-points: with GreenLight's rule-based settings ({@code RuleBasedSettings.katzin2021()}) the vents are fully open
 * for heat at 28.5 °C (19.5 + 5 + 4), they open for humidity from 87 %, heating starts below 18.5–19.5 °C and CO2
 * dosing stops at 1,000 ppm. Over-temperature at 35 °C is above the 32 °C day temperature at which chronic heat stress
 * already lowers tomato fruit set (Sato, Peet &amp; Thomas 2000, Plant, Cell &amp; Environment 23:719–726), and
 * high enough that the guard never fights normal control. The frost guard at 5 °C keeps a margin to 0 °C, where a
 * crop freezes, for a heating system that has failed or a sensor below the crop. Humidity at 95 % means the crop is
 * close to condensation, where fungal diseases such as grey mould start. The CO2 ceiling of 1,500 ppm protects
 * people: the occupational exposure limit for CO2 is 5,000 ppm as an 8-hour time-weighted average (US OSHA PEL, 29 CFR
 * 1910.1000 Table Z-1; ACGIH TLV-TWA; EU indicative limit, Directive 2006/15/EC) and 30,000 ppm for 15 minutes (ACGIH
 * STEL); 1,500 ppm leaves a factor of three for uneven mixing (a worker next to a dosing tube breathes more than the
 * sensor sees) and sensor error, and lies above the highest CO2 set-points used for tomato (1,000 ppm in Katzin 2021).
 *
 * <h2>Loading from a file</h2>
 *
 * {@link #load(Path)} reads a UTF-8 {@code .properties} file in the format that {@link #toPropertiesText()} writes:
 *
 * <pre>
 * actuators = uBoil, uRoof, uLamp, uExtCo2        # in the order of the controller's commands
 * uRoof.kind = continuous                          # or on_off
 * uRoof.unit = -
 * uRoof.min = 0
 * uRoof.max = 1
 * uRoof.max_rate_per_s = 0.0033333333333333335     # [unit/s], or none
 * uRoof.fallback = 0                               # optional, default min
 * uLamp.kind = on_off
 * uLamp.on_threshold = 0.6
 * uLamp.off_threshold = 0.4
 * uLamp.min_on_s = 600
 * uLamp.min_off_s = 900
 * heating = uBoil                                  # may be empty
 * vents = uRoof
 * co2_dosing = uExtCo2
 * over_temperature.trip_c = 35
 * over_temperature.release_c = 33
 * frost_guard.trip_c = 5
 * frost_guard.release_c = 7
 * frost_guard.heating_min = 1
 * humidity_guard.trip_pct = 95
 * humidity_guard.release_pct = 90
 * humidity_guard.vent_min = 0.1
 * co2_ceiling.trip_ppm = 1500
 * co2_ceiling.release_ppm = 1400
 * </pre>
 *
 * (Comments in a real file go on their own lines, starting with {@code #}.) Every key is required except {@code
 * fallback}; a key the format does not know is rejected, so a misspelt key cannot silently leave a default in place.
 */
public final class SafetyConfig {

    private static final SafetyConfig GREENHOUSE_DEFAULTS = defaultsBuilder().build();

    private final List<ActuatorLimits> actuators;
    private final List<String> heating;
    private final List<String> vents;
    private final List<String> co2Dosing;
    private final double overTemperatureTripC;
    private final double overTemperatureReleaseC;
    private final double frostTripC;
    private final double frostReleaseC;
    private final double frostHeatingMin;
    private final double humidityTripPct;
    private final double humidityReleasePct;
    private final double humidityVentMin;
    private final double co2TripPpm;
    private final double co2ReleasePpm;

    private SafetyConfig(Builder b) {
        actuators = List.copyOf(b.actuators.values());
        heating = List.copyOf(b.heating);
        vents = List.copyOf(b.vents);
        co2Dosing = List.copyOf(b.co2Dosing);
        overTemperatureTripC = b.overTemperatureTripC;
        overTemperatureReleaseC = b.overTemperatureReleaseC;
        frostTripC = b.frostTripC;
        frostReleaseC = b.frostReleaseC;
        frostHeatingMin = b.frostHeatingMin;
        humidityTripPct = b.humidityTripPct;
        humidityReleasePct = b.humidityReleasePct;
        humidityVentMin = b.humidityVentMin;
        co2TripPpm = b.co2TripPpm;
        co2ReleasePpm = b.co2ReleasePpm;
    }

    /**
     * Limits for the eight commands of {@code RuleBasedClimateController}, in its order, and the guards of the table
     * above. All commands are fractions ({@code -}) in [0, 1]. The rates and times are assumptions to be replaced by
     * the site's own: they let no command move faster than a typical drive does anyway, so they hold back a policy
     * that jumps, and leave the rule-based controller alone at control steps of 300 s.
     *
     * <ul>
     *   <li>{@code uBoil}, {@code uBoilGro}: continuous, at most 1/120 per s (full stroke in 2 min, the running time of
     *       a common mixing-valve motor).
     *   <li>{@code uRoof}, {@code uThScr}, {@code uBlScr}: continuous, at most 1/300 per s (full travel in 5 min).
     *   <li>{@code uLamp} (top-lights): on/off, on at ≥ 0.6, off below 0.4, at least 600 s on and 900 s off
     *       (high-pressure sodium lamps do not re-strike while hot and lose life with every start).
     *   <li>{@code uIntLamp} (LED inter-lights): on/off, on at ≥ 0.6, off below 0.4, at least 60 s on and off (no
     *       flicker from a chattering command).
     *   <li>{@code uExtCo2}: continuous, no rate limit (a dosing valve may close at once).
     *   <li>Heating {@code uBoil, uBoilGro}; vents {@code uRoof}; CO2 dosing {@code uExtCo2}.
     * </ul>
     */
    public static SafetyConfig greenhouseDefaults() {
        return GREENHOUSE_DEFAULTS;
    }

    private static Builder defaultsBuilder() {
        double valve = 1.0 / 120.0;
        double drive = 1.0 / 300.0;
        return builder()
                .actuator(ActuatorLimits.continuous("uBoil", "-")
                        .range(0, 1)
                        .maxRatePerS(valve)
                        .build())
                .actuator(ActuatorLimits.continuous("uBoilGro", "-")
                        .range(0, 1)
                        .maxRatePerS(valve)
                        .build())
                .actuator(ActuatorLimits.continuous("uRoof", "-")
                        .range(0, 1)
                        .maxRatePerS(drive)
                        .build())
                .actuator(ActuatorLimits.continuous("uThScr", "-")
                        .range(0, 1)
                        .maxRatePerS(drive)
                        .build())
                .actuator(ActuatorLimits.continuous("uBlScr", "-")
                        .range(0, 1)
                        .maxRatePerS(drive)
                        .build())
                .actuator(ActuatorLimits.onOff("uLamp", "-")
                        .range(0, 1)
                        .thresholds(0.6, 0.4)
                        .minOnS(600)
                        .minOffS(900)
                        .build())
                .actuator(ActuatorLimits.onOff("uIntLamp", "-")
                        .range(0, 1)
                        .thresholds(0.6, 0.4)
                        .minOnS(60)
                        .minOffS(60)
                        .build())
                .actuator(ActuatorLimits.continuous("uExtCo2", "-")
                        .range(0, 1)
                        .noRateLimit()
                        .build())
                .heating("uBoil", "uBoilGro")
                .vents("uRoof")
                .co2Dosing("uExtCo2")
                .overTemperature(35, 33)
                .frostGuard(5, 7, 1)
                .humidityGuard(95, 90, 0.1)
                .co2Ceiling(1500, 1400);
    }

    /** An empty builder: every actuator, role and guard must be given. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The actuators, in the order of the commands the layer takes and returns. */
    public List<ActuatorLimits> actuators() {
        return actuators;
    }

    /** The actuators as points (name, unit, hard bounds), in order. */
    public List<Point> actuatorPoints() {
        return actuators.stream().map(ActuatorLimits::point).toList();
    }

    /** Names of the heating actuators (turned off by over-temperature, up by the frost guard). */
    public List<String> heating() {
        return heating;
    }

    /** Names of the vent actuators (opened by over-temperature and humidity, closed by the frost guard). */
    public List<String> vents() {
        return vents;
    }

    /** Names of the CO2 dosing actuators (turned off by the CO2 ceiling and when the CO2 reading is missing). */
    public List<String> co2Dosing() {
        return co2Dosing;
    }

    /** Over-temperature trips when air temperature exceeds this [°C]; allowed [−50, 80]; default 35 °C. */
    public double overTemperatureTripC() {
        return overTemperatureTripC;
    }

    /** Over-temperature releases when air temperature falls below this [°C]; allowed [−50, trip]; default 33 °C. */
    public double overTemperatureReleaseC() {
        return overTemperatureReleaseC;
    }

    /** The frost guard trips when air temperature falls below this [°C]; allowed [−50, 80]; default 5 °C. */
    public double frostTripC() {
        return frostTripC;
    }

    /**
     * The frost guard releases when air temperature rises above this [°C]; allowed [trip, over-temperature release),
     * so that the frost guard and over-temperature can never be tripped together; default 7 °C.
     */
    public double frostReleaseC() {
        return frostReleaseC;
    }

    /**
     * Lowest heating command while the frost guard is tripped [unit of the heating actuators]; allowed within the
     * bounds of every heating actuator; default 1 (full heat).
     */
    public double frostHeatingMin() {
        return frostHeatingMin;
    }

    /** The humidity guard trips when air relative humidity exceeds this [%]; allowed [0, 100]; default 95 %. */
    public double humidityTripPct() {
        return humidityTripPct;
    }

    /** The humidity guard releases when relative humidity falls below this [%]; allowed [0, trip]; default 90 %. */
    public double humidityReleasePct() {
        return humidityReleasePct;
    }

    /**
     * Smallest vent command while the humidity guard is tripped [unit of the vent actuators]; allowed within the
     * bounds of every vent actuator; default 0.1 (a 10 % gap).
     */
    public double humidityVentMin() {
        return humidityVentMin;
    }

    /** The CO2 ceiling trips when air CO2 exceeds this [ppm]; allowed (0, 10000]; default 1,500 ppm. */
    public double co2TripPpm() {
        return co2TripPpm;
    }

    /** The CO2 ceiling releases when air CO2 falls below this [ppm]; allowed [0, trip]; default 1,400 ppm. */
    public double co2ReleasePpm() {
        return co2ReleasePpm;
    }

    /**
     * Checks that the actuators are the controller's commands: the same names and units, in the same order, so that
     * {@code raw[i]} from the controller is the command the layer limits as actuator {@code i}.
     *
     * @throws IllegalArgumentException listing every position where they differ
     */
    public void requireMatches(List<Point> commands) {
        List<String> problems = new ArrayList<>();
        int n = Math.max(commands.size(), actuators.size());
        for (int i = 0; i < n; i++) {
            if (i >= actuators.size()) {
                problems.add("command " + i + " (" + commands.get(i).name() + ") has no actuator limits");
            } else if (i >= commands.size()) {
                problems.add("actuator " + i + " (" + actuators.get(i).name() + ") is not a command");
            } else {
                ActuatorLimits a = actuators.get(i);
                Point p = commands.get(i);
                if (!a.name().equals(p.name())) {
                    problems.add("position " + i + ": command " + p.name() + ", actuator " + a.name());
                } else if (!a.unit().equals(p.unit())) {
                    problems.add(a.name() + ": command unit '" + p.unit() + "', actuator unit '" + a.unit() + "'");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    "safety: actuators do not match the commands:\n  " + String.join("\n  ", problems));
        }
    }

    // -------------------------------------------------------------------------------------------------------------
    // .properties

    /**
     * Reads a configuration from a UTF-8 {@code .properties} file (format in the class documentation).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException naming the first key that is missing, unknown, not a number or outside its
     *     range
     */
    public static SafetyConfig load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return fromProperties(p);
    }

    /**
     * A configuration from properties (format in the class documentation).
     *
     * @throws IllegalArgumentException naming the first key that is missing, unknown, not a number or outside its
     *     range
     */
    public static SafetyConfig fromProperties(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) {
            m.put(k.trim(), p.getProperty(k).trim());
        }
        Set<String> known = new HashSet<>(GUARD_KEYS);
        known.addAll(List.of("actuators", "heating", "vents", "co2_dosing"));
        Builder b = builder();
        for (String name : list(required(m, "actuators"))) {
            known.add(name + ".kind");
            known.add(name + ".unit");
            known.add(name + ".min");
            known.add(name + ".max");
            String kind = required(m, name + ".kind");
            String unit = required(m, name + ".unit");
            ActuatorLimits.Builder a;
            if (kind.equals(ActuatorLimits.Kind.CONTINUOUS.key())) {
                a = ActuatorLimits.continuous(name, unit);
                known.add(name + ".max_rate_per_s");
                known.add(name + ".fallback");
                String rate = required(m, name + ".max_rate_per_s");
                if (rate.equals("none")) {
                    a.noRateLimit();
                } else {
                    a.maxRatePerS(number(name + ".max_rate_per_s", rate));
                }
                if (m.containsKey(name + ".fallback")) {
                    a.fallback(number(m, name + ".fallback"));
                }
            } else if (kind.equals(ActuatorLimits.Kind.ON_OFF.key())) {
                a = ActuatorLimits.onOff(name, unit);
                known.add(name + ".on_threshold");
                known.add(name + ".off_threshold");
                known.add(name + ".min_on_s");
                known.add(name + ".min_off_s");
                a.thresholds(number(m, name + ".on_threshold"), number(m, name + ".off_threshold"))
                        .minOnS(number(m, name + ".min_on_s"))
                        .minOffS(number(m, name + ".min_off_s"));
            } else {
                throw new IllegalArgumentException(
                        "safety: " + name + ".kind = " + kind + " is not one of continuous, on_off");
            }
            a.range(number(m, name + ".min"), number(m, name + ".max"));
            b.actuator(a.build());
        }
        Set<String> unknown = new TreeSet<>(m.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("safety: unknown key " + String.join(", ", unknown)
                    + " (actuators are only those listed in 'actuators'; keys are listed in SafetyConfig)");
        }
        return b.heating(list(required(m, "heating")).toArray(String[]::new))
                .vents(list(required(m, "vents")).toArray(String[]::new))
                .co2Dosing(list(required(m, "co2_dosing")).toArray(String[]::new))
                .overTemperature(number(m, "over_temperature.trip_c"), number(m, "over_temperature.release_c"))
                .frostGuard(
                        number(m, "frost_guard.trip_c"),
                        number(m, "frost_guard.release_c"),
                        number(m, "frost_guard.heating_min"))
                .humidityGuard(
                        number(m, "humidity_guard.trip_pct"),
                        number(m, "humidity_guard.release_pct"),
                        number(m, "humidity_guard.vent_min"))
                .co2Ceiling(number(m, "co2_ceiling.trip_ppm"), number(m, "co2_ceiling.release_ppm"))
                .build();
    }

    private static final List<String> GUARD_KEYS = List.of(
            "over_temperature.trip_c",
            "over_temperature.release_c",
            "frost_guard.trip_c",
            "frost_guard.release_c",
            "frost_guard.heating_min",
            "humidity_guard.trip_pct",
            "humidity_guard.release_pct",
            "humidity_guard.vent_min",
            "co2_ceiling.trip_ppm",
            "co2_ceiling.release_ppm");

    /** This configuration as the text of a {@code .properties} file that {@link #load} reads back to an equal one. */
    public String toPropertiesText() {
        StringBuilder s = new StringBuilder();
        s.append("# RALA safety layer (policy-runtime, systems.rala.runtime.safety.SafetyConfig)\n");
        s.append("actuators = ")
                .append(String.join(
                        ", ", actuators.stream().map(ActuatorLimits::name).toList()))
                .append('\n');
        for (ActuatorLimits a : actuators) {
            String n = a.name();
            s.append('\n');
            line(s, n + ".kind", a.kind().key());
            line(s, n + ".unit", a.unit());
            line(s, n + ".min", a.min());
            line(s, n + ".max", a.max());
            if (a.kind() == ActuatorLimits.Kind.CONTINUOUS) {
                if (a.maxRatePerS() == Double.POSITIVE_INFINITY) {
                    line(s, n + ".max_rate_per_s", "none");
                } else {
                    line(s, n + ".max_rate_per_s", a.maxRatePerS());
                }
                line(s, n + ".fallback", a.fallback());
            } else {
                line(s, n + ".on_threshold", a.onThreshold());
                line(s, n + ".off_threshold", a.offThreshold());
                line(s, n + ".min_on_s", a.minOnS());
                line(s, n + ".min_off_s", a.minOffS());
            }
        }
        s.append('\n');
        line(s, "heating", String.join(", ", heating));
        line(s, "vents", String.join(", ", vents));
        line(s, "co2_dosing", String.join(", ", co2Dosing));
        s.append('\n');
        line(s, "over_temperature.trip_c", overTemperatureTripC);
        line(s, "over_temperature.release_c", overTemperatureReleaseC);
        line(s, "frost_guard.trip_c", frostTripC);
        line(s, "frost_guard.release_c", frostReleaseC);
        line(s, "frost_guard.heating_min", frostHeatingMin);
        line(s, "humidity_guard.trip_pct", humidityTripPct);
        line(s, "humidity_guard.release_pct", humidityReleasePct);
        line(s, "humidity_guard.vent_min", humidityVentMin);
        line(s, "co2_ceiling.trip_ppm", co2TripPpm);
        line(s, "co2_ceiling.release_ppm", co2ReleasePpm);
        return s.toString();
    }

    private static void line(StringBuilder s, String key, double v) {
        line(s, key, Checks.num(v));
    }

    private static void line(StringBuilder s, String key, String v) {
        s.append(key).append(" = ").append(v).append('\n');
    }

    private static String required(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw Checks.missing(key, "see SafetyConfig for the file format");
        }
        return v;
    }

    private static double number(Map<String, String> m, String key) {
        return number(key, required(m, key));
    }

    private static double number(String key, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("safety: " + key + " = " + text + " is not a number", e);
        }
    }

    private static List<String> list(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SafetyConfig c
                && actuators.equals(c.actuators)
                && heating.equals(c.heating)
                && vents.equals(c.vents)
                && co2Dosing.equals(c.co2Dosing)
                && Double.compare(overTemperatureTripC, c.overTemperatureTripC) == 0
                && Double.compare(overTemperatureReleaseC, c.overTemperatureReleaseC) == 0
                && Double.compare(frostTripC, c.frostTripC) == 0
                && Double.compare(frostReleaseC, c.frostReleaseC) == 0
                && Double.compare(frostHeatingMin, c.frostHeatingMin) == 0
                && Double.compare(humidityTripPct, c.humidityTripPct) == 0
                && Double.compare(humidityReleasePct, c.humidityReleasePct) == 0
                && Double.compare(humidityVentMin, c.humidityVentMin) == 0
                && Double.compare(co2TripPpm, c.co2TripPpm) == 0
                && Double.compare(co2ReleasePpm, c.co2ReleasePpm) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                actuators,
                heating,
                vents,
                co2Dosing,
                overTemperatureTripC,
                overTemperatureReleaseC,
                frostTripC,
                frostReleaseC,
                frostHeatingMin,
                humidityTripPct,
                humidityReleasePct,
                humidityVentMin,
                co2TripPpm,
                co2ReleasePpm);
    }

    @Override
    public String toString() {
        return toPropertiesText();
    }

    /**
     * Collects a configuration; {@link #build()} checks it. Every actuator ({@link #actuator}), role ({@link
     * #heating}, {@link #vents}, {@link #co2Dosing}; an empty call means none) and guard must be given.
     */
    public static final class Builder {

        private final Map<String, ActuatorLimits> actuators = new LinkedHashMap<>();
        private String duplicate;
        private List<String> heating;
        private List<String> vents;
        private List<String> co2Dosing;
        private double overTemperatureTripC = Double.NaN;
        private double overTemperatureReleaseC = Double.NaN;
        private boolean overTemperatureSet;
        private double frostTripC = Double.NaN;
        private double frostReleaseC = Double.NaN;
        private double frostHeatingMin = Double.NaN;
        private boolean frostSet;
        private double humidityTripPct = Double.NaN;
        private double humidityReleasePct = Double.NaN;
        private double humidityVentMin = Double.NaN;
        private boolean humiditySet;
        private double co2TripPpm = Double.NaN;
        private double co2ReleasePpm = Double.NaN;
        private boolean co2Set;

        private Builder() {}

        private Builder(SafetyConfig c) {
            c.actuators.forEach(this::actuator);
            heating = c.heating;
            vents = c.vents;
            co2Dosing = c.co2Dosing;
            overTemperature(c.overTemperatureTripC, c.overTemperatureReleaseC);
            frostGuard(c.frostTripC, c.frostReleaseC, c.frostHeatingMin);
            humidityGuard(c.humidityTripPct, c.humidityReleasePct, c.humidityVentMin);
            co2Ceiling(c.co2TripPpm, c.co2ReleasePpm);
        }

        /** Adds an actuator after those already added; a second actuator of the same name fails the build. */
        public Builder actuator(ActuatorLimits a) {
            Objects.requireNonNull(a, "actuator");
            if (actuators.putIfAbsent(a.name(), a) != null && duplicate == null) {
                duplicate = a.name();
            }
            return this;
        }

        /**
         * Replaces the limits of the actuator of the same name, keeping its position.
         *
         * @throws IllegalArgumentException if there is no actuator of that name
         */
        public Builder replace(ActuatorLimits a) {
            if (!actuators.containsKey(a.name())) {
                throw new IllegalArgumentException("safety: cannot replace " + a.name()
                        + ", which is not an actuator (actuators: " + String.join(", ", actuators.keySet()) + ")");
            }
            actuators.put(a.name(), a);
            return this;
        }

        /** The heating actuators, by name (none: no call arguments). */
        public Builder heating(String... names) {
            heating = List.of(names);
            return this;
        }

        /** The vent actuators, by name. */
        public Builder vents(String... names) {
            vents = List.of(names);
            return this;
        }

        /** The CO2 dosing actuators, by name. */
        public Builder co2Dosing(String... names) {
            co2Dosing = List.of(names);
            return this;
        }

        /** Over-temperature: trip above {@code tripC}, release below {@code releaseC} [°C]. */
        public Builder overTemperature(double tripC, double releaseC) {
            overTemperatureTripC = tripC;
            overTemperatureReleaseC = releaseC;
            overTemperatureSet = true;
            return this;
        }

        /**
         * Frost guard: trip below {@code tripC}, release above {@code releaseC} [°C]; heating at least {@code
         * heatingMin} [unit of the heating actuators] while tripped.
         */
        public Builder frostGuard(double tripC, double releaseC, double heatingMin) {
            frostTripC = tripC;
            frostReleaseC = releaseC;
            frostHeatingMin = heatingMin;
            frostSet = true;
            return this;
        }

        /**
         * Humidity guard: trip above {@code tripPct}, release below {@code releasePct} [% RH]; vents at least {@code
         * ventMin} [unit of the vent actuators] while tripped.
         */
        public Builder humidityGuard(double tripPct, double releasePct, double ventMin) {
            humidityTripPct = tripPct;
            humidityReleasePct = releasePct;
            humidityVentMin = ventMin;
            humiditySet = true;
            return this;
        }

        /** CO2 ceiling: trip above {@code tripPpm}, release below {@code releasePpm} [ppm]. */
        public Builder co2Ceiling(double tripPpm, double releasePpm) {
            co2TripPpm = tripPpm;
            co2ReleasePpm = releasePpm;
            co2Set = true;
            return this;
        }

        /**
         * Checks the configuration and returns it.
         *
         * @throws IllegalArgumentException naming the first field that is missing or outside its allowed range, with
         *     its value and the range, or a role that names an unknown actuator or an actuator in two roles
         */
        public SafetyConfig build() {
            if (actuators.isEmpty()) {
                throw Checks.missing("actuators", "at least one actuator");
            }
            if (duplicate != null) {
                throw new IllegalArgumentException("safety: actuator " + duplicate + " is given twice");
            }
            if (heating == null) {
                throw Checks.missing("heating", "names of the heating actuators, possibly none");
            }
            if (vents == null) {
                throw Checks.missing("vents", "names of the vent actuators, possibly none");
            }
            if (co2Dosing == null) {
                throw Checks.missing("co2_dosing", "names of the CO2 dosing actuators, possibly none");
            }
            Map<String, String> roleOf = new LinkedHashMap<>();
            role("heating", heating, roleOf);
            role("vents", vents, roleOf);
            role("co2_dosing", co2Dosing, roleOf);

            if (!overTemperatureSet) {
                throw Checks.missing("over_temperature.trip_c", "°C");
            }
            Checks.closed(
                    "over_temperature.trip_c", overTemperatureTripC, SafetyLayer.AIR_MIN_C, SafetyLayer.AIR_MAX_C);
            Checks.closed(
                    "over_temperature.release_c", overTemperatureReleaseC, SafetyLayer.AIR_MIN_C, overTemperatureTripC);
            if (!frostSet) {
                throw Checks.missing("frost_guard.trip_c", "°C");
            }
            Checks.closed("frost_guard.trip_c", frostTripC, SafetyLayer.AIR_MIN_C, SafetyLayer.AIR_MAX_C);
            Checks.within(
                    "frost_guard.release_c",
                    frostReleaseC,
                    frostTripC,
                    false,
                    overTemperatureReleaseC,
                    true,
                    " (below over_temperature.release_c, so that the two guards are never tripped together)");
            inBoundsOf("frost_guard.heating_min", frostHeatingMin, heating, "heating");
            if (!humiditySet) {
                throw Checks.missing("humidity_guard.trip_pct", "% RH");
            }
            Checks.closed("humidity_guard.trip_pct", humidityTripPct, SafetyLayer.RH_MIN_PCT, SafetyLayer.RH_MAX_PCT);
            Checks.closed("humidity_guard.release_pct", humidityReleasePct, SafetyLayer.RH_MIN_PCT, humidityTripPct);
            inBoundsOf("humidity_guard.vent_min", humidityVentMin, vents, "vent");
            if (!co2Set) {
                throw Checks.missing("co2_ceiling.trip_ppm", "ppm");
            }
            Checks.within(
                    "co2_ceiling.trip_ppm",
                    co2TripPpm,
                    SafetyLayer.CO2_MIN_PPM,
                    true,
                    SafetyLayer.CO2_MAX_PPM,
                    false,
                    "");
            Checks.closed("co2_ceiling.release_ppm", co2ReleasePpm, SafetyLayer.CO2_MIN_PPM, co2TripPpm);
            return new SafetyConfig(this);
        }

        private void role(String key, List<String> names, Map<String, String> roleOf) {
            for (String n : names) {
                if (!actuators.containsKey(n)) {
                    throw new IllegalArgumentException("safety: " + key + " names " + n
                            + ", which is not an actuator (actuators: " + String.join(", ", actuators.keySet()) + ")");
                }
                String other = roleOf.putIfAbsent(n, key);
                if (other != null) {
                    throw new IllegalArgumentException(
                            other.equals(key)
                                    ? "safety: " + key + " names " + n + " twice"
                                    : "safety: " + n + " is in both " + other + " and " + key
                                            + "; an actuator has at most one role");
                }
            }
        }

        /** {@code v} within the bounds of every named actuator (any finite value when there are none). */
        private void inBoundsOf(String field, double v, List<String> names, String what) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (String n : names) {
                lo = Math.max(lo, actuators.get(n).min());
                hi = Math.min(hi, actuators.get(n).max());
            }
            Checks.within(field, v, lo, false, hi, false, " (the bounds of every " + what + " actuator)");
        }
    }
}
