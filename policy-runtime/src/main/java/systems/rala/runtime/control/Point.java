package systems.rala.runtime.control;

/**
 * A named point of a site: a reading a controller consumes or a command it produces, with its unit and
 * bounds.
 *
 * @param name identifier, e.g. {@code air_temperature} or {@code uBoil}
 * @param unit unit of the value ({@code °C}, {@code %}, {@code ppm}, {@code W/m2}, {@code -} for fractions)
 * @param description what it is
 * @param min lowest valid value
 * @param max highest valid value
 */
public record Point(String name, String unit, String description, double min, double max) {

    public Point {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("point name is empty");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("point " + name + ": min " + min + " > max " + max);
        }
    }
}
