package systems.rala.env.core;

/**
 * A reinforcement-learning environment, with the semantics of Gymnasium's {@code Env} (Towers et al.
 * 2024): {@link #reset(long)} starts an episode, {@link #step} advances it by one action.
 *
 * <ul>
 *   <li>{@code reset(seed)} seeds every random choice of the episode (weather draw, noise, parameter
 *       randomisation, initial state) from {@code seed}: the same seed and the same actions give the same
 *       trajectory, bit for bit. {@code reset()} continues from the environment's own random stream.
 *   <li>{@code step(action)} requires an action in {@link #actionSpace()} — anything else is an {@link
 *       IllegalArgumentException} naming the component, value and bounds (use a clipping wrapper to clip).
 *       It must not be called after the episode is done and before the next reset.
 *   <li>{@code terminated} means the task reached a terminal state; {@code truncated} that it was cut short
 *       from outside (time limits are a wrapper, {@code TimeLimit}). They are never merged.
 *   <li>Both calls return the environment's own {@link Step}, overwritten by the next call; they allocate
 *       nothing in steady state.
 * </ul>
 */
public interface Env extends AutoCloseable {

    /** Identifier and version, e.g. {@code GreenhouseTomato-v0}. */
    String id();

    /** What observations look like. */
    BoxSpace observationSpace();

    /** What actions look like. */
    Space actionSpace();

    /** Starts an episode with every random choice drawn from {@code seed}. */
    Step reset(long seed);

    /** Starts an episode seeded from the environment's own random stream. */
    Step reset();

    /** Advances the episode by one action. */
    Step step(double[] action);

    /** Releases resources (threads, files); the default does nothing. */
    @Override
    default void close() {}
}
