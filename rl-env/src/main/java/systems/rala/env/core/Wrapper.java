package systems.rala.env.core;

/**
 * An environment around another that changes one thing (Gymnasium's wrappers). By default everything is
 * passed through; a wrapper overrides what it changes.
 */
public abstract class Wrapper implements Env {

    /** The wrapped environment. */
    protected final Env env;

    protected Wrapper(Env env) {
        this.env = env;
    }

    /** The wrapped environment. */
    public Env unwrapped() {
        return env instanceof Wrapper w ? w.unwrapped() : env;
    }

    /** The environment directly inside this wrapper. */
    public Env inner() {
        return env;
    }

    @Override
    public String id() {
        return env.id();
    }

    @Override
    public BoxSpace observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Step reset(long seed) {
        return env.reset(seed);
    }

    @Override
    public Step reset() {
        return env.reset();
    }

    @Override
    public Step step(double[] action) {
        return env.step(action);
    }

    @Override
    public void close() {
        env.close();
    }
}
