package systems.rala.runtime.safety;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import systems.rala.runtime.control.Point;

/**
 * The limits the {@link SafetyLayer} enforces on one actuator: immutable and checked when built.
 *
 * <p>An actuator is one of two kinds:
 *
 * <ul>
 *   <li><b>{@link Kind#CONTINUOUS}</b> (valves, vents, screens): the output is the raw command within the hard bounds
 *       {@code [min, max]}, moving from the previous output by at most {@code maxRatePerS · Δt}.
 *   <li><b>{@link Kind#ON_OFF}</b> (lamps): the output is {@code min} (off) or {@code max} (on), nothing between. An
 *       off actuator switches on when the raw command is at or above {@code onThreshold}; an on actuator switches off
 *       when it falls below {@code offThreshold} ({@code min < offThreshold ≤ onThreshold ≤ max}); between the two
 *       it keeps its state (hysteresis). It stays on for at least {@code minOnS} and off for at least {@code minOffS}
 *       after each switch. There is no rate limit: the output jumps between the two values.
 * </ul>
 *
 * Every quantity is in the actuator's {@link #unit()} (for RALA's commands the fraction {@code -}, 0–1) or in
 * seconds. {@link Builder#build()} rejects a value outside its allowed range with a message that names the field as
 * its key in a {@code .properties} file ({@code uRoof.max_rate_per_s}), the value and the range.
 */
public final class ActuatorLimits {

    /** How the actuator moves: continuously, or between off and on. */
    public enum Kind {
        /** Any value in {@code [min, max]}, rate-limited. */
        CONTINUOUS,
        /** {@code min} (off) or {@code max} (on), with hysteresis and minimum on and off times. */
        ON_OFF;

        /** The value of {@code <name>.kind} in a {@code .properties} file: {@code continuous} or {@code on_off}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    // Names become keys of a .properties file ("uRoof.max"): no dots, spaces or '='.
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final String name;
    private final String unit;
    private final Kind kind;
    private final double min;
    private final double max;
    private final double maxRatePerS;
    private final double fallback;
    private final double onThreshold;
    private final double offThreshold;
    private final double minOnS;
    private final double minOffS;

    private ActuatorLimits(Builder b) {
        name = b.name;
        unit = b.unit;
        kind = b.kind;
        min = b.min;
        max = b.max;
        maxRatePerS = b.maxRatePerS;
        fallback = b.fallback;
        onThreshold = b.onThreshold;
        offThreshold = b.offThreshold;
        minOnS = b.minOnS;
        minOffS = b.minOffS;
    }

    /** A builder for a continuous actuator; {@link Builder#range} and a rate ({@link Builder#maxRatePerS} or {@link
     * Builder#noRateLimit}) are required. */
    public static Builder continuous(String name, String unit) {
        return new Builder(name, unit, Kind.CONTINUOUS);
    }

    /** A builder for an on/off actuator; {@link Builder#range}, {@link Builder#thresholds}, {@link Builder#minOnS}
     * and {@link Builder#minOffS} are required. */
    public static Builder onOff(String name, String unit) {
        return new Builder(name, unit, Kind.ON_OFF);
    }

    /** A builder that starts from these limits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The command's name, as in the controller's {@code commands()} ({@code uRoof}). */
    public String name() {
        return name;
    }

    /** The command's unit ({@code -} for a fraction). */
    public String unit() {
        return unit;
    }

    /** Continuous or on/off. */
    public Kind kind() {
        return kind;
    }

    /** Hard minimum [unit]; for an on/off actuator its off value. Always holds. */
    public double min() {
        return min;
    }

    /** Hard maximum [unit], above {@link #min()}; for an on/off actuator its on value. Always holds. */
    public double max() {
        return max;
    }

    /**
     * Largest change of the output per second of elapsed time [unit/s], in [0, inf); {@code +Infinity} for no limit.
     * Continuous actuators only ({@code +Infinity} for on/off ones).
     */
    public double maxRatePerS() {
        return maxRatePerS;
    }

    /**
     * Output when the first command after construction or {@link SafetyLayer#reset()} is not finite [unit], in
     * {@code [min, max]}; default {@code min}. Later non-finite commands hold the last output instead. On/off
     * actuators fall back to off ({@code min}).
     */
    public double fallback() {
        return fallback;
    }

    /** On/off only: an off actuator switches on at a raw command at or above this [unit]; NaN for continuous ones. */
    public double onThreshold() {
        return onThreshold;
    }

    /** On/off only: an on actuator switches off at a raw command below this [unit]; NaN for continuous ones. */
    public double offThreshold() {
        return offThreshold;
    }

    /** On/off only: shortest time on after switching on [s]; 0 for continuous actuators. */
    public double minOnS() {
        return minOnS;
    }

    /** On/off only: shortest time off after switching off [s]; 0 for continuous actuators. */
    public double minOffS() {
        return minOffS;
    }

    /** The actuator as a {@link Point} (name, unit, hard bounds), to compare with a controller's commands. */
    public Point point() {
        return new Point(name, unit, kind == Kind.ON_OFF ? "on/off actuator" : "continuous actuator", min, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActuatorLimits a
                && name.equals(a.name)
                && unit.equals(a.unit)
                && kind == a.kind
                && Double.compare(min, a.min) == 0
                && Double.compare(max, a.max) == 0
                && Double.compare(maxRatePerS, a.maxRatePerS) == 0
                && Double.compare(fallback, a.fallback) == 0
                && Double.compare(onThreshold, a.onThreshold) == 0
                && Double.compare(offThreshold, a.offThreshold) == 0
                && Double.compare(minOnS, a.minOnS) == 0
                && Double.compare(minOffS, a.minOffS) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                name, unit, kind, min, max, maxRatePerS, fallback, onThreshold, offThreshold, minOnS, minOffS);
    }

    @Override
    public String toString() {
        return kind == Kind.CONTINUOUS
                ? name + " [" + unit + "] continuous in [" + Checks.num(min) + ", " + Checks.num(max) + "], rate ≤ "
                        + Checks.num(maxRatePerS) + "/s"
                : name + " [" + unit + "] on/off " + Checks.num(min) + "/" + Checks.num(max) + ", on ≥ "
                        + Checks.num(onThreshold) + ", off < " + Checks.num(offThreshold) + ", min on "
                        + Checks.num(minOnS) + " s, min off " + Checks.num(minOffS) + " s";
    }

    /**
     * Collects the limits of one actuator; {@link #build()} checks them. Setters that do not apply to the kind (a rate
     * for an on/off actuator, thresholds for a continuous one) make {@code build()} fail rather than be ignored.
     */
    public static final class Builder {

        private final String name;
        private final String unit;
        private final Kind kind;
        private double min = Double.NaN;
        private double max = Double.NaN;
        private boolean rangeSet;
        private double maxRatePerS = Double.NaN;
        private boolean rateSet;
        private double fallback = Double.NaN;
        private boolean fallbackSet;
        private double onThreshold = Double.NaN;
        private double offThreshold = Double.NaN;
        private boolean thresholdsSet;
        private double minOnS = Double.NaN;
        private boolean minOnSet;
        private double minOffS = Double.NaN;
        private boolean minOffSet;

        private Builder(String name, String unit, Kind kind) {
            this.name = name;
            this.unit = unit;
            this.kind = kind;
        }

        private Builder(ActuatorLimits a) {
            this(a.name, a.unit, a.kind);
            range(a.min, a.max);
            if (a.kind == Kind.CONTINUOUS) {
                maxRatePerS(a.maxRatePerS);
                fallback(a.fallback);
            } else {
                thresholds(a.onThreshold, a.offThreshold);
                minOnS(a.minOnS);
                minOffS(a.minOffS);
            }
        }

        /** Required: the hard bounds [unit], {@code min < max}. */
        public Builder range(double min, double max) {
            this.min = min;
            this.max = max;
            rangeSet = true;
            return this;
        }

        /**
         * Continuous, required unless {@link #noRateLimit()}: the largest change per second [unit/s], in [0, inf).
         * ({@code +Infinity}, as returned by {@link ActuatorLimits#maxRatePerS()}, is taken as no limit.)
         */
        public Builder maxRatePerS(double v) {
            maxRatePerS = v;
            rateSet = true;
            return this;
        }

        /** Continuous: no rate limit (for a valve that may open and close at once, such as CO2 dosing). */
        public Builder noRateLimit() {
            return maxRatePerS(Double.POSITIVE_INFINITY);
        }

        /** Continuous, optional: the output for a first command that is not finite [unit]; default {@code min}. */
        public Builder fallback(double v) {
            fallback = v;
            fallbackSet = true;
            return this;
        }

        /**
         * On/off, required: switch on at a raw command ≥ {@code on}, off at a raw command &lt; {@code off} [unit],
         * with {@code min < off ≤ on ≤ max}.
         */
        public Builder thresholds(double on, double off) {
            onThreshold = on;
            offThreshold = off;
            thresholdsSet = true;
            return this;
        }

        /** On/off, required: minimum on time [s], in [0, inf). */
        public Builder minOnS(double v) {
            minOnS = v;
            minOnSet = true;
            return this;
        }

        /** On/off, required: minimum off time [s], in [0, inf). */
        public Builder minOffS(double v) {
            minOffS = v;
            minOffSet = true;
            return this;
        }

        /**
         * Checks the limits and returns them.
         *
         * @throws IllegalArgumentException naming the first field (as {@code <name>.<key>}) that is missing, not
         *     applicable to the kind, or outside its range, with its value and the range
         */
        public ActuatorLimits build() {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("safety: actuator name '" + name
                        + "' must start with a letter and hold only letters, digits and underscores");
            }
            if (unit == null || unit.isBlank()) {
                throw new IllegalArgumentException("safety: " + name + ".unit is missing (e.g. '-' for a fraction)");
            }
            if (!rangeSet) {
                throw Checks.missing(name + ".min", "the hard minimum");
            }
            Checks.finite(name + ".min", min);
            Checks.within(name + ".max", max, min, true, Double.POSITIVE_INFINITY, true, "");
            if (kind == Kind.CONTINUOUS) {
                notFor(thresholdsSet, "on_threshold");
                notFor(minOnSet, "min_on_s");
                notFor(minOffSet, "min_off_s");
                if (!rateSet) {
                    throw Checks.missing(name + ".max_rate_per_s", "a rate in [0, inf) per second, or none");
                }
                if (maxRatePerS != Double.POSITIVE_INFINITY) {
                    Checks.nonNegative(name + ".max_rate_per_s", maxRatePerS);
                }
                if (fallbackSet) {
                    Checks.closed(name + ".fallback", fallback, min, max);
                } else {
                    fallback = min;
                }
                onThreshold = Double.NaN;
                offThreshold = Double.NaN;
                minOnS = 0;
                minOffS = 0;
            } else {
                notFor(rateSet, "max_rate_per_s");
                notFor(fallbackSet, "fallback");
                if (!thresholdsSet) {
                    throw Checks.missing(name + ".on_threshold", "the raw command at which it switches on");
                }
                Checks.within(name + ".off_threshold", offThreshold, min, true, max, false, "");
                Checks.within(name + ".on_threshold", onThreshold, offThreshold, false, max, false, "");
                if (!minOnSet) {
                    throw Checks.missing(name + ".min_on_s", "seconds in [0, inf)");
                }
                Checks.nonNegative(name + ".min_on_s", minOnS);
                if (!minOffSet) {
                    throw Checks.missing(name + ".min_off_s", "seconds in [0, inf)");
                }
                Checks.nonNegative(name + ".min_off_s", minOffS);
                maxRatePerS = Double.POSITIVE_INFINITY;
                fallback = min;
            }
            return new ActuatorLimits(this);
        }

        private void notFor(boolean set, String key) {
            if (set) {
                throw new IllegalArgumentException(
                        "safety: " + name + "." + key + " does not apply to " + name + ", which is " + kind.key());
            }
        }
    }
}
