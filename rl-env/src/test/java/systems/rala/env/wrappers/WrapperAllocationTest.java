package systems.rala.env.wrappers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import systems.rala.env.classic.PendulumEnv;
import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;
import systems.rala.env.testing.Allocations;

/** No wrapper allocates per step once warm, alone or stacked; resets (once per episode) may. */
class WrapperAllocationTest {

    private static final int WARM_UP = 100_000;
    private static final int STEPS = 500_000;

    record Case(String name, Supplier<Env> make) {}

    @Test
    void wrappersAllocateNothingPerStep() {
        Allocations alloc = Allocations.counter();
        List<Case> cases = List.of(
                new Case("raw", PendulumEnv::new),
                new Case("TimeLimit", () -> new TimeLimit(new PendulumEnv(), Integer.MAX_VALUE)),
                new Case("NormalizeObservation", () -> new NormalizeObservation(new PendulumEnv())),
                new Case("RescaleAction", () -> new RescaleAction(new PendulumEnv())),
                new Case("ClipAction", () -> new ClipAction(new PendulumEnv())),
                new Case("DeltaAction", () -> new DeltaAction(new PendulumEnv(), new double[] {0.5}, new double[] {0})),
                new Case("EpisodeStatistics", () -> new EpisodeStatistics(new PendulumEnv())),
                new Case("SensorNoise", () -> new SensorNoise(new PendulumEnv(), new double[] {0.01, 0.01, 0.1})),
                new Case("SensorDelay", () -> new SensorDelay(new PendulumEnv(), 3)),
                new Case(
                        "stack",
                        () -> new EpisodeStatistics(new TimeLimit(
                                new NormalizeObservation(new RescaleAction(new SensorDelay(
                                        new SensorNoise(new PendulumEnv(), new double[] {0.01, 0.01, 0.1}), 2))),
                                Integer.MAX_VALUE))));
        for (Case c : cases) {
            Env env = c.make().get();
            env.reset(1);
            double[] action = new double[1];
            double sink = run(env, action, WARM_UP);
            long overhead = alloc.overhead();
            long before = alloc.current();
            sink += run(env, action, STEPS);
            long allocated = alloc.current() - before - overhead;
            assertThat(sink).isFinite();
            // one allocation per step would be at least 16 bytes × 5e5 steps
            assertThat(allocated)
                    .as("%s: bytes allocated by %d steps", c.name(), STEPS)
                    .isLessThan(1024);
        }
    }

    @Test
    void theMeasurementSeesAnAllocationPerStep() {
        Allocations alloc = Allocations.counter();
        Env env = new Wrapper(new PendulumEnv()) {
            private double[] kept;

            @Override
            public Step step(double[] action) {
                kept = action.clone(); // 24 bytes per step, escaping into a field
                return env.step(kept);
            }
        };
        env.reset(1);
        double[] action = new double[1];
        double sink = run(env, action, WARM_UP);
        long before = alloc.current();
        sink += run(env, action, STEPS);
        assertThat(sink).isFinite();
        assertThat(alloc.current() - before).isGreaterThanOrEqualTo(16L * STEPS);
    }

    private static double run(Env env, double[] action, int steps) {
        double sum = 0;
        for (int k = 0; k < steps; k++) {
            action[0] = ((k * 7919L) % 2001 - 1000) / 1000.0; // within [−1, 1], valid for every case
            Step s = env.step(action);
            sum += s.reward + s.observation[0];
        }
        return sum;
    }
}
