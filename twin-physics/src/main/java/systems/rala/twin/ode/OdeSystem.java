package systems.rala.twin.ode;

/**
 * A first-order system dx/dt = f(t, x). Implementations must not allocate in {@link #derivatives}: an
 * integrator calls it many times per step.
 */
public interface OdeSystem {

    /** Number of components of x. */
    int dimension();

    /** Writes f(t, x) into {@code dxdt}. */
    void derivatives(double t, double[] x, double[] dxdt);

    /**
     * Weight of component {@code i} in the error estimate: 1 for ordinary states, 0 for components that
     * feed nothing back (accumulated integrals), so they never force small steps. Their Jacobian columns are
     * zero and may be skipped.
     */
    default double errorWeight(int i) {
        return 1.0;
    }
}
