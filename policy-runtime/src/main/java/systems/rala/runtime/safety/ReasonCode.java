package systems.rala.runtime.safety;

import java.util.EnumSet;
import java.util.Set;

/**
 * Why the {@link SafetyLayer} changed a command, or what it knew when it decided: one code per rule. A {@link
 * SafetyResult} holds the codes of each actuator as a bit mask ({@link #bit()}), so recording them allocates nothing;
 * {@link #decode(int)} turns a mask into a set for an audit record.
 *
 * <p>The codes of one actuator are every rule that changed its value on the way through the layer's pipeline (see
 * {@link SafetyLayer}), in pipeline order, so a value can carry more than one: {@link #RATE_LIMITED} and {@link
 * #OVER_TEMPERATURE} means the rate limit cut the step and the over-temperature guard then overrode the cut. {@link
 * #READING_UNAVAILABLE} is the one code that can appear on an unchanged value: it says that a reading guarding that
 * actuator was missing, so its guard ran on a held state.
 */
public enum ReasonCode {

    /** The raw command was NaN or infinite: replaced by the last safe output, or the fall-back before the first. */
    NON_FINITE_COMMAND,
    /** The raw command was below the actuator's hard minimum: raised to it. */
    BELOW_MIN,
    /** The raw command was above the actuator's hard maximum: lowered to it. */
    ABOVE_MAX,
    /**
     * An on/off actuator: the output is the off or on value chosen by the switching thresholds, not the raw value
     * (the raw value lay between the thresholds, or was a fraction that the actuator cannot take).
     */
    HYSTERESIS,
    /** An on/off actuator asked to switch off before its minimum on time had passed: kept on. */
    MIN_ON_TIME,
    /** An on/off actuator asked to switch on before its minimum off time had passed: kept off. */
    MIN_OFF_TIME,
    /** The step from the previous output was larger than the actuator's maximum rate allows: cut to the limit. */
    RATE_LIMITED,
    /** Air temperature above the over-temperature limit: vents forced fully open and heating forced off. */
    OVER_TEMPERATURE,
    /** Air temperature below the frost limit: heating forced to at least its frost level and vents closed. */
    FROST_GUARD,
    /** Air relative humidity above the humidity limit: vents forced open to at least their humidity gap. */
    HUMIDITY_GUARD,
    /** Air CO2 above the ceiling: CO2 dosing forced off. */
    CO2_CEILING,
    /**
     * A reading that guards this actuator was missing (NaN, infinite or implausible). CO2 dosing is then forced off;
     * the temperature and humidity guards keep the state they had at the last valid reading.
     */
    READING_UNAVAILABLE,
    /**
     * Tick-level only ({@link SafetyResult#tickReasons()}): the elapsed time passed to {@link SafetyLayer#apply} was
     * NaN, infinite or negative and was taken as 0 s (no rate allowance, timers do not advance).
     */
    INVALID_INTERVAL;

    // values() clones its array on every call; lookups by ordinal on the hot path use this one.
    private static final ReasonCode[] ALL = values();

    /** The bit of this code in a reason mask: {@code 1 << ordinal()}. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Whether {@code mask} contains this code. */
    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }

    /** The codes of a mask, in declaration order (allocates: for audit records, not the control tick). */
    public static Set<ReasonCode> decode(int mask) {
        Set<ReasonCode> set = EnumSet.noneOf(ReasonCode.class);
        for (ReasonCode c : ALL) {
            if (c.in(mask)) {
                set.add(c);
            }
        }
        return set;
    }

    /** The mask of the given codes. */
    public static int mask(ReasonCode... codes) {
        int m = 0;
        for (ReasonCode c : codes) {
            m |= c.bit();
        }
        return m;
    }
}
