package systems.rala.env.lettuce;

import java.util.List;
import systems.rala.env.agents.Agent;
import systems.rala.env.core.Step;
import systems.rala.runtime.control.ControlInput;
import systems.rala.runtime.control.baseline.LettuceGrowerHeuristic;
import systems.rala.runtime.control.baseline.Pid;

/**
 * Baseline agents of {@code GreenhouseLettuce-v0}, acting through the environment's rate-limited actions:
 * each computes a target control and moves towards it as far as the rate limit allows ({@link
 * LettuceEnv#actionTowards}), as the benchmark's baselines do.
 *
 * <ul>
 *   <li>{@code rule-based}: the benchmark's grower heuristic ({@link LettuceGrowerHeuristic}), reading the
 *       observation rounded to single precision as the benchmark hands it out;
 *   <li>{@code all-off}: every control towards 0 (the heater ramps down from its initial 50 W m⁻²);
 *   <li>{@code pid}: PI loops — heating to the heuristic's set-points (14 °C by day, 10 °C at night), the vents
 *       to 2 K above them, CO2 as the heuristic.
 * </ul>
 */
final class LettuceBaselines {

    static final List<String> NAMES = List.of("rule-based", "all-off", "pid");

    private LettuceBaselines() {}

    static Agent of(String name) {
        return switch (name) {
            case "rule-based" -> new Heuristic();
            case "all-off" ->
                new Agent() {
                    private final double[] previous = new double[3];
                    private final double[] zero = new double[3];

                    @Override
                    public void act(Step s, double[] action) {
                        System.arraycopy(s.observation, 4, previous, 0, 3);
                        LettuceEnv.actionTowards(previous, zero, action);
                    }

                    @Override
                    public String name() {
                        return "all-off";
                    }
                };
            case "pid" -> new PidAgent();
            default ->
                throw new IllegalArgumentException(
                        "no baseline '" + name + "' for " + LettuceEnv.ID + "; available: " + NAMES);
        };
    }

    private static final class Heuristic implements Agent {
        private final LettuceGrowerHeuristic heuristic = new LettuceGrowerHeuristic();
        private final ControlInput in = new ControlInput(heuristic.readings());
        private final double[] target = new double[3];
        private final double[] previous = new double[3];

        @Override
        public void act(Step s, double[] action) {
            double[] o = s.observation;
            double[] v = in.values();
            v[0] = (float) o[2];
            v[1] = (float) o[3];
            v[2] = (float) o[1];
            v[3] = o[LettuceEnv.OBS_WEATHER];
            heuristic.decide(in, target);
            System.arraycopy(o, 4, previous, 0, 3);
            LettuceEnv.actionTowards(previous, target, action);
        }

        @Override
        public String name() {
            return "rule-based";
        }
    }

    private static final class PidAgent implements Agent {
        private final Pid heat = new Pid(30, 3600, 0, 0, 150);
        private final Pid vent = new Pid(-2, 3600, 0, 0, 7.5);
        private final double[] target = new double[3];
        private final double[] previous = new double[3];

        @Override
        public void reset() {
            heat.reset();
            vent.reset();
        }

        @Override
        public void act(Step s, double[] action) {
            double[] o = s.observation;
            double temp = o[2];
            double co2 = o[1];
            double rad = o[LettuceEnv.OBS_WEATHER];
            boolean day = rad > LettuceGrowerHeuristic.DAY_RADIATION;
            double sp = day ? LettuceGrowerHeuristic.TEMP_DAY : LettuceGrowerHeuristic.TEMP_NIGHT;
            target[2] = heat.update(sp, temp, LettuceEnv.DT);
            target[1] = vent.update(sp + LettuceGrowerHeuristic.VENT_DEADBAND, temp, LettuceEnv.DT);
            target[0] = day && target[1] <= LettuceGrowerHeuristic.CO2_VENT_CUTOFF
                    ? Math.max(
                            0,
                            Math.min(1.2, LettuceGrowerHeuristic.CO2_GAIN * (LettuceGrowerHeuristic.CO2_TARGET - co2)))
                    : 0;
            System.arraycopy(o, 4, previous, 0, 3);
            LettuceEnv.actionTowards(previous, target, action);
        }

        @Override
        public String name() {
            return "pid";
        }
    }
}
