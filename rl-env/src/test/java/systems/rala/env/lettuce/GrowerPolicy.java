package systems.rala.env.lettuce;

import java.util.List;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.baseline.LettuceGrowerHeuristic;

/**
 * The benchmark's GrowerHeuristic acting through the environment's actions: RALA's {@link
 * LettuceGrowerHeuristic} reads indoor temperature, RH and CO2 from the observation — rounded to single
 * precision, as the benchmark hands them out (notes {@code benchmark.md} section 6) — and the radiation of the
 * step about to be applied; its target becomes an action with {@link LettuceEnv#actionTowards}.
 */
final class GrowerPolicy {

    private final LettuceGrowerHeuristic heuristic = new LettuceGrowerHeuristic();
    private final ControlInput in = new ControlInput(heuristic.readings());
    private final double[] target = new double[3];
    private final double[] previous = new double[3];

    GrowerPolicy() {
        List<String> order = heuristic.readings().stream().map(p -> p.name()).toList();
        if (!order.equals(List.of("air_temperature", "air_relative_humidity", "air_co2", "outdoor_global_radiation"))) {
            throw new IllegalStateException("LettuceGrowerHeuristic reads " + order + "; act() fills another order");
        }
    }

    /** Writes the action for {@code observation} into {@code action}. */
    void act(double[] observation, double[] action) {
        double[] v = in.values();
        v[0] = (float) observation[2];
        v[1] = (float) observation[3];
        v[2] = (float) observation[1];
        v[3] = observation[LettuceEnv.OBS_WEATHER];
        heuristic.decide(in, target);
        System.arraycopy(observation, 4, previous, 0, 3);
        LettuceEnv.actionTowards(previous, target, action);
    }
}
