package systems.rala.twin.model;

/**
 * A named quantity of a model — a state, an input (actuator) or a disturbance (weather) — with its unit, its
 * meaning, where its equation or value comes from, and the range it may take.
 *
 * @param name identifier used in files, CSV headers and APIs (GreenLight's names for the tomato model)
 * @param unit unit of the value, e.g. {@code °C}, {@code Pa}, {@code mg m-3}, {@code -} for dimensionless
 * @param description what it is, in words
 * @param source paper and equation or table number, e.g. {@code Vanthoor (2011) eq. 8.2}
 * @param min lowest allowed value (for inputs: the actuator's lower bound)
 * @param max highest allowed value (for inputs: the actuator's upper bound)
 */
public record Variable(String name, String unit, String description, String source, double min, double max) {

    public Variable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("variable name is empty");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("variable " + name + ": min " + min + " > max " + max);
        }
    }

    /** A variable without bounds. */
    public static Variable of(String name, String unit, String description, String source) {
        return new Variable(name, unit, description, source, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** Header cell for CSV output: {@code name[unit]}. */
    public String header() {
        return name + "[" + unit + "]";
    }
}
