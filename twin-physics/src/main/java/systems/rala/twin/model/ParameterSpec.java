package systems.rala.twin.model;

/**
 * A model parameter: its default value, unit, meaning, source and the physically meaningful range that an
 * override is checked against.
 *
 * @param name identifier used in parameter files ({@code --params-file})
 * @param defaultValue the value of the model's default parameter set
 * @param unit unit of the value
 * @param description what it is
 * @param source paper and table or equation number
 * @param min lowest allowed value
 * @param max highest allowed value
 */
public record ParameterSpec(
        String name, double defaultValue, String unit, String description, String source, double min, double max) {

    public ParameterSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("parameter name is empty");
        }
        if (!(min <= max) || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(
                    "parameter " + name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }
}
