package systems.rala.env.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import systems.rala.env.testing.Allocations;
import systems.rala.env.testing.CountingEnv;
import systems.rala.env.wrappers.EpisodeStatistics;

class VectorEnvTest {

    private static Env pendulum(int maxSteps) {
        return new EpisodeStatistics(
                EnvRegistry.make("Pendulum-v1", Map.of("max_episode_steps", Integer.toString(maxSteps))));
    }

    /** Everything a run produced, step by step, as flat rows. */
    private static List<double[]> run(int threads, int n, int steps, int maxSteps) {
        List<double[]> rows = new ArrayList<>();
        try (VectorEnv vec = new VectorEnv(i -> pendulum(maxSteps + i), n, threads)) {
            vec.reset(123);
            rows.add(vec.observations().clone());
            SplittableRandom r = new SplittableRandom(9);
            double[] actions = new double[n];
            for (int k = 0; k < steps; k++) {
                for (int i = 0; i < n; i++) {
                    actions[i] = r.nextDouble(-2, 2);
                }
                vec.step(actions);
                rows.add(vec.observations().clone());
                rows.add(vec.rewards().clone());
                double[] flags = new double[3 * n];
                for (int i = 0; i < n; i++) {
                    flags[i] = vec.terminated()[i] ? 1 : 0;
                    flags[n + i] = vec.truncated()[i] ? 1 : 0;
                    flags[2 * n + i] = vec.hasFinal(i) ? vec.finalInfo(i).get(EpisodeStatistics.RETURN) : 0;
                }
                rows.add(flags);
                double[] finals = vec.finalObservations().clone();
                for (int i = 0; i < n; i++) {
                    if (!vec.hasFinal(i)) {
                        Arrays.fill(finals, i * 3, i * 3 + 3, 0); // stale where no episode ended
                    }
                }
                rows.add(finals);
            }
        }
        return rows;
    }

    @Test
    void sameResultsBitForBitWhateverTheThreadCount() {
        List<double[]> one = run(1, 8, 1_000, 37);
        for (int threads : new int[] {2, 3}) {
            List<double[]> many = run(threads, 8, 1_000, 37);
            assertThat(many).hasSameSizeAs(one);
            for (int k = 0; k < one.size(); k++) {
                // Arrays.equals on doubles compares bits (NaN included)
                assertThat(Arrays.equals(many.get(k), one.get(k)))
                        .as("row %d with %d threads", k, threads)
                        .isTrue();
            }
        }
        // rows: the reset observations, then per step observations, rewards, flags, final observations
        int truncations = 0;
        for (int k = 0; k < 1_000; k++) {
            double[] flags = one.get(1 + 4 * k + 2);
            for (int i = 0; i < 8; i++) {
                truncations += (int) flags[8 + i];
            }
        }
        int expected = 0;
        for (int i = 0; i < 8; i++) {
            expected += 1_000 / (37 + i); // env i's episodes last 37 + i steps
        }
        assertThat(truncations).isEqualTo(expected);
    }

    @Test
    void replayRestoresEveryEnvironmentMidEpisodeAndTheRunContinuesBitForBit() {
        int n = 4;
        double[][] log = new double[n][1000];
        int[] logSteps = new int[n];
        SplittableRandom r = new SplittableRandom(5);
        double[] actions = new double[n];
        List<double[]> continued = new ArrayList<>();
        long[] started = new long[n];
        try (VectorEnv vec = new VectorEnv(i -> pendulum(20 + 3 * i), n, 2)) {
            vec.reset(77);
            for (int k = 0; k < 130; k++) { // several episodes of each env, stopping in the middle of one
                for (int i = 0; i < n; i++) {
                    actions[i] = r.nextDouble(-2, 2);
                }
                vec.step(actions);
                for (int i = 0; i < n; i++) {
                    log[i][logSteps[i]++] = actions[i];
                    if (vec.hasFinal(i)) {
                        logSteps[i] = 0;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                started[i] = vec.episodesStarted(i);
            }
            assertThat(started[0]).isEqualTo(1 + 130 / 20);
            SplittableRandom after = new SplittableRandom(6);
            continued.add(vec.observations().clone());
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    actions[i] = after.nextDouble(-2, 2);
                }
                vec.step(actions);
                continued.add(vec.observations().clone());
                continued.add(vec.rewards().clone());
            }
        }
        List<double[]> replayed = new ArrayList<>();
        try (VectorEnv vec = new VectorEnv(i -> pendulum(20 + 3 * i), n, 1)) {
            vec.replay(77, started, log, logSteps);
            SplittableRandom after = new SplittableRandom(6);
            replayed.add(vec.observations().clone());
            for (int k = 0; k < 60; k++) {
                for (int i = 0; i < n; i++) {
                    actions[i] = after.nextDouble(-2, 2);
                }
                vec.step(actions);
                replayed.add(vec.observations().clone());
                replayed.add(vec.rewards().clone());
            }
        }
        for (int k = 0; k < continued.size(); k++) {
            assertThat(Arrays.equals(replayed.get(k), continued.get(k)))
                    .as("row %d", k)
                    .isTrue();
        }
    }

    @Test
    void autoResetKeepsTheFinalObservationAndInfoAndStartsTheNextSeed() {
        int n = 3;
        try (VectorEnv vec = new VectorEnv(i -> pendulum(5), n, 2)) {
            vec.reset(77);
            // the same episodes, by hand: env i's seed stream is the i-th split of SplittableRandom(77)
            SplittableRandom root = new SplittableRandom(77);
            SplittableRandom[] streams = new SplittableRandom[n];
            Env[] shadows = new Env[n];
            for (int i = 0; i < n; i++) {
                streams[i] = root.split();
                shadows[i] = pendulum(5);
                assertThat(slice(vec.observations(), i))
                        .containsExactly(shadows[i].reset(streams[i].nextLong()).observation);
            }
            double[] actions = {0.5, -1.0, 2.0};
            for (int k = 1; k <= 5; k++) {
                vec.step(actions);
                for (int i = 0; i < n; i++) {
                    Step s = shadows[i].step(new double[] {actions[i]});
                    assertThat(vec.rewards()[i]).isEqualTo(s.reward);
                    assertThat(vec.truncated()[i]).isEqualTo(k == 5);
                    assertThat(vec.terminated()[i]).isFalse();
                    assertThat(vec.hasFinal(i)).isEqualTo(k == 5);
                    if (k < 5) {
                        assertThat(slice(vec.observations(), i)).containsExactly(s.observation);
                        continue;
                    }
                    // the ended episode: its last observation and info are kept aside
                    assertThat(slice(vec.finalObservations(), i)).containsExactly(s.observation);
                    assertThat(vec.finalInfo(i).get(EpisodeStatistics.RETURN))
                            .isEqualTo(s.info.get(EpisodeStatistics.RETURN));
                    assertThat(vec.finalInfo(i).get(EpisodeStatistics.LENGTH)).isEqualTo(5);
                    // the new episode: the next seed of env i's stream
                    Step next = shadows[i].reset(streams[i].nextLong());
                    assertThat(slice(vec.observations(), i)).containsExactly(next.observation);
                    assertThat(vec.info(i).has(EpisodeStatistics.RETURN)).isFalse();
                }
            }
            vec.step(actions);
            for (int i = 0; i < n; i++) {
                assertThat(vec.hasFinal(i)).isFalse();
                assertThat(slice(vec.observations(), i))
                        .containsExactly(shadows[i].step(new double[] {actions[i]}).observation);
            }
        }
    }

    private static double[] slice(double[] flat, int i) {
        return Arrays.copyOfRange(flat, i * 3, i * 3 + 3);
    }

    private static boolean onWorker() {
        return Thread.currentThread().getName().startsWith("rala-vector-env-");
    }

    /**
     * A CountingEnv that fails with {@code failure} when stepped on a worker thread while {@code armed}; on the
     * calling thread it first waits (up to 10 s) for a worker to have stepped an env, so that the failure
     * surely happens on a worker even though the threads take envs from a shared counter.
     */
    private static Env failingOnWorker(AtomicBoolean armed, AtomicBoolean workerStepped, Supplier<Throwable> failure) {
        return new Wrapper(new CountingEnv()) {
            @Override
            public Step step(double[] action) {
                if (!armed.get()) {
                    return env.step(action);
                }
                if (onWorker()) {
                    workerStepped.set(true);
                    Throwable t = failure.get();
                    if (t instanceof Error e) {
                        throw e;
                    }
                    throw (RuntimeException) t;
                }
                long until = System.nanoTime() + 10_000_000_000L;
                while (!workerStepped.get() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                return env.step(action);
            }
        };
    }

    @Test
    void errorsInAWorkerReachTheCaller() {
        for (Supplier<Throwable> failure : List.<Supplier<Throwable>>of(
                () -> new IllegalStateException("a worker broke"), () -> new AssertionError("a worker broke"))) {
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                AtomicBoolean armed = new AtomicBoolean();
                AtomicBoolean workerStepped = new AtomicBoolean();
                try (VectorEnv vec = new VectorEnv(i -> failingOnWorker(armed, workerStepped, failure), 2, 2)) {
                    double[] a = {0, 0};
                    vec.step(a);
                    armed.set(true);
                    assertThatThrownBy(() -> vec.step(a))
                            .isInstanceOf(failure.get().getClass())
                            .hasMessage("a worker broke");
                    assertThat(workerStepped).isTrue();
                    armed.set(false);
                    vec.reset(1);
                    for (int k = 0; k < 100; k++) {
                        vec.step(a); // the worker survived, and nothing hangs
                    }
                    assertThat(vec.observations()[0]).isEqualTo(100);
                    assertThat(vec.observations()[3]).isEqualTo(100);
                }
            });
        }
    }

    @Test
    void anErrorOnTheCallingThreadWaitsForTheWorkersAndSparesTheOtherEnvs() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (VectorEnv vec = new VectorEnv(
                    i -> i > 0
                            ? new CountingEnv()
                            : new Wrapper(new CountingEnv()) {
                                @Override
                                public Step step(double[] action) {
                                    if (!onWorker()) {
                                        throw new AssertionError("the caller broke");
                                    }
                                    return env.step(action);
                                }
                            },
                    8,
                    2)) {
                double[] a = new double[8];
                int steps = 0;
                AssertionError thrown = null;
                while (thrown == null && steps < 100_000) {
                    steps++;
                    try {
                        vec.step(a); // env 0 fails whenever the calling thread takes it
                    } catch (AssertionError e) {
                        thrown = e;
                    }
                }
                assertThat(thrown).hasMessage("the caller broke");
                // the other envs were all stepped, by the caller or the worker
                for (int i = 1; i < 8; i++) {
                    assertThat(vec.observations()[3 * i]).as("env %d", i).isEqualTo(steps);
                }
                vec.reset(3);
                assertThat(vec.observations()[3]).isZero();
            }
        });
    }

    @Test
    void aBadActionInAWorkerNamesTheComponent() {
        try (VectorEnv vec = new VectorEnv(i -> pendulum(200), 4, 2)) {
            assertThatThrownBy(() -> vec.step(new double[] {0, 0, 3.0, 0}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Pendulum-v1: action torque = 3.0 N m is outside [-2.0, 2.0]");
            assertThatThrownBy(() -> vec.step(new double[] {0, 0, 0}))
                    .hasMessage("actions has 3 values; 4 envs take 4");
        }
        assertThatThrownBy(() -> new VectorEnv(i -> pendulum(200), 0, 1)).hasMessageContaining("at least 1 env");
        assertThatThrownBy(() -> new VectorEnv(i -> pendulum(200), 2, 3))
                .hasMessageContaining("threads 3 must be between 1 and the number of envs, 2");
    }

    private static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("rala-vector-env-") && t.isAlive())
                .count();
    }

    @Test
    void closeStopsTheThreadsAndClosesTheEnvs() {
        long before = liveWorkers();
        boolean[] closed = new boolean[4];
        VectorEnv vec = new VectorEnv(
                i -> new Wrapper(new CountingEnv()) {
                    @Override
                    public void close() {
                        closed[i] = true;
                    }
                },
                4,
                4);
        vec.step(new double[4]);
        assertThat(liveWorkers()).isEqualTo(before + 3);
        vec.close();
        assertThat(liveWorkers()).isEqualTo(before);
        assertThat(closed).containsOnly(true);
        assertThatThrownBy(() -> vec.step(new double[4])).hasMessage("vector environment is closed");
        assertThatThrownBy(() -> vec.reset(1)).hasMessage("vector environment is closed");
        vec.close(); // twice is fine
    }

    @Test
    void stepAllocatesNothingOnAnyThread() {
        Allocations alloc = Allocations.counter();
        try (VectorEnv vec = new VectorEnv(i -> pendulum(100_000_000), 8, 2)) {
            double[] actions = new double[8];
            steps(vec, actions, 5_000);
            List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("rala-vector-env-"))
                    .toList();
            long overhead = alloc.overhead();
            long[] workerBefore = workers.stream().mapToLong(alloc::of).toArray();
            long before = alloc.current();
            steps(vec, actions, 20_000);
            long caller = alloc.current() - before - overhead;
            long inWorkers = 0;
            for (int t = 0; t < workers.size(); t++) {
                inWorkers += alloc.of(workers.get(t)) - workerBefore[t];
            }
            assertThat(caller)
                    .as("bytes allocated on the calling thread by 2e4 steps")
                    .isLessThan(1024);
            assertThat(inWorkers)
                    .as("bytes allocated on the workers by 2e4 steps")
                    .isLessThan(1024);
        }
    }

    @Test
    void autoResetAllocatesOnlyAFewObjectsPerEpisode() {
        Allocations alloc = Allocations.counter();
        try (VectorEnv vec = new VectorEnv(i -> pendulum(10), 8, 1)) {
            double[] actions = new double[8];
            steps(vec, actions, 20_000);
            long overhead = alloc.overhead();
            long before = alloc.current();
            steps(vec, actions, 100_000);
            long perReset = (alloc.current() - before - overhead) / (100_000 / 10 * 8);
            // the seed streams of a reset: a SplittableRandom in AbstractEnv and the few of Seeds.stream
            assertThat(perReset).as("bytes per episode reset").isLessThan(512);
        }
    }

    private static void steps(VectorEnv vec, double[] actions, int steps) {
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < actions.length; i++) {
                actions[i] = ((k + i) % 5 - 2) * 0.5;
            }
            vec.step(actions);
        }
    }
}
