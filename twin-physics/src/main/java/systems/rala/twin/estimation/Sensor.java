package systems.rala.twin.estimation;

import java.util.function.ToDoubleFunction;

/**
 * A sensor the live twin fuses: its name (as the site's point list names it, e.g. {@code air_temperature}),
 * its unit, the standard deviation of its noise, and what a noise-free sensor would read from a model state.
 *
 * @param name identifier of the reading, unique within one {@link LiveTwin}
 * @param unit unit of the reading, e.g. {@code °C}, {@code %}, {@code ppm}
 * @param noiseSd standard deviation of the reading's error [unit]: random noise plus the part of calibration
 *     drift the filter should treat as noise; positive and finite
 * @param reading the noise-free reading of a full model state (the whole state vector, indexed as the
 *     model's {@link systems.rala.twin.model.GreenhouseModel#states()}); must not allocate
 */
public record Sensor(String name, String unit, double noiseSd, ToDoubleFunction<double[]> reading) {

    public Sensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("sensor name is empty");
        }
        if (!(noiseSd > 0.0 && noiseSd < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "sensor " + name + ": noiseSd = " + noiseSd + " " + unit + "; allowed: positive and finite");
        }
        if (reading == null) {
            throw new IllegalArgumentException("sensor " + name + " has no reading function");
        }
    }

    /** The same sensor with another noise standard deviation [unit]. */
    public Sensor withNoiseSd(double sd) {
        return new Sensor(name, unit, sd, reading);
    }
}
