package systems.rala.env.wrappers;

import systems.rala.env.core.Env;
import systems.rala.env.core.Step;
import systems.rala.env.core.Wrapper;

/**
 * Reports each episode's return, length and wall time (Gymnasium's {@code RecordEpisodeStatistics}). Changes
 * one thing: on the step that ends an episode (terminated or truncated) it puts into info
 *
 * <ul>
 *   <li>{@value #RETURN}: the sum of the rewards of the episode's steps, as this wrapper sees them;
 *   <li>{@value #LENGTH}: the number of steps;
 *   <li>{@value #SECONDS}: wall-clock seconds since the reset (System.nanoTime).
 * </ul>
 *
 * <p>It must be outside any wrapper that ends episodes (e.g. outside {@link TimeLimit}) to see those ends. It
 * returns the inner environment's {@link Step} with the keys added; observation, reward and flags are
 * unchanged.
 */
public final class EpisodeStatistics extends Wrapper {

    /** Info key of the episode return. */
    public static final String RETURN = "episode_return";
    /** Info key of the episode length, in steps. */
    public static final String LENGTH = "episode_length";
    /** Info key of the episode's wall time, in seconds. */
    public static final String SECONDS = "episode_seconds";

    private double episodeReturn;
    private int length;
    private long started;

    /** Wraps {@code env}. */
    public EpisodeStatistics(Env env) {
        super(env);
    }

    /** The return of the current episode so far. */
    public double episodeReturn() {
        return episodeReturn;
    }

    /** Steps of the current episode so far. */
    public int episodeLength() {
        return length;
    }

    @Override
    public Step reset(long seed) {
        Step s = env.reset(seed);
        begin();
        return s;
    }

    @Override
    public Step reset() {
        Step s = env.reset();
        begin();
        return s;
    }

    private void begin() {
        episodeReturn = 0;
        length = 0;
        started = System.nanoTime();
    }

    @Override
    public Step step(double[] action) {
        Step s = env.step(action);
        episodeReturn += s.reward;
        length++;
        if (s.terminated || s.truncated) {
            s.info.put(RETURN, episodeReturn);
            s.info.put(LENGTH, length);
            s.info.put(SECONDS, (System.nanoTime() - started) * 1e-9);
        }
        return s;
    }
}
