package systems.rala.twin.ode;

/**
 * The classical fourth-order Runge–Kutta method with a fixed number of equal sub-steps per call: no error
 * control, a cost known in advance, and no allocation per call. It is the discretisation of the RL/MPC lettuce
 * benchmark (van Laatum et al., RL-SMPC {@code common/utils.py define_model}: CasADi {@code integrator("rk",
 * ..., number_of_finite_elements = 4)}, four RK4 steps of 450 s per 30-minute control step), and a plain
 * explicit integrator for small non-stiff systems.
 *
 * <p><b>Method</b> (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.1, the "classical" method). A
 * sub-step of size h from (t, x):
 *
 * <pre>
 *   k1 = f(t, x)
 *   k2 = f(t + h/2, x + h/2 · k1)
 *   k3 = f(t + h/2, x + h/2 · k2)
 *   k4 = f(t + h,   x + h · k3)
 *   x_new = x + h/6 · (k1 + 2 k2 + 2 k3 + k4)
 * </pre>
 *
 * The global error is O(h⁴). The method is explicit: its stability region reaches −2.785 on the real axis, so
 * h must stay below 2.785/|λ| for the fastest decaying mode λ of the system (for stiff systems use {@link
 * RosenbrockIntegrator}).
 *
 * <p><b>Calls.</b> {@link #integrate} advances x in place from t0 to t1 in {@link #substeps()} equal steps of
 * (t1 − t0)/n; sub-step s starts at t0 + s·h (computed, not accumulated). Four evaluations of f per sub-step.
 * Work arrays are allocated on the first call for a dimension and reused; an instance is not thread-safe:
 * give each simulation its own.
 */
public final class RungeKutta4 {

    private final int substeps;
    private int n = -1;
    private double[] k1;
    private double[] k2;
    private double[] k3;
    private double[] k4;
    private double[] stage;
    private long rhsEvaluations;

    /**
     * An integrator taking {@code substeps} equal RK4 steps per call.
     *
     * @throws IllegalArgumentException if {@code substeps} is below 1
     */
    public RungeKutta4(int substeps) {
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps = " + substeps + " - must be at least 1");
        }
        this.substeps = substeps;
    }

    /** Number of equal RK4 steps per {@link #integrate} call. */
    public int substeps() {
        return substeps;
    }

    /** Evaluations of f since construction (4 per sub-step). */
    public long rhsEvaluations() {
        return rhsEvaluations;
    }

    /**
     * Advances {@code x} from {@code t0} to {@code t1} with {@link #substeps()} RK4 steps of (t1 − t0)/n.
     *
     * @param f the system; {@link OdeSystem#dimension()} must equal {@code x.length}
     * @param t0 start time [system time unit], finite
     * @param x state at t0 on entry, at t1 on return
     * @param t1 end time, finite; t1 = t0 does nothing, t1 &lt; t0 integrates backwards
     * @throws IllegalArgumentException for a length mismatch or a time that is not finite
     */
    public void integrate(OdeSystem f, double t0, double[] x, double t1) {
        int dim = x.length;
        if (f.dimension() != dim) {
            throw new IllegalArgumentException(
                    "state has " + dim + " components, the system " + f.dimension() + " (OdeSystem.dimension)");
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("times t0 = " + t0 + ", t1 = " + t1 + " - must be finite");
        }
        if (t1 == t0) {
            return;
        }
        if (dim != n) {
            n = dim;
            k1 = new double[dim];
            k2 = new double[dim];
            k3 = new double[dim];
            k4 = new double[dim];
            stage = new double[dim];
        }
        double h = (t1 - t0) / substeps;
        double half = h / 2;
        double sixth = h / 6;
        for (int s = 0; s < substeps; s++) {
            double t = t0 + s * h;
            f.derivatives(t, x, k1);
            for (int i = 0; i < dim; i++) {
                stage[i] = x[i] + half * k1[i];
            }
            f.derivatives(t + half, stage, k2);
            for (int i = 0; i < dim; i++) {
                stage[i] = x[i] + half * k2[i];
            }
            f.derivatives(t + half, stage, k3);
            for (int i = 0; i < dim; i++) {
                stage[i] = x[i] + h * k3[i];
            }
            f.derivatives(t + h, stage, k4);
            for (int i = 0; i < dim; i++) {
                x[i] = x[i] + sixth * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        rhsEvaluations += 4L * substeps;
    }
}
