package systems.rala.twin.calibration;

import java.util.List;
import java.util.function.Function;
import systems.rala.twin.model.Parameters;

/**
 * What a sensitivity screening or a calibration measures about one parameter set: a vector of named outputs,
 * for example per measured variable the RMSE of a simulated run against the measurements, or the mean of a
 * simulated variable over a window ({@link SimulationObjective} builds both from a model run).
 *
 * <p>{@link #evaluate} is called concurrently from several threads, one parameter set per call: it must keep
 * no mutable state between calls, and build its own model and simulation each time.
 */
public interface Objective {

    /** The outputs' names, in the order {@link #evaluate} returns them; not empty, no duplicates. */
    List<String> outputs();

    /** The outputs for {@code parameters}, one finite value per {@link #outputs()} name, in that order. */
    double[] evaluate(Parameters parameters);

    /** An objective from its output names and a function that computes them. */
    static Objective of(List<String> outputs, Function<Parameters, double[]> function) {
        List<String> names = List.copyOf(outputs);
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException(
                    "objective outputs " + names + ": need at least one name and no name twice");
        }
        return new Objective() {
            @Override
            public List<String> outputs() {
                return names;
            }

            @Override
            public double[] evaluate(Parameters parameters) {
                return function.apply(parameters);
            }
        };
    }
}
