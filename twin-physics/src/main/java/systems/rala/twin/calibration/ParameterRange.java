package systems.rala.twin.calibration;

/**
 * A parameter varied by a sensitivity screening, and the interval it is varied over, in the parameter's own
 * unit. {@link MorrisScreening.Builder#vary} checks the name and the interval against the model's declared
 * {@link systems.rala.twin.model.ParameterSpec}.
 *
 * @param name the parameter's name, as the model declares it
 * @param low lowest value screened
 * @param high highest value screened, above {@code low}
 */
public record ParameterRange(String name, double low, double high) {

    public ParameterRange {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is empty");
        }
        if (!(Double.isFinite(low) && Double.isFinite(high) && low < high)) {
            throw new IllegalArgumentException("parameter " + name + ": screening range " + low + " to " + high
                    + " is empty or not finite; allowed: finite low < high");
        }
    }

    /** The value at {@code x} in [0, 1] of the interval (0: low, 1: high), kept inside it despite rounding. */
    public double at(double x) {
        return Math.max(low, Math.min(high, low + x * (high - low)));
    }

    /** high − low. */
    public double width() {
        return high - low;
    }
}
