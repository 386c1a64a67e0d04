package systems.rala.runtime.safety;

import static systems.rala.runtime.safety.ReasonCode.ABOVE_MAX;
import static systems.rala.runtime.safety.ReasonCode.BELOW_MIN;
import static systems.rala.runtime.safety.ReasonCode.CO2_CEILING;
import static systems.rala.runtime.safety.ReasonCode.FROST_GUARD;
import static systems.rala.runtime.safety.ReasonCode.HUMIDITY_GUARD;
import static systems.rala.runtime.safety.ReasonCode.HYSTERESIS;
import static systems.rala.runtime.safety.ReasonCode.INVALID_INTERVAL;
import static systems.rala.runtime.safety.ReasonCode.MIN_OFF_TIME;
import static systems.rala.runtime.safety.ReasonCode.MIN_ON_TIME;
import static systems.rala.runtime.safety.ReasonCode.NON_FINITE_COMMAND;
import static systems.rala.runtime.safety.ReasonCode.OVER_TEMPERATURE;
import static systems.rala.runtime.safety.ReasonCode.RATE_LIMITED;
import static systems.rala.runtime.safety.ReasonCode.READING_UNAVAILABLE;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import systems.rala.runtime.control.Point;

/**
 * The last stage between any controller (an exported policy, the rule-based controller, an operator) and the
 * greenhouse equipment: it turns raw commands into commands that are safe to send, whatever the controller asked
 * for, and records why it changed each one ({@link SafetyResult}, {@link ReasonCode}).
 *
 * <h2>Use</h2>
 *
 * One layer per control loop, built from a {@link SafetyConfig}. Every control tick the caller passes the readings
 * (in the order of {@link #readings()}), the controller's raw commands (in the order of {@link
 * SafetyConfig#actuators()}; check with {@link SafetyConfig#requireMatches}) and the time elapsed since the previous
 * tick; {@link #apply} writes the safe commands and returns the audit record.
 *
 * <h2>Pipeline and precedence</h2>
 *
 * Each command passes these stages in order; each stage that changes the value adds its reason code.
 *
 * <ol>
 *   <li><b>Finite.</b> A NaN or infinite command is replaced by the actuator's last output; before the first output
 *       (after construction or {@link #reset()}) by its {@link ActuatorLimits#fallback() fall-back} (on/off: off).
 *       {@link ReasonCode#NON_FINITE_COMMAND}.
 *   <li><b>Hard bounds.</b> Clamped to {@code [min, max]}. {@link ReasonCode#BELOW_MIN}, {@link
 *       ReasonCode#ABOVE_MAX}.
 *   <li><b>On/off actuators: hysteresis, then minimum times.</b> The state follows the thresholds ({@link
 *       ReasonCode#HYSTERESIS} when the resulting off or on value is not the command); a switch that comes before
 *       the minimum on or off time since the last switch is refused ({@link ReasonCode#MIN_ON_TIME}, {@link
 *       ReasonCode#MIN_OFF_TIME}).
 *   <li><b>Continuous actuators: rate limit.</b> Within {@code previous ± maxRatePerS · Δt}. {@link
 *       ReasonCode#RATE_LIMITED}.
 *   <li><b>State guards</b> ({@link SafetyConfig}): humidity (vents ≥ gap), then over-temperature (vents to max,
 *       heating to min), then frost (heating ≥ frost level, vents to min), and the CO2 ceiling (dosing to min). A
 *       guard sets a floor or a ceiling: it never moves a command that already satisfies it. On an on/off actuator a
 *       floor above {@code min} switches it on and a ceiling below {@code max} switches it off.
 * </ol>
 *
 * So:
 *
 * <ul>
 *   <li><b>Hard bounds always hold</b>, and every output is finite: guard targets are checked to lie within the
 *       bounds of the actuators they act on when the configuration is built.
 *   <li><b>State guards beat rate limits and minimum on/off times.</b> Protecting the crop and people cannot wait
 *       for a vent to creep open or a lamp's minimum on time: a guard moves a command in one tick. The move is
 *       recorded with the guard's code, and the next tick's rate limit and timers start from the guarded output.
 *   <li><b>Frost beats humidity</b> on the vents: a freezing crop is lost in hours, a humid one is at risk in days.
 *       Over-temperature and frost cannot be tripped together ({@link SafetyConfig#frostReleaseC()} lies below
 *       {@link SafetyConfig#overTemperatureReleaseC()}).
 *   <li>Hysteresis and minimum times are kept exactly except where a guard overrides them; rate limits likewise.
 * </ul>
 *
 * <h2>What is guaranteed</h2>
 *
 * For any readings (NaN, infinite, extreme), any raw commands (NaN, ±Inf, huge) and any elapsed times (NaN,
 * negative, infinite), every tick, for every actuator {@code i} (property-tested by {@code SafetyLayerPropertiesTest}):
 *
 * <ol>
 *   <li>the output is finite and within {@code [min, max]}; an on/off output is exactly {@code min} or {@code max};
 *   <li>if the output differs from the raw command, the reasons are not empty;
 *   <li>continuous: {@code |output − previous output| ≤ maxRatePerS · Δt}, unless the reasons hold a guard code
 *       ({@link ReasonCode#OVER_TEMPERATURE}, {@link ReasonCode#FROST_GUARD}, {@link ReasonCode#HUMIDITY_GUARD},
 *       {@link ReasonCode#CO2_CEILING}, or {@link ReasonCode#READING_UNAVAILABLE} on CO2 dosing);
 *   <li>on/off: a switch happens only when the raw command crossed the threshold (≥ on to switch on, &lt; off to
 *       switch off) and at least {@code minOnS} (on → off) or {@code minOffS} (off → on) of elapsed time has passed
 *       since the previous switch, unless the reasons hold a guard code;
 *   <li>while a guard is tripped its actuators satisfy it: over-temperature: vents = max, heating = min; frost:
 *       heating ≥ frost level, vents = min; humidity (without frost): vents ≥ gap; CO2 ceiling or missing CO2
 *       reading: dosing = min.
 * </ol>
 *
 * The first tick after construction or {@link #reset()} has no previous output: its commands are bounded (and
 * on/off ones thresholded) but not rate-limited, and it starts the minimum-time timers. A gateway that restarts and
 * knows the commands it last sent should call {@link #restore} instead, which rate-limits from them and counts the
 * minimum times from zero (the conservative assumption).
 *
 * <h2>Readings and time</h2>
 *
 * A reading that is NaN, infinite or outside its plausible range ({@link #readings()} bounds) is unavailable. The
 * temperature and humidity guards then keep the state of the last valid reading (tripped stays tripped) and their
 * actuators carry {@link ReasonCode#READING_UNAVAILABLE}; there is no safe default for a temperature nobody knows
 * (heat and vents are each wrong one way). CO2 dosing is forced off while the CO2 reading is unavailable: without it
 * nothing would stop dosing at the ceiling. A valid but frozen sensor is not detected here.
 *
 * <p>The elapsed time {@code Δt} [s] drives the rate limits and the timers. A NaN, infinite or negative value is
 * taken as 0 s ({@link ReasonCode#INVALID_INTERVAL} in {@link SafetyResult#tickReasons()}): no movement allowance
 * and no timer progress, the conservative reading of a broken clock.
 *
 * <p>{@link #apply} allocates nothing. The layer is not thread-safe: one instance per control loop.
 */
public final class SafetyLayer {

    /** Index of {@code air_temperature} [°C] in {@link #readings()}; the same as in {@code RuleBasedClimateController}. */
    public static final int AIR_TEMPERATURE = 0;
    /** Index of {@code air_relative_humidity} [%]. */
    public static final int AIR_RELATIVE_HUMIDITY = 1;
    /** Index of {@code air_co2} [ppm]. */
    public static final int AIR_CO2 = 2;

    // Plausible ranges of the readings: outside them a sensor has failed (open or shorted probes read far out).
    // Air temperature: the controller's own reading range; RH: physical; CO2: 10,000 ppm is twice the occupational
    // 8-h limit, beyond any greenhouse practice, and the full scale of common NDIR greenhouse sensors.
    static final double AIR_MIN_C = -50;
    static final double AIR_MAX_C = 80;
    static final double RH_MIN_PCT = 0;
    static final double RH_MAX_PCT = 100;
    static final double CO2_MIN_PPM = 0;
    static final double CO2_MAX_PPM = 10_000;

    private static final List<Point> READINGS = List.of(
            new Point("air_temperature", "°C", "greenhouse air temperature (below the screens)", AIR_MIN_C, AIR_MAX_C),
            new Point("air_relative_humidity", "%", "greenhouse air relative humidity", RH_MIN_PCT, RH_MAX_PCT),
            new Point("air_co2", "ppm", "greenhouse air CO2 concentration", CO2_MIN_PPM, CO2_MAX_PPM));

    private static final int HEATING = 1;
    private static final int VENT = 2;
    private static final int CO2_DOSING = 4;

    private static final int TEMPERATURE_BIT = 1 << AIR_TEMPERATURE;
    private static final int HUMIDITY_BIT = 1 << AIR_RELATIVE_HUMIDITY;
    private static final int CO2_BIT = 1 << AIR_CO2;

    private final SafetyConfig config;
    private final int n;
    private final List<Point> actuators;
    private final boolean[] onOff;
    private final double[] min;
    private final double[] max;
    private final double[] rate;
    private final double[] fallback;
    private final double[] onThreshold;
    private final double[] offThreshold;
    private final double[] minOnS;
    private final double[] minOffS;
    private final int[] role;

    // State carried from tick to tick.
    private boolean started;
    private final double[] previous;
    private final boolean[] on;
    private final double[] secondsInState;
    private boolean overTemperature;
    private boolean frost;
    private boolean humid;
    private boolean co2High;

    private final SafetyResult result;

    /** A layer that enforces {@code config}, with no previous output. */
    public SafetyLayer(SafetyConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        List<ActuatorLimits> a = config.actuators();
        n = a.size();
        actuators = config.actuatorPoints();
        onOff = new boolean[n];
        min = new double[n];
        max = new double[n];
        rate = new double[n];
        fallback = new double[n];
        onThreshold = new double[n];
        offThreshold = new double[n];
        minOnS = new double[n];
        minOffS = new double[n];
        role = new int[n];
        for (int i = 0; i < n; i++) {
            ActuatorLimits l = a.get(i);
            onOff[i] = l.kind() == ActuatorLimits.Kind.ON_OFF;
            min[i] = l.min();
            max[i] = l.max();
            rate[i] = l.maxRatePerS();
            fallback[i] = l.fallback();
            onThreshold[i] = l.onThreshold();
            offThreshold[i] = l.offThreshold();
            minOnS[i] = l.minOnS();
            minOffS[i] = l.minOffS();
            String name = l.name();
            role[i] = (config.heating().contains(name) ? HEATING : 0)
                    | (config.vents().contains(name) ? VENT : 0)
                    | (config.co2Dosing().contains(name) ? CO2_DOSING : 0);
        }
        previous = new double[n];
        on = new boolean[n];
        secondsInState = new double[n];
        result = new SafetyResult(a.stream().map(ActuatorLimits::name).toList());
        reset();
    }

    /** The configuration it enforces. */
    public SafetyConfig config() {
        return config;
    }

    /**
     * {@code air_temperature} °C, {@code air_relative_humidity} %, {@code air_co2} ppm, in this order (indices {@link
     * #AIR_TEMPERATURE} …), with their plausible ranges as bounds. The first three readings of {@code
     * RuleBasedClimateController} are the same, so its input values can be passed as they are.
     */
    public List<Point> readings() {
        return READINGS;
    }

    /** The actuators (name, unit, hard bounds), in the order of the commands {@link #apply} takes and writes. */
    public List<Point> actuators() {
        return actuators;
    }

    /**
     * The record of the last {@link #apply} (the object that {@code apply} returns, updated in place); NaN commands
     * before the first tick and after {@link #reset()}.
     */
    public SafetyResult result() {
        return result;
    }

    /**
     * Makes one tick's commands safe. Allocates nothing.
     *
     * @param readings the readings in the order of {@link #readings()} (a longer array is fine: the rest is ignored);
     *     any value, NaN included
     * @param raw the controller's commands in the order of {@link #actuators()} (may be longer); any value
     * @param elapsedS time since the previous call [s]; ignored on the first call; NaN, infinite or negative is taken
     *     as 0
     * @param out receives the safe commands (may be longer; may be {@code raw} itself)
     * @return the audit record of this tick ({@link #result()}), valid until the next call
     * @throws IllegalArgumentException if an array is shorter than its list
     */
    public SafetyResult apply(double[] readings, double[] raw, double elapsedS, double[] out) {
        if (readings.length < READINGS.size()) {
            throw new IllegalArgumentException(
                    "safety: expected " + READINGS.size() + " readings, got " + readings.length);
        }
        if (raw.length < n || out.length < n) {
            throw new IllegalArgumentException(
                    "safety: expected " + n + " commands, got raw " + raw.length + " and room for " + out.length);
        }
        int tick = 0;
        double dt = elapsedS;
        if (!(dt >= 0 && dt < Double.POSITIVE_INFINITY)) {
            dt = 0;
            tick |= INVALID_INTERVAL.bit();
        }

        int unavailable = 0;
        double t = readings[AIR_TEMPERATURE];
        if (t >= AIR_MIN_C && t <= AIR_MAX_C) {
            overTemperature =
                    overTemperature ? t >= config.overTemperatureReleaseC() : t > config.overTemperatureTripC();
            frost = frost ? t <= config.frostReleaseC() : t < config.frostTripC();
        } else {
            unavailable |= TEMPERATURE_BIT;
        }
        double rh = readings[AIR_RELATIVE_HUMIDITY];
        if (rh >= RH_MIN_PCT && rh <= RH_MAX_PCT) {
            humid = humid ? rh >= config.humidityReleasePct() : rh > config.humidityTripPct();
        } else {
            unavailable |= HUMIDITY_BIT;
        }
        double co2 = readings[AIR_CO2];
        if (co2 >= CO2_MIN_PPM && co2 <= CO2_MAX_PPM) {
            co2High = co2High ? co2 >= config.co2ReleasePpm() : co2 > config.co2TripPpm();
        } else {
            unavailable |= CO2_BIT;
        }
        tick |= (overTemperature ? OVER_TEMPERATURE.bit() : 0)
                | (frost ? FROST_GUARD.bit() : 0)
                | (humid ? HUMIDITY_GUARD.bit() : 0)
                | (co2High ? CO2_CEILING.bit() : 0)
                | (unavailable != 0 ? READING_UNAVAILABLE.bit() : 0);

        double[] r = result.rawArray();
        double[] s = result.safeArray();
        int[] why = result.reasonArray();
        System.arraycopy(raw, 0, r, 0, n);
        for (int i = 0; i < n; i++) {
            s[i] = limit(i, r[i], dt, unavailable, why);
        }
        System.arraycopy(s, 0, out, 0, n);
        started = true;
        result.setTick(tick, unavailable, dt);
        return result;
    }

    /** One actuator through the pipeline; writes its reasons to {@code why[i]} and updates its state. */
    private double limit(int i, double x, double dt, int unavailable, int[] why) {
        int w = 0;
        boolean first = !started;
        boolean finite = Double.isFinite(x);
        double v;
        if (!finite) {
            w |= NON_FINITE_COMMAND.bit();
            v = first ? fallback[i] : previous[i];
        } else if (x < min[i]) {
            w |= BELOW_MIN.bit();
            v = min[i];
        } else if (x > max[i]) {
            w |= ABOVE_MAX.bit();
            v = max[i];
        } else {
            v = x + 0.0; // -0.0 becomes 0.0
        }

        boolean was = on[i];
        if (onOff[i]) {
            if (!first) {
                secondsInState[i] += dt;
            }
            boolean want;
            if (!finite) {
                want = !first && was; // hold; off before the first output
            } else if (first || !was) {
                want = v >= onThreshold[i];
            } else {
                want = !(v < offThreshold[i]);
            }
            if ((want ? max[i] : min[i]) != v) {
                w |= HYSTERESIS.bit();
            }
            if (!first && want != was) {
                if (was && secondsInState[i] < minOnS[i]) {
                    want = true;
                    w |= MIN_ON_TIME.bit();
                } else if (!was && secondsInState[i] < minOffS[i]) {
                    want = false;
                    w |= MIN_OFF_TIME.bit();
                }
            }
            v = want ? max[i] : min[i];
        } else if (!first && rate[i] != Double.POSITIVE_INFINITY) {
            double step = rate[i] * dt;
            double lo = previous[i] - step;
            double hi = previous[i] + step;
            if (v < lo) {
                v = lo;
                w |= RATE_LIMITED.bit();
            } else if (v > hi) {
                v = hi;
                w |= RATE_LIMITED.bit();
            }
        }

        int ro = role[i];
        if ((ro & VENT) != 0) {
            if (humid && v < config.humidityVentMin()) {
                v = floor(i, config.humidityVentMin());
                w |= HUMIDITY_GUARD.bit();
            }
            if (overTemperature && v < max[i]) {
                v = max[i];
                w |= OVER_TEMPERATURE.bit();
            }
            if (frost && v > min[i]) {
                v = min[i];
                w |= FROST_GUARD.bit();
            }
            if ((unavailable & (TEMPERATURE_BIT | HUMIDITY_BIT)) != 0) {
                w |= READING_UNAVAILABLE.bit();
            }
        }
        if ((ro & HEATING) != 0) {
            if (overTemperature && v > min[i]) {
                v = min[i];
                w |= OVER_TEMPERATURE.bit();
            }
            if (frost && v < config.frostHeatingMin()) {
                v = floor(i, config.frostHeatingMin());
                w |= FROST_GUARD.bit();
            }
            if ((unavailable & TEMPERATURE_BIT) != 0) {
                w |= READING_UNAVAILABLE.bit();
            }
        }
        if ((ro & CO2_DOSING) != 0) {
            if ((unavailable & CO2_BIT) != 0) {
                v = min[i];
                w |= READING_UNAVAILABLE.bit();
            } else if (co2High && v > min[i]) {
                v = min[i];
                w |= CO2_CEILING.bit();
            }
        }

        if (onOff[i]) {
            boolean now = v == max[i];
            if (first || now != was) {
                secondsInState[i] = 0;
            }
            on[i] = now;
        }
        previous[i] = v;
        why[i] = w;
        return v;
    }

    /** The value that satisfies a floor {@code level} (known to be above the current value): on/off actuators on. */
    private double floor(int i, double level) {
        return onOff[i] ? max[i] : level;
    }

    /** Forgets the previous outputs, the timers and the guards' states: the next tick is a first tick. */
    public void reset() {
        started = false;
        Arrays.fill(previous, Double.NaN);
        Arrays.fill(on, false);
        Arrays.fill(secondsInState, 0.0);
        overTemperature = false;
        frost = false;
        humid = false;
        co2High = false;
        result.clear();
    }

    /**
     * Continues from the commands last sent to the equipment (after a restart): the next tick is rate-limited from
     * them, an on/off actuator is on if its value is at or above its on threshold, and minimum on and off times count
     * from zero, as if every actuator had just switched. The guards start untripped and trip on the next readings.
     *
     * @param lastOutputs one command per actuator, in order, each finite and within its bounds [unit]
     * @throws IllegalArgumentException if a value is not finite or outside its actuator's bounds
     */
    public void restore(double[] lastOutputs) {
        if (lastOutputs.length < n) {
            throw new IllegalArgumentException("safety: restore needs " + n + " commands, got " + lastOutputs.length);
        }
        for (int i = 0; i < n; i++) {
            Checks.closed("restore " + actuators.get(i).name(), lastOutputs[i], min[i], max[i]);
        }
        reset();
        for (int i = 0; i < n; i++) {
            double v = lastOutputs[i] + 0.0;
            if (onOff[i]) {
                on[i] = v >= onThreshold[i];
                v = on[i] ? max[i] : min[i];
            }
            previous[i] = v;
        }
        started = true;
    }
}
