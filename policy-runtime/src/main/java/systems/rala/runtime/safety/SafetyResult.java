package systems.rala.runtime.safety;

import java.util.Arrays;
import java.util.List;

/**
 * The audit record of one {@link SafetyLayer#apply} call: per actuator the raw command, the safe command and the
 * reasons for any difference, and per tick the state of the guards. One instance per layer, overwritten in place by
 * every call ({@link SafetyLayer#apply} returns it), so reading it allocates nothing; copy what must outlive the tick.
 *
 * <p>Reasons are bit masks of {@link ReasonCode} ({@link ReasonCode#bit()}); {@link ReasonCode#decode(int)} turns one
 * into a set. Guarantee: whenever {@link #safe(int)} differs from {@link #raw(int)} (a NaN raw command always differs),
 * {@link #reasons(int)} is not 0.
 */
public final class SafetyResult {

    private final List<String> names;
    private final double[] raw;
    private final double[] safe;
    private final int[] reasons;
    private int tickReasons;
    private int unavailableReadings;
    private double elapsedS;

    SafetyResult(List<String> names) {
        this.names = List.copyOf(names);
        raw = new double[names.size()];
        safe = new double[names.size()];
        reasons = new int[names.size()];
        clear();
    }

    void clear() {
        Arrays.fill(raw, Double.NaN);
        Arrays.fill(safe, Double.NaN);
        Arrays.fill(reasons, 0);
        tickReasons = 0;
        unavailableReadings = 0;
        elapsedS = Double.NaN;
    }

    // Package-private writers, used by SafetyLayer only.
    double[] rawArray() {
        return raw;
    }

    double[] safeArray() {
        return safe;
    }

    int[] reasonArray() {
        return reasons;
    }

    void setTick(int tickReasons, int unavailableReadings, double elapsedS) {
        this.tickReasons = tickReasons;
        this.unavailableReadings = unavailableReadings;
        this.elapsedS = elapsedS;
    }

    /** Number of actuators. */
    public int size() {
        return names.size();
    }

    /** Name of actuator {@code i}. */
    public String actuator(int i) {
        return names.get(i);
    }

    /** The raw command of actuator {@code i} as the controller gave it (may be NaN or infinite) [unit]. */
    public double raw(int i) {
        return raw[i];
    }

    /** The command sent to actuator {@code i}: finite and within its hard bounds [unit]. NaN before the first tick. */
    public double safe(int i) {
        return safe[i];
    }

    /** The {@link ReasonCode} mask of actuator {@code i}; 0 when the layer passed the raw command through unchanged. */
    public int reasons(int i) {
        return reasons[i];
    }

    /** Whether actuator {@code i}'s reasons include {@code code}. */
    public boolean has(int i, ReasonCode code) {
        return code.in(reasons[i]);
    }

    /** Whether the safe command of actuator {@code i} differs from the raw one (always, for a non-finite raw one). */
    public boolean intervened(int i) {
        return !(raw[i] == safe[i]);
    }

    /** Whether any actuator's command was changed. */
    public boolean anyIntervention() {
        for (int i = 0; i < raw.length; i++) {
            if (intervened(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Conditions of the whole tick, as a {@link ReasonCode} mask: the guards that were tripped ({@link
     * ReasonCode#OVER_TEMPERATURE}, {@link ReasonCode#FROST_GUARD}, {@link ReasonCode#HUMIDITY_GUARD}, {@link
     * ReasonCode#CO2_CEILING}), {@link ReasonCode#READING_UNAVAILABLE} if any reading was missing and {@link
     * ReasonCode#INVALID_INTERVAL} if the elapsed time was unusable. A guard can be tripped without changing any
     * command (the controller already did what it asks).
     */
    public int tickReasons() {
        return tickReasons;
    }

    /** Which readings were missing (NaN, infinite or outside their plausible range): bit {@code 1 << index}. */
    public int unavailableReadings() {
        return unavailableReadings;
    }

    /** The elapsed time the rate limits and timers used [s]: the argument, or 0 when it was unusable. */
    public double elapsedS() {
        return elapsedS;
    }

    /** The record as text, one actuator a line (allocates: for logs and tests). */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("safety tick: elapsed ")
                .append(elapsedS)
                .append(" s, ")
                .append(ReasonCode.decode(tickReasons));
        for (int i = 0; i < raw.length; i++) {
            s.append("\n  ")
                    .append(names.get(i))
                    .append(": raw ")
                    .append(raw[i])
                    .append(" -> safe ")
                    .append(safe[i]);
            if (reasons[i] != 0) {
                s.append(' ').append(ReasonCode.decode(reasons[i]));
            }
        }
        return s.toString();
    }
}
