package systems.rala.twin.ode;

/**
 * A stiff integrator: the Rosenbrock-W method ROS34PW2 of Rang &amp; Angermann (2005), with embedded error
 * estimate and step-size control, a finite-difference Jacobian that is reused over a whole call, and no
 * allocation per step or per call.
 *
 * <p><b>Method.</b> J. Rang and L. Angermann, "New Rosenbrock W-methods of order 3 for partial differential
 * algebraic equations of index 1", BIT Numerical Mathematics 45 (2005) 761–787: 4 stages, order 3 with an
 * embedded method of order 2, stiffly accurate, L-stable, and a W-method, i.e. it keeps order 3 when the
 * Jacobian in its linear systems is only an approximation of ∂f/∂x. That last property is what lets one
 * Jacobian serve every step of a call. The digits of the coefficients are those of PETSc's
 * {@code TSROSWRA34PW2} ({@code src/ts/impls/rosw/rosw.c}); {@code RosenbrockCoefficientsTest} checks them
 * against the order conditions. In the usual notation (Hairer &amp; Wanner, <i>Solving ODEs II</i>, §IV.7) a
 * step from (t, x) with step h is
 *
 * <pre>
 *   (I − hγJ) k_i = h f(t + α_i h, x + Σ_{j&lt;i} α_ij k_j) + hJ Σ_{j&lt;i} γ_ij k_j + γ_i h² ∂f/∂t,
 *   x_new = x + Σ b_i k_i,   error estimate Σ (b_i − b̂_i) k_i,
 * </pre>
 *
 * computed in the transformed variables u_i = Σ_{j≤i} γ_ij k_j (Hairer &amp; Wanner §IV.7), so that each
 * stage costs one evaluation of f and one solve with the LU factors of (I/(hγ) − J), and J is never
 * multiplied by a vector. Non-autonomous systems: J is extended by ∂f/∂t, the pair being the Jacobian of the
 * autonomous system (x, t)' = (f, 1).
 *
 * <p><b>Jacobian.</b> Forward differences, column j with increment √ε·max(|x_j|, absTol/relTol) (the
 * standard increment, with absTol/relTol as the typical scale: below it the user's tolerance is absolute),
 * and ∂f/∂t with increment √ε·max(|t|, 1), never past t1. Columns of components with
 * {@link OdeSystem#errorWeight} 0 are skipped (zero by the contract of that method). One Jacobian costs
 * (number of weighted components + 1) evaluations of f. {@link JacobianPolicy#PER_CALL} (the default)
 * evaluates it at (t0, x(t0)) and reuses it for the steps of the call, re-evaluating it only when a call
 * needs more than {@link Builder#jacobianMaxAge} step attempts; {@link JacobianPolicy#EVERY_STEP} evaluates
 * it at the start of each step. The matrix (I/(hγ) − J) is factored again only when h or J changes.
 *
 * <p><b>Error control.</b> The embedded difference e = Σ (b_i − b̂_i) k_i is filtered, ẽ = (I − hγJ)⁻¹ e, one
 * more solve with the factors at hand. The embedded solution is not L-stable (its R̂(−∞) = −0.478), so an
 * unfiltered e of a decaying stiff mode (a lamp temperature after a switch) is about half that mode's
 * amplitude though x_new has damped it correctly; the filter scales such components by 1/(1 − hγλ) and leaves
 * smooth ones to O(h). The same filter serves RADAU5's error estimate (Hairer &amp; Wanner §IV.8, after
 * Shampine). err = sqrt(mean over components with weight w_i &gt; 0 of (w_i ẽ_i / sc_i)²), sc_i = absTol +
 * relTol·max(|x_i|, |x_new,i|); a step is accepted when err ≤ 1. The next step is h·min(5, max(0.2,
 * 0.9·err^(−1/3))) (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.4), with no growth right after a
 * rejection. A step whose error estimate is NaN or infinite, or whose matrix is singular, is rejected and h
 * divided by 5; after {@value #MAX_NON_FINITE} of those in a row, or when h falls below the minimum step or
 * {@code maxSteps} attempts are used up, {@link #integrate} throws an {@link IntegrationException} naming t
 * and h.
 *
 * <p><b>Calls.</b> {@link #integrate} advances x in place from t0 to exactly t1, in equal steps: at each step
 * start the time left is divided into the fewest steps no longer than the proposed h (and {@code maxStep}),
 * so a call ends without a sliver of a step and steps of one size share one LU factorisation. The step size
 * the controller proposes after the last accepted step is kept ({@link #stepSize()}) and is where the next
 * call starts; a simulation snapshot is then (x, t, {@link #stepSize()}), restored with {@link
 * #setStepSize}. The result of a call is a deterministic function of (system, x, t0, t1, stepSize()) and the
 * configuration. {@link Builder#fixedStep} turns error control off for convergence studies or strictly
 * bounded cost.
 *
 * <p><b>Cost.</b> Per call: 1 evaluation of f at t0 and one Jacobian. Per step attempt: 3 evaluations of f
 * (stages 2–4), plus 1 at the start of each further step, 5 triangular solves, and 1 LU factorisation when
 * h changed. Work arrays are allocated on the first call for a dimension and reused; a call allocates nothing
 * else. An instance is not thread-safe: give each simulation its own.
 */
public final class RosenbrockIntegrator {

    /** When the finite-difference Jacobian is evaluated. */
    public enum JacobianPolicy {
        /** Once per {@link #integrate} call, at (t0, x(t0)), reused for all its steps (the W-method way). */
        PER_CALL,
        /** At the start of every step: the classical Rosenbrock way, for reference runs. */
        EVERY_STEP
    }

    // ---------------------------------------------------------------------------------------------------
    // ROS34PW2, Rang & Angermann (2005); digits as in PETSc TSROSWRA34PW2. Hairer-Wanner notation:
    // ALPHA = (α_ij), GAMMA_MATRIX = (γ_ij) with γ on the diagonal, B = (b_i), B_HAT = (b̂_i), order 3(2).

    /** Number of stages. */
    static final int STAGES = 4;

    /** γ, the diagonal of (γ_ij): the root near 0.4359 of 6γ³ − 18γ² + 9γ − 1 = 0, as in the L-stable SDIRK3. */
    static final double GAMMA = 4.3586652150845900e-01;

    /** α_ij, strictly lower triangular. */
    static final double[][] ALPHA = {
        {0, 0, 0, 0},
        {8.7173304301691801e-01, 0, 0, 0},
        {8.4457060015369423e-01, -1.1299064236484185e-01, 0, 0},
        {0, 0, 1.0, 0}
    };

    /** γ_ij, lower triangular with γ on the diagonal. */
    static final double[][] GAMMA_MATRIX = {
        {GAMMA, 0, 0, 0},
        {-8.7173304301691801e-01, GAMMA, 0, 0},
        {-9.0338057013044082e-01, 5.4180672388095326e-02, GAMMA, 0},
        {2.4212380706095346e-01, -1.2232505839045147e+00, 5.4526025533510214e-01, GAMMA}
    };

    /** b_i, weights of the order-3 solution. */
    static final double[] B = {
        2.4212380706095346e-01, -1.2232505839045147e+00, 1.5452602553351020e+00, 4.3586652150845900e-01
    };

    /** b̂_i, weights of the embedded order-2 solution. */
    static final double[] B_HAT = {
        3.7810903145819369e-01, -9.6042292212423178e-02, 5.0000000000000000e-01, 2.1793326075422950e-01
    };

    // Transformed coefficients (Hairer & Wanner §IV.7), derived once from the table above.
    private static final double[][] A_T = new double[STAGES][STAGES]; // α Γ⁻¹
    private static final double[][] C_T = new double[STAGES][STAGES]; // diag(1/γ) − Γ⁻¹, below the diagonal
    private static final double[] M_T = new double[STAGES]; // b Γ⁻¹
    private static final double[] E_T = new double[STAGES]; // (b − b̂) Γ⁻¹
    private static final double[] STAGE_TIME = new double[STAGES]; // α_i = Σ_j α_ij
    private static final double[] STAGE_GAMMA = new double[STAGES]; // γ_i = Σ_{j≤i} γ_ij

    static {
        double[][] inv = new double[STAGES][STAGES]; // Γ⁻¹ by forward substitution
        for (int j = 0; j < STAGES; j++) {
            inv[j][j] = 1.0 / GAMMA;
            for (int i = j + 1; i < STAGES; i++) {
                double s = 0.0;
                for (int k = j; k < i; k++) {
                    s += GAMMA_MATRIX[i][k] * inv[k][j];
                }
                inv[i][j] = -s / GAMMA;
            }
        }
        for (int i = 0; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                double s = 0.0;
                for (int k = j; k < i; k++) {
                    s += ALPHA[i][k] * inv[k][j];
                }
                A_T[i][j] = s;
                C_T[i][j] = -inv[i][j];
                STAGE_TIME[i] += ALPHA[i][j];
                STAGE_GAMMA[i] += GAMMA_MATRIX[i][j];
            }
            STAGE_GAMMA[i] += GAMMA;
        }
        for (int j = 0; j < STAGES; j++) {
            double m = 0.0;
            double mh = 0.0;
            for (int i = j; i < STAGES; i++) {
                m += B[i] * inv[i][j];
                mh += B_HAT[i] * inv[i][j];
            }
            M_T[j] = m;
            E_T[j] = m - mh;
        }
    }

    // ---------------------------------------------------------------------------------------------------

    private static final double SQRT_EPS = Math.sqrt(Math.ulp(1.0));
    private static final double SAFETY = 0.9;
    private static final double FAC_MIN = 0.2;
    private static final double FAC_MAX = 5.0;
    /** Non-finite error estimates in a row after which a call gives up. */
    static final int MAX_NON_FINITE = 10;
    /** Relative slack with which the last step may exceed the step size to land on t1 (absorbs rounding). */
    private static final double LAND_SLACK = 1e-8;
    /** Relative difference of step sizes up to which the current LU factors are kept. */
    private static final double FACTOR_REUSE = 1e-12;

    private final double relTol;
    private final double absTol;
    private final double initialStep;
    private final double minStep;
    private final double maxStep;
    private final double fixedStep;
    private final int maxSteps;
    private final int jacobianMaxAge;
    private final JacobianPolicy jacobianPolicy;
    private final double typicalScale;

    private double stepSize;

    private long steps;
    private long rejectedSteps;
    private long rhsEvaluations;
    private long jacobianEvaluations;
    private long luFactorizations;

    // work arrays, (re)allocated when the dimension changes
    private int n = -1;
    private double[] jac; // row-major n×n
    private double[] dfdt;
    private double[] f0; // f at the current step start
    private double[] xStage;
    private double[] xNew;
    private double[] weight;
    private double[][] u;
    private DenseLu lu;
    private double luStep; // h of the current factors, NaN if none
    private int weightedCount;

    private RosenbrockIntegrator(Builder b) {
        this.relTol = b.relTol;
        this.absTol = b.absTol;
        this.initialStep = b.initialStep;
        this.minStep = b.minStep;
        this.maxStep = b.maxStep;
        this.fixedStep = b.fixedStep;
        this.maxSteps = b.maxSteps;
        this.jacobianMaxAge = b.jacobianMaxAge;
        this.jacobianPolicy = b.jacobianPolicy;
        this.typicalScale = relTol > 0.0 ? absTol / relTol : 1.0;
        this.stepSize = b.initialStep;
    }

    /** A builder with the defaults: relTol 1e-4, absTol 1e-6, Jacobian per call, automatic first step. */
    public static Builder builder() {
        return new Builder();
    }

    /** An adaptive integrator with the given tolerances and the other defaults of {@link #builder()}. */
    public static RosenbrockIntegrator of(double relTol, double absTol) {
        return builder().relativeTolerance(relTol).absoluteTolerance(absTol).build();
    }

    /**
     * The tight-tolerance reference mode: relTol 1e-10, absTol 1e-10, Jacobian at every step. For tests and
     * for checking a faster configuration against, not for training runs.
     */
    public static RosenbrockIntegrator reference() {
        return builder()
                .relativeTolerance(1e-10)
                .absoluteTolerance(1e-10)
                .jacobianPolicy(JacobianPolicy.EVERY_STEP)
                .build();
    }

    /**
     * Advances {@code x} in place from {@code t0} to exactly {@code t1}. Starts with {@link #stepSize()} (or
     * an estimate if that is NaN) and leaves there the step size proposed after the last step.
     *
     * @param f the system; its {@link OdeSystem#dimension()} must equal {@code x.length}
     * @param t0 start time [system time unit], finite
     * @param x state at t0 on entry, at t1 on return; every component finite
     * @param t1 end time, finite, at least t0 (t1 = t0 does nothing)
     * @throws IllegalArgumentException for a NaN or infinite state or time, t1 &lt; t0, or a length mismatch
     * @throws IntegrationException if the step size falls below the minimum, the step budget runs out, or the
     *     system keeps returning NaN or infinite values
     */
    public void integrate(OdeSystem f, double t0, double[] x, double t1) {
        validateCall(f, t0, x, t1);
        if (t1 == t0) {
            return;
        }
        prepare(f, x.length);
        rhs(f, t0, x, f0);
        evaluateJacobian(f, t0, x, t1 - t0);
        if (fixedStep > 0.0) {
            integrateFixed(f, t0, x, t1);
        } else {
            integrateAdaptive(f, t0, x, t1);
        }
    }

    private void integrateAdaptive(OdeSystem f, double t0, double[] x, double t1) {
        double h = Double.isNaN(stepSize) ? initialStepEstimate(f, t0, x, t1) : stepSize;
        double t = t0;
        boolean jacobianAtStepStart = true; // J was evaluated at the current (t, x)
        int jacobianAge = 0; // step attempts on the current J
        boolean rejectedLast = false;
        int attempts = 0;
        int nonFinite = 0;
        while (t < t1) {
            if (!jacobianAtStepStart
                    && (jacobianPolicy == JacobianPolicy.EVERY_STEP || jacobianAge >= jacobianMaxAge)) {
                evaluateJacobian(f, t, x, t1 - t);
                jacobianAtStepStart = true;
                jacobianAge = 0;
            }
            // equal steps to t1: the fewest of at most min(h, maxStep) each (so one LU serves them all)
            double remaining = t1 - t;
            double count = Math.ceil(remaining / Math.min(h, maxStep) * (1.0 - LAND_SLACK));
            boolean last = count <= 1.0;
            double hStep = last ? remaining : remaining / count;
            if (++attempts > maxSteps) {
                throw new IntegrationException(
                        "ROS34PW2: " + maxSteps + " step attempts used up at t = " + t + " (t1 = " + t1 + "), h = "
                                + hStep + "; raise maxSteps or the tolerances",
                        t,
                        hStep);
            }
            jacobianAge++;
            double e = factor(hStep) ? step(f, t, x, hStep, t1) : Double.NaN;
            if (e <= 1.0) {
                steps++;
                nonFinite = 0;
                System.arraycopy(xNew, 0, x, 0, n);
                t = last ? t1 : t + hStep;
                double fac = e == 0.0 ? FAC_MAX : Math.min(FAC_MAX, Math.max(FAC_MIN, SAFETY * Math.cbrt(1.0 / e)));
                if (rejectedLast) {
                    fac = Math.min(fac, 1.0);
                }
                h = hStep * fac;
                rejectedLast = false;
                if (t < t1) {
                    rhs(f, t, x, f0);
                    jacobianAtStepStart = false;
                }
            } else {
                rejectedSteps++;
                rejectedLast = true;
                double fac;
                if (e > 1.0 && e < Double.POSITIVE_INFINITY) {
                    nonFinite = 0;
                    fac = Math.max(FAC_MIN, SAFETY * Math.cbrt(1.0 / e));
                } else {
                    fac = FAC_MIN;
                    if (++nonFinite >= MAX_NON_FINITE) {
                        throw new IntegrationException(
                                "ROS34PW2: " + nonFinite + " steps in a row gave NaN or infinite values at t = " + t
                                        + ", h = " + hStep + "; check the system's derivatives near this state",
                                t,
                                hStep);
                    }
                }
                h = hStep * fac;
                if (h < minStep || t + h == t) {
                    throw new IntegrationException(
                            "ROS34PW2: step size " + h + " below the minimum " + Math.max(minStep, Math.ulp(t))
                                    + " at t = " + t + " after a rejected step of h = " + hStep,
                            t,
                            h);
                }
            }
        }
        stepSize = h;
    }

    private void integrateFixed(OdeSystem f, double t0, double[] x, double t1) {
        double span = t1 - t0;
        double needed = Math.max(1.0, Math.ceil(span / fixedStep * (1.0 - LAND_SLACK)));
        if (needed > maxSteps) {
            throw new IntegrationException(
                    "ROS34PW2: " + (long) needed + " fixed steps of " + fixedStep + " from t = " + t0 + " to " + t1
                            + " exceed maxSteps = " + maxSteps,
                    t0,
                    fixedStep);
        }
        long count = (long) needed;
        double h = span / count;
        for (long k = 0; k < count; k++) {
            double t = k == 0 ? t0 : t0 + k * h;
            if (k > 0) {
                rhs(f, t, x, f0);
                if (jacobianPolicy == JacobianPolicy.EVERY_STEP) {
                    evaluateJacobian(f, t, x, h);
                }
            }
            if (!factor(h)) {
                throw new IntegrationException(
                        "ROS34PW2: matrix I/(h*gamma) - J is singular or not finite at t = " + t + ", h = " + h, t, h);
            }
            step(f, t, x, h, t1);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(xNew[i])) {
                    throw new IntegrationException(
                            "ROS34PW2: x[" + i + "] = " + xNew[i] + " after the fixed step from t = " + t + ", h = "
                                    + h,
                            t,
                            h);
                }
            }
            System.arraycopy(xNew, 0, x, 0, n);
            steps++;
        }
    }

    /**
     * One step from (t, x) with the current J, ∂f/∂t and factors; f0 must hold f(t, x). Writes xNew and
     * returns the weighted error norm (NaN or infinite if something was not finite). Stage times are kept at
     * or before t1, which t + h may pass by rounding.
     */
    private double step(OdeSystem f, double t, double[] x, double h, double t1) {
        double invH = 1.0 / h;
        for (int i = 0; i < STAGES; i++) {
            double[] ui = u[i];
            if (i == 0) {
                System.arraycopy(f0, 0, ui, 0, n);
            } else {
                double[] a = A_T[i];
                for (int k = 0; k < n; k++) {
                    double s = x[k];
                    for (int j = 0; j < i; j++) {
                        s += a[j] * u[j][k];
                    }
                    xStage[k] = s;
                }
                rhs(f, Math.min(t + STAGE_TIME[i] * h, t1), xStage, ui);
                double[] c = C_T[i];
                for (int k = 0; k < n; k++) {
                    double s = 0.0;
                    for (int j = 0; j < i; j++) {
                        s += c[j] * u[j][k];
                    }
                    ui[k] += s * invH;
                }
            }
            double gh = STAGE_GAMMA[i] * h;
            if (gh != 0.0) {
                for (int k = 0; k < n; k++) {
                    ui[k] += gh * dfdt[k];
                }
            }
            lu.solve(ui);
        }
        double[] e = xStage; // free after the last stage
        double scale = invH / GAMMA;
        for (int k = 0; k < n; k++) {
            double xn = x[k];
            double ek = 0.0;
            for (int j = 0; j < STAGES; j++) {
                xn += M_T[j] * u[j][k];
                ek += E_T[j] * u[j][k];
            }
            xNew[k] = xn;
            e[k] = ek * scale;
        }
        lu.solve(e); // filter: (I − hγJ)⁻¹ e = (I/(hγ) − J)⁻¹ e/(hγ)
        double sum = 0.0;
        for (int k = 0; k < n; k++) {
            double w = weight[k];
            if (w != 0.0) {
                double sc = absTol + relTol * Math.max(Math.abs(x[k]), Math.abs(xNew[k]));
                double r = w * e[k] / sc;
                sum += r * r;
            }
        }
        return weightedCount == 0 ? 0.0 : Math.sqrt(sum / weightedCount);
    }

    /** Factors (I/(hγ) − J) unless the current factors are for this h and J; false if singular. */
    private boolean factor(double h) {
        if (Math.abs(h - luStep) <= FACTOR_REUSE * luStep) {
            return true; // equal up to rounding of the step division: a W-method tolerates the tiny mismatch
        }
        double[] m = lu.matrix();
        double diag = 1.0 / (h * GAMMA);
        int nn = n * n;
        for (int k = 0; k < nn; k++) {
            m[k] = -jac[k];
        }
        for (int i = 0; i < n; i++) {
            m[i * n + i] += diag;
        }
        luFactorizations++;
        if (lu.factor()) {
            luStep = h;
            return true;
        }
        luStep = Double.NaN;
        return false;
    }

    /**
     * Forward-difference J and ∂f/∂t at (t, x), f0 holding f(t, x). The time increment is at most
     * {@code span}, the time left in the call, so f is never evaluated after t1 (a measured weather series, for
     * one, may end there).
     */
    private void evaluateJacobian(OdeSystem f, double t, double[] x, double span) {
        double[] fp = xNew; // scratch for the perturbed f
        System.arraycopy(x, 0, xStage, 0, n);
        for (int j = 0; j < n; j++) {
            if (weight[j] == 0.0) {
                for (int i = 0; i < n; i++) {
                    jac[i * n + j] = 0.0;
                }
                continue;
            }
            double xj = x[j];
            double d = SQRT_EPS * Math.max(Math.abs(xj), typicalScale);
            double xp = xj + d;
            d = xp - xj; // the increment actually applied
            xStage[j] = xp;
            rhs(f, t, xStage, fp);
            xStage[j] = xj;
            double inv = 1.0 / d;
            for (int i = 0; i < n; i++) {
                jac[i * n + j] = (fp[i] - f0[i]) * inv;
            }
        }
        double dt = SQRT_EPS * Math.max(Math.abs(t), 1.0);
        dt = Math.min(dt, Math.abs(span));
        double tp = t + dt;
        dt = tp - t;
        rhs(f, tp, x, fp);
        double inv = 1.0 / dt;
        for (int i = 0; i < n; i++) {
            dfdt[i] = (fp[i] - f0[i]) * inv;
        }
        jacobianEvaluations++;
        luStep = Double.NaN;
    }

    /**
     * Starting step of Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.4 (their code HINIT), with the
     * exponent 1/3 of the order-2 error estimate; f0 holds f(t0, x). One extra evaluation of f.
     */
    private double initialStepEstimate(OdeSystem f, double t0, double[] x, double t1) {
        double d0 = norm(x, x);
        double d1 = norm(f0, x);
        double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(Math.min(h0, maxStep), t1 - t0);
        for (int k = 0; k < n; k++) {
            xStage[k] = x[k] + h0 * f0[k];
        }
        double[] f1 = xNew;
        rhs(f, t0 + h0, xStage, f1);
        for (int k = 0; k < n; k++) {
            f1[k] -= f0[k];
        }
        double d2 = norm(f1, x) / h0;
        double dm = Math.max(d1, d2);
        double h1 = dm <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.cbrt(0.01 / dm);
        return Math.min(Math.min(100.0 * h0, h1), maxStep);
    }

    private double norm(double[] v, double[] xRef) {
        if (weightedCount == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (int k = 0; k < n; k++) {
            double w = weight[k];
            if (w != 0.0) {
                double r = w * v[k] / (absTol + relTol * Math.abs(xRef[k]));
                sum += r * r;
            }
        }
        return Math.sqrt(sum / weightedCount);
    }

    private void rhs(OdeSystem f, double t, double[] x, double[] out) {
        rhsEvaluations++;
        f.derivatives(t, x, out);
    }

    private void prepare(OdeSystem f, int dim) {
        if (dim != n) {
            n = dim;
            jac = new double[dim * dim];
            dfdt = new double[dim];
            f0 = new double[dim];
            xStage = new double[dim];
            xNew = new double[dim];
            weight = new double[dim];
            u = new double[STAGES][dim];
            lu = new DenseLu(dim);
        }
        luStep = Double.NaN;
        int count = 0;
        for (int i = 0; i < dim; i++) {
            double w = f.errorWeight(i);
            if (!(w >= 0.0) || w == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("errorWeight(" + i + ") = " + w + "; allowed: finite values >= 0");
            }
            weight[i] = w;
            if (w != 0.0) {
                count++;
            }
        }
        weightedCount = count;
    }

    private static void validateCall(OdeSystem f, double t0, double[] x, double t1) {
        if (f == null || x == null) {
            throw new IllegalArgumentException("system and state must not be null");
        }
        if (f.dimension() != x.length) {
            throw new IllegalArgumentException("x.length = " + x.length + " but the system's dimension is "
                    + f.dimension() + "; they must be equal");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("x.length = 0; allowed: at least 1");
        }
        if (!Double.isFinite(t0) || !Double.isFinite(t1)) {
            throw new IllegalArgumentException("t0 = " + t0 + ", t1 = " + t1 + "; allowed: finite values");
        }
        if (t1 < t0) {
            throw new IllegalArgumentException("t1 = " + t1 + " is before t0 = " + t0 + "; allowed: t1 >= t0");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(
                        "x[" + i + "] = " + x[i] + " at t0 = " + t0 + "; allowed: finite values");
            }
        }
    }

    /**
     * The step size the next {@link #integrate} call starts with: after a call, the size the controller
     * proposed after its last accepted step; NaN means "estimate it" (the state before the first call unless
     * {@link Builder#initialStep} was set). Unused in fixed-step mode.
     */
    public double stepSize() {
        return stepSize;
    }

    /**
     * Sets the step size the next call starts with, e.g. to restore a snapshot (x, t, h).
     *
     * @param h positive and finite, or NaN to have the next call estimate a starting step
     * @throws IllegalArgumentException for zero, negative or infinite h
     */
    public void setStepSize(double h) {
        if (!Double.isNaN(h) && !(h > 0.0 && h < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("stepSize = " + h + "; allowed: (0, +inf) or NaN (estimate)");
        }
        this.stepSize = h;
    }

    /** Accepted steps since construction or {@link #resetStatistics()}. */
    public long steps() {
        return steps;
    }

    /** Rejected step attempts (error too large, NaN, singular matrix). */
    public long rejectedSteps() {
        return rejectedSteps;
    }

    /** Evaluations of {@link OdeSystem#derivatives}, the Jacobian's included. */
    public long rhsEvaluations() {
        return rhsEvaluations;
    }

    /** Finite-difference Jacobians (each with ∂f/∂t). */
    public long jacobianEvaluations() {
        return jacobianEvaluations;
    }

    /** LU factorisations of (I/(hγ) − J). */
    public long luFactorizations() {
        return luFactorizations;
    }

    /** Sets all counters to zero. */
    public void resetStatistics() {
        steps = 0;
        rejectedSteps = 0;
        rhsEvaluations = 0;
        jacobianEvaluations = 0;
        luFactorizations = 0;
    }

    /** Relative tolerance (dimensionless). */
    public double relativeTolerance() {
        return relTol;
    }

    /** Absolute tolerance [unit of each state, divided by its error weight]. */
    public double absoluteTolerance() {
        return absTol;
    }

    /** The Jacobian policy. */
    public JacobianPolicy jacobianPolicy() {
        return jacobianPolicy;
    }

    /** The fixed step size, or NaN for adaptive steps. */
    public double fixedStep() {
        return fixedStep > 0.0 ? fixedStep : Double.NaN;
    }

    /** Configuration of a {@link RosenbrockIntegrator}; every setter checks its value. */
    public static final class Builder {
        private double relTol = 1e-4;
        private double absTol = 1e-6;
        private double initialStep = Double.NaN;
        private double minStep = 0.0;
        private double maxStep = Double.POSITIVE_INFINITY;
        private double fixedStep = 0.0;
        private int maxSteps = 100_000;
        private int jacobianMaxAge = 20;
        private JacobianPolicy jacobianPolicy = JacobianPolicy.PER_CALL;

        private Builder() {}

        /** Relative tolerance, in [0, 1]; default 1e-4. */
        public Builder relativeTolerance(double v) {
            if (!(v >= 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException("relativeTolerance = " + v + "; allowed range [0, 1]");
            }
            relTol = v;
            return this;
        }

        /**
         * Absolute tolerance, in (0, +inf) [unit of the states]; default 1e-6. A component's effective absolute
         * tolerance is this divided by its {@link OdeSystem#errorWeight}.
         */
        public Builder absoluteTolerance(double v) {
            if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("absoluteTolerance = " + v + "; allowed range (0, +inf)");
            }
            absTol = v;
            return this;
        }

        /** Step size of the first call [system time unit], in (0, +inf); default: estimated (one extra f). */
        public Builder initialStep(double v) {
            if (!(v > 0.0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("initialStep = " + v + "; allowed range (0, +inf)");
            }
            initialStep = v;
            return this;
        }

        /** Smallest step size before a call fails, in [0, +inf); default 0 (only t + h = t fails). */
        public Builder minStep(double v) {
            if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("minStep = " + v + "; allowed range [0, +inf)");
            }
            minStep = v;
            return this;
        }

        /**
         * Largest step size, in (0, +inf]; default +inf. The last step of a call may exceed it by a relative
         * 1e-8 to land on t1.
         */
        public Builder maxStep(double v) {
            if (!(v > 0.0)) {
                throw new IllegalArgumentException("maxStep = " + v + "; allowed range (0, +inf]");
            }
            maxStep = v;
            return this;
        }

        /** Most step attempts (accepted and rejected) in one call, at least 1; default 100 000. */
        public Builder maxSteps(int v) {
            if (v < 1) {
                throw new IllegalArgumentException(
                        "maxSteps = " + v + "; allowed range [1, " + Integer.MAX_VALUE + "]");
            }
            maxSteps = v;
            return this;
        }

        /**
         * With {@link JacobianPolicy#PER_CALL}: after this many step attempts on one Jacobian within a call, it
         * is evaluated again at the next step start; at least 1, default 20. Calls of a few steps (the twin's
         * control steps) never reach it; it keeps long calls through fast-changing dynamics (the start of
         * Robertson's problem, say) from running on a stale Jacobian. CVODE re-evaluates its Jacobian at least
         * every 51 steps for the same reason ({@code CVLS_MSBJ} in SUNDIALS' {@code cvode_ls_impl.h}).
         */
        public Builder jacobianMaxAge(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException(
                        "jacobianMaxAge = " + attempts + "; allowed range [1, " + Integer.MAX_VALUE + "]");
            }
            jacobianMaxAge = attempts;
            return this;
        }

        /** When the Jacobian is evaluated; default {@link JacobianPolicy#PER_CALL}. */
        public Builder jacobianPolicy(JacobianPolicy v) {
            if (v == null) {
                throw new IllegalArgumentException("jacobianPolicy = null; allowed: PER_CALL, EVERY_STEP");
            }
            jacobianPolicy = v;
            return this;
        }

        /**
         * Fixed-step mode without error control: each call takes ceil((t1 − t0)/h) equal steps. For
         * convergence studies and strictly bounded cost; tolerances, step limits and the carried step size are
         * then unused. h in (0, +inf).
         */
        public Builder fixedStep(double h) {
            if (!(h > 0.0 && h < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("fixedStep = " + h + "; allowed range (0, +inf)");
            }
            fixedStep = h;
            return this;
        }

        /**
         * The integrator.
         *
         * @throws IllegalArgumentException if minStep exceeds maxStep or initialStep lies outside them
         */
        public RosenbrockIntegrator build() {
            if (minStep > maxStep) {
                throw new IllegalArgumentException(
                        "minStep = " + minStep + " exceeds maxStep = " + maxStep + "; allowed: minStep <= maxStep");
            }
            if (!Double.isNaN(initialStep) && (initialStep < minStep || initialStep > maxStep)) {
                throw new IllegalArgumentException("initialStep = " + initialStep + "; allowed range [minStep = "
                        + minStep + ", maxStep = " + maxStep + "]");
            }
            return new RosenbrockIntegrator(this);
        }
    }
}
