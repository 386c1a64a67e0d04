package systems.rala.env.core;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * N copies of an environment stepped together through flat arrays, spread over worker threads.
 *
 * <p><b>Layout.</b> {@link #observations()} holds env i's observation at [i·d, (i+1)·d), d the observation
 * size; {@link #step(double[])} takes env i's action at [i·a, (i+1)·a). Rewards and flags are per env.
 *
 * <p><b>Auto-reset</b> (Gymnasium's "same-step" mode): when env i ends in a step — terminated or truncated —
 * its final observation and info are copied to {@link #finalObservations()} and {@link #finalInfo(int)},
 * {@link #hasFinal(int)} is set, the env is reset at once with the next seed of its own seed stream, and
 * {@link #observations()} holds the first observation of the new episode. The reward and the flags of that
 * step belong to the episode that ended. A learner bootstraps a truncated episode from the final
 * observation, never from the new one.
 *
 * <p><b>Seeds.</b> {@link #reset(long)} gives env i the seed stream SplittableRandom(seed) split i times;
 * every episode of env i takes the next seed of its stream, so a vector run is reproducible whatever the
 * thread count.
 *
 * <p><b>Threads.</b> The calling thread and {@code threads − 1} workers take the envs of a step in short runs
 * of neighbouring envs (about half a thread's share) from a shared counter, so a worker the operating system has not scheduled yet holds nothing up: the
 * caller steps what is left, and waits only for envs a worker has taken. Which thread steps an env does not
 * change its result. Workers wait by spinning briefly, then parking; stepping allocates nothing.
 */
public final class VectorEnv implements AutoCloseable {

    private final Env[] envs;
    private final int n;
    private final int obsSize;
    private final int actSize;
    private final double[] observations;
    private final double[] finalObservations;
    private final double[] rewards;
    private final boolean[] terminated;
    private final boolean[] truncated;
    private final boolean[] hasFinal;
    private final Info[] infos;
    private final Info[] finalInfos;
    private final SplittableRandom[] seedStreams;
    /** Per env: seeds drawn from its stream, i.e. episodes started since the last reset(seed). */
    private final long[] episodesStarted;
    /** Per env: the seed of its first episode after the last reset(seed). */
    private final long[] firstSeeds;

    private final Worker[] workers;
    /** The next env of this step to take; n or more when all are taken (and between steps). */
    private final AtomicInteger next = new AtomicInteger();
    /** Envs of this step not finished yet. */
    private final AtomicInteger remaining = new AtomicInteger();
    /** The first exception or error of this step, on any thread. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private final double[][] actionBuffers;
    /**
     * Envs taken at a time: about half a thread's share, so that each thread usually takes two runs of
     * neighbouring envs (fewer contended counter updates and shared cache lines than one at a time) while
     * a late worker still leaves the caller at most one run to wait for.
     */
    private final int chunk;

    private double[] actions;
    private volatile boolean closed;

    /** {@code n} environments made by {@code factory} (called with 0..n−1), stepped on {@code threads} threads. */
    public VectorEnv(IntFunction<Env> factory, int n, int threads) {
        if (n < 1) {
            throw new IllegalArgumentException("a vector environment needs at least 1 env, got " + n);
        }
        if (threads < 1 || threads > n) {
            throw new IllegalArgumentException(
                    "threads " + threads + " must be between 1 and the number of envs, " + n);
        }
        this.n = n;
        this.envs = new Env[n];
        for (int i = 0; i < n; i++) {
            envs[i] = factory.apply(i);
        }
        this.obsSize = envs[0].observationSpace().size();
        this.actSize = envs[0].actionSpace().size();
        this.observations = new double[n * obsSize];
        this.finalObservations = new double[n * obsSize];
        this.rewards = new double[n];
        this.terminated = new boolean[n];
        this.truncated = new boolean[n];
        this.hasFinal = new boolean[n];
        this.infos = new Info[n];
        this.finalInfos = new Info[n];
        this.seedStreams = new SplittableRandom[n];
        this.episodesStarted = new long[n];
        this.firstSeeds = new long[n];
        for (int i = 0; i < n; i++) {
            infos[i] = new Info();
            finalInfos[i] = new Info();
        }
        this.actionBuffers = new double[n][actSize];
        this.workers = new Worker[threads - 1];
        this.chunk = Math.max(1, n / (2 * threads));
        next.set(n); // nothing to take before the first step (and n + chunk·threads cannot overflow)
        reset(0);
        for (int t = 1; t < threads; t++) {
            Worker w = new Worker(t);
            workers[t - 1] = w;
            w.thread.start();
        }
    }

    /** Number of environments. */
    public int size() {
        return n;
    }

    /** The spaces of one environment. */
    public BoxSpace observationSpace() {
        return envs[0].observationSpace();
    }

    /** The action space of one environment. */
    public Space actionSpace() {
        return envs[0].actionSpace();
    }

    /** Environment {@code i} (for inspection; do not step it directly). */
    public Env env(int i) {
        return envs[i];
    }

    /** Resets every environment; env i draws its episode seeds from stream i of {@code seed}. */
    public void reset(long seed) {
        if (closed) {
            throw new IllegalStateException("vector environment is closed");
        }
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            seedStreams[i] = root.split();
            episodesStarted[i] = 1;
            firstSeeds[i] = seedStreams[i].nextLong();
            Step s = envs[i].reset(firstSeeds[i]);
            System.arraycopy(s.observation, 0, observations, i * obsSize, obsSize);
            infos[i].copyFrom(s.info);
            rewards[i] = 0;
            terminated[i] = false;
            truncated[i] = false;
            hasFinal[i] = false;
        }
    }

    /**
     * Steps every environment with its slice of {@code actions} (length n × action size). An exception or
     * error thrown by an environment, on any thread, is rethrown here (the first one, if several) once every
     * other environment has been stepped; the one that failed is then in an unknown state, and the vector
     * environment should be {@link #reset(long)}.
     */
    public void step(double[] actions) {
        if (actions.length != n * actSize) {
            throw new IllegalArgumentException(
                    "actions has " + actions.length + " values; " + n + " envs take " + n * actSize);
        }
        if (closed) {
            throw new IllegalStateException("vector environment is closed");
        }
        this.actions = actions;
        remaining.set(n);
        next.set(0); // publishes the actions and opens the step to the workers
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        work();
        int spins = 0;
        while (remaining.get() > 0) { // envs a worker took and is still stepping
            if (++spins < 10_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        Throwable e = failure.getAndSet(null);
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error r) {
            throw r;
        }
    }

    /**
     * Takes envs of this step and steps them until none is left. A failure is kept for the caller and the
     * taking goes on, so that every env is finished (or has failed) when {@code remaining} reaches 0 and no
     * thread is still stepping when step() returns.
     */
    private void work() {
        for (int start = next.getAndAdd(chunk); start < n; start = next.getAndAdd(chunk)) {
            int end = Math.min(n, start + chunk);
            for (int i = start; i < end; i++) {
                try {
                    stepOne(i);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e); // an escaping Error would end a worker and hang step()
                }
            }
            remaining.addAndGet(start - end);
        }
    }

    private void stepOne(int i) {
        double[] a = actionBuffers[i];
        System.arraycopy(actions, i * actSize, a, 0, actSize);
        Step s = envs[i].step(a);
        rewards[i] = s.reward;
        terminated[i] = s.terminated;
        truncated[i] = s.truncated;
        if (s.terminated || s.truncated) {
            System.arraycopy(s.observation, 0, finalObservations, i * obsSize, obsSize);
            finalInfos[i].copyFrom(s.info);
            hasFinal[i] = true;
            episodesStarted[i]++;
            Step r = envs[i].reset(seedStreams[i].nextLong());
            System.arraycopy(r.observation, 0, observations, i * obsSize, obsSize);
            infos[i].copyFrom(r.info);
        } else {
            hasFinal[i] = false;
            System.arraycopy(s.observation, 0, observations, i * obsSize, obsSize);
            infos[i].copyFrom(s.info);
        }
    }

    /** Episodes env {@code i} has started since the last {@link #reset(long)} (the reset's own included). */
    public long episodesStarted(int i) {
        return episodesStarted[i];
    }

    /**
     * Brings the vector environment back to a saved point by replay: as after {@link #reset(long)} with
     * {@code seed}, env i then starts episode {@code episodesStarted[i]} of its seed stream and takes the
     * actions {@code actions[i][0 .. steps[i] × action size)} of that episode. Environments are deterministic
     * given their seed and actions, so this restores their state exactly, whatever it holds (a simulation,
     * a weather draw, wrapper counters); a resumed training run uses it instead of serialising every
     * environment. The caller can check the observations against saved ones.
     */
    public void replay(long seed, long[] episodesStarted, double[][] actions, int[] steps) {
        if (episodesStarted.length != n || actions.length != n || steps.length != n) {
            throw new IllegalArgumentException("replay needs one entry per env (" + n + ")");
        }
        reset(seed);
        double[] a = new double[actSize];
        for (int i = 0; i < n; i++) {
            if (episodesStarted[i] < 1) {
                throw new IllegalArgumentException(
                        "env " + i + ": episodesStarted must be at least 1, got " + episodesStarted[i]);
            }
            // reset(seed) started the first episode; draw the seeds up to the saved episode's
            long episodeSeed = firstSeeds[i];
            for (long k = 1; k < episodesStarted[i]; k++) {
                episodeSeed = seedStreams[i].nextLong();
            }
            this.episodesStarted[i] = episodesStarted[i];
            if (episodesStarted[i] == 1 && steps[i] == 0) {
                continue; // still at the first observation of the reset
            }
            Step s = envs[i].reset(episodeSeed);
            for (int t = 0; t < steps[i]; t++) {
                System.arraycopy(actions[i], t * actSize, a, 0, actSize);
                s = envs[i].step(a);
                if (s.terminated || s.truncated) {
                    throw new IllegalStateException("env " + i + ": the replayed episode ended at step " + (t + 1)
                            + " of " + steps[i] + "; the environment is not deterministic given its seed and actions");
                }
            }
            System.arraycopy(s.observation, 0, observations, i * obsSize, obsSize);
            infos[i].copyFrom(s.info);
        }
    }

    /** Observations after the last call, n × observation size. */
    public double[] observations() {
        return observations;
    }

    /** Rewards of the last step. */
    public double[] rewards() {
        return rewards;
    }

    /** Per env: the last step ended its episode in a terminal state. */
    public boolean[] terminated() {
        return terminated;
    }

    /** Per env: the last step cut its episode short. */
    public boolean[] truncated() {
        return truncated;
    }

    /** Whether env {@code i}'s episode ended in the last step, so that its final observation and info are set. */
    public boolean hasFinal(int i) {
        return hasFinal[i];
    }

    /** Final observations of the episodes that ended in the last step (valid where {@link #hasFinal}). */
    public double[] finalObservations() {
        return finalObservations;
    }

    /** Info of env {@code i} after the last call (of its new episode if it was reset). */
    public Info info(int i) {
        return infos[i];
    }

    /** Info of the episode env {@code i} ended in the last step (valid where {@link #hasFinal}). */
    public Info finalInfo(int i) {
        return finalInfos[i];
    }

    /** Stops the worker threads (waiting up to a second for each) and closes the environments; idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        for (Worker w : workers) {
            try {
                w.thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Env e : envs) {
            e.close();
        }
    }

    private final class Worker implements Runnable {
        final Thread thread;

        Worker(int index) {
            this.thread = new Thread(this, "rala-vector-env-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (!closed) {
                int spins = 0;
                while (next.get() >= n && !closed) {
                    if (++spins < 20_000) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(50_000);
                    }
                }
                if (closed) {
                    return;
                }
                work();
            }
        }
    }
}
