package systems.rala.env.plant;

/** How a plant computes one reading from the model's state {@code x} and the weather {@code d}. */
@FunctionalInterface
public interface Reading {

    /** The reading's value for state {@code x} and weather {@code d} (indexed by WeatherVariable ordinal). */
    double value(double[] x, double[] d);
}
