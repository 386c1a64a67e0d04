package systems.rala.twin.estimation;

import java.util.Arrays;

/**
 * The unscented Kalman filter with scaled sigma points, for a state of n components and up to m scalar
 * measurements per round, on arrays allocated once: {@link #predict} and {@link #update} allocate nothing.
 *
 * <p><b>Sources.</b> S. J. Julier and J. K. Uhlmann, "A new extension of the Kalman filter to nonlinear
 * systems", Proc. SPIE 3068 (1997) 182–193, and "Unscented filtering and nonlinear estimation", Proc. IEEE
 * 92(3) (2004) 401–422 (the unscented transform); E. A. Wan and R. van der Merwe, "The unscented Kalman
 * filter for nonlinear estimation", Proc. IEEE AS-SPCC (2000) 153–158, Algorithm 3.1 (the additive-noise
 * filter with scaled sigma points, written here). With λ = α²(n + κ) − n and S the lower Cholesky factor of P,
 *
 * <pre>
 *   χ_0 = x̂,  χ_i = x̂ + √(n+λ) S_i,  χ_{n+i} = x̂ − √(n+λ) S_i          (S_i: column i of S)
 *   W_0^m = λ/(n+λ),  W_0^c = λ/(n+λ) + 1 − α² + β,  W_i^m = W_i^c = 1/(2(n+λ))
 *   predict:  Y_i = f(χ_i),  x̂⁻ = Σ W^m_i Y_i,  P⁻ = Σ W^c_i (Y_i − x̂⁻)(Y_i − x̂⁻)ᵀ + Q
 *   update:   χ from (x̂⁻, P⁻) again, Z_i = h(χ_i),  ẑ = Σ W^m_i Z_i,
 *             P_zz = Σ W^c_i (Z_i − ẑ)(Z_i − ẑ)ᵀ + R,  P_xz = Σ W^c_i (χ_i − x̂⁻)(Z_i − ẑ)ᵀ,
 *             K = P_xz P_zz⁻¹,  x̂ = x̂⁻ + K (z − ẑ),  P = P⁻ − K P_zz Kᵀ
 * </pre>
 *
 * The update draws its sigma points afresh from (x̂⁻, P⁻), so that Q takes part in P_xz (Wan &amp; van der
 * Merwe's remark after Algorithm 3.1); with it the filter is the exact Kalman filter when f and h are
 * linear, which {@code UnscentedKalmanFilterTest} checks.
 *
 * <p><b>Defaults</b> α = 1, β = 2, κ = 0: λ = 0, so W_0^m = 0, W_0^c = 2 and every weight is non-negative —
 * the covariance of propagated points cannot lose definiteness through negative weights, which the small-α
 * settings (α = 1e-3, W_0 ≈ −10⁶) risk. The spread √n·σ is wide; it is what lets a sigma point differ from
 * the mean by more than an ODE integrator's tolerance, so that the propagated spread is physics rather than
 * integration error.
 *
 * <p><b>Measurements.</b> {@code R} is diagonal (independent sensors, variances given per round). A
 * measurement that is NaN or infinite in a round is missing: it is left out of that round's update — the
 * update uses the present ones only, with the sub-matrices of P_zz and P_xz — and a round with none changes
 * nothing.
 *
 * <p><b>Bounds.</b> Optional lower and upper bounds per component (e.g. a vapour pressure is never
 * negative) clip every sigma point before f or h sees it, and the updated mean: the estimate-projection
 * approach of D. Simon, "Kalman filtering with state constraints: a survey of linear and nonlinear
 * algorithms", IET Control Theory &amp; Applications 4(8) (2010) 1303–1318, §2.3 and §4.3. The covariance is
 * not projected.
 *
 * <p><b>Definiteness.</b> P is symmetrised after each step and factored with {@link Cholesky}, which adds
 * diagonal jitter relative to each variance when rounding has made P slightly indefinite ({@link
 * #lastJitter()}); a P that is far from positive definite is an error.
 *
 * <p>Not thread-safe: one instance belongs to one estimator.
 */
public final class UnscentedKalmanFilter {

    /**
     * Moves one sigma point through the process model over the prediction step, in place.
     */
    @FunctionalInterface
    public interface Propagation {

        /**
         * Replaces {@code x} (a sigma point, length n) by its value at the end of the step.
         *
         * @param sigma index of the point, 0 for the one at the mean, 1…2n for the others
         * @param x the point; overwrite it
         */
        void propagate(int sigma, double[] x);
    }

    /** The measurement function h: every measurement a state would give, noise-free. */
    @FunctionalInterface
    public interface Observation {

        /** Writes h(x) (length m, in the order of the measurement vector) into {@code z}. */
        void observe(double[] x, double[] z);
    }

    private final int n;
    private final int m;
    private final double alpha;
    private final double beta;
    private final double kappa;
    private final double scale; // sqrt(n + lambda)
    private final double wm0;
    private final double wc0;
    private final double wi;
    private final double[] lower;
    private final double[] upper;

    private final double[] mean;
    private final double[][] cov;
    private final double[][] chol;
    private final double[][] points;
    private final double[][] zPoints;
    private final double[] zHat;
    private final int[] present;
    private final double[][] pzz;
    private final double[][] pzzChol;
    private final double[][] pxz;
    private final double[] innovation;
    private final double[] innovationVariance;
    private final double[][] gain;
    private double lastJitter;

    private UnscentedKalmanFilter(Builder b) {
        this.n = b.n;
        this.m = b.m;
        this.alpha = b.alpha;
        this.beta = b.beta;
        this.kappa = b.kappa;
        double lambda = alpha * alpha * (n + kappa) - n;
        this.scale = Math.sqrt(n + lambda);
        this.wm0 = lambda / (n + lambda);
        this.wc0 = wm0 + 1 - alpha * alpha + beta;
        this.wi = 1.0 / (2 * (n + lambda));
        this.lower = b.lower.clone();
        this.upper = b.upper.clone();
        this.mean = new double[n];
        this.cov = new double[n][n];
        this.chol = new double[n][n];
        this.points = new double[2 * n + 1][n];
        this.zPoints = new double[2 * n + 1][m];
        this.zHat = new double[m];
        this.present = new int[m];
        this.pzz = new double[m][m];
        this.pzzChol = new double[m][m];
        this.pxz = new double[n][m];
        this.innovation = new double[m];
        this.innovationVariance = new double[m];
        this.gain = new double[n][m];
        Arrays.fill(innovation, Double.NaN);
        Arrays.fill(innovationVariance, Double.NaN);
    }

    /**
     * A builder for a filter of {@code stateDimension} components and {@code measurementDimension} scalar
     * measurements per round (each at least 1).
     */
    public static Builder builder(int stateDimension, int measurementDimension) {
        return new Builder(stateDimension, measurementDimension);
    }

    /**
     * Sets the estimate: mean {@code x0} (length n, clipped to the bounds) and covariance {@code p0} (n×n,
     * symmetric positive definite; checked by factoring it).
     */
    public void reset(double[] x0, double[][] p0) {
        if (x0.length != n || p0.length != n) {
            throw new IllegalArgumentException("state of " + x0.length + " values and covariance of " + p0.length
                    + " rows for a filter of dimension " + n);
        }
        for (int i = 0; i < n; i++) {
            if (p0[i].length != n) {
                throw new IllegalArgumentException(
                        "covariance row " + i + " has " + p0[i].length + " columns; need " + n);
            }
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("initial state component " + i + " = " + x0[i] + " is not finite");
            }
            mean[i] = clip(i, x0[i]);
            for (int j = 0; j < n; j++) {
                double v = 0.5 * (p0[i][j] + p0[j][i]);
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("initial covariance (" + i + ", " + j + ") = " + v);
                }
                cov[i][j] = v;
            }
        }
        Cholesky.decompose(cov, n, chol);
        Arrays.fill(innovation, Double.NaN);
        Arrays.fill(innovationVariance, Double.NaN);
    }

    /**
     * The time update: sigma points from the current estimate through {@code f}, their weighted mean and
     * covariance, plus {@code q}.
     *
     * @param f the process model over this step
     * @param q process-noise covariance over this step (n×n, symmetric positive semi-definite)
     */
    public void predict(Propagation f, double[][] q) {
        if (q.length != n) {
            throw new IllegalArgumentException("process noise has " + q.length + " rows; need " + n);
        }
        drawSigmaPoints();
        for (int s = 0; s < points.length; s++) {
            f.propagate(s, points[s]);
            double[] p = points[s];
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(p[i])) {
                    throw new IllegalStateException(
                            "propagated sigma point " + s + " has component " + i + " = " + p[i]);
                }
            }
        }
        weightedMean(points, n, mean);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double c = wc0 * (points[0][i] - mean[i]) * (points[0][j] - mean[j]);
                for (int s = 1; s < points.length; s++) {
                    c += wi * (points[s][i] - mean[i]) * (points[s][j] - mean[j]);
                }
                c += 0.5 * (q[i][j] + q[j][i]);
                cov[i][j] = c;
                cov[j][i] = c;
            }
        }
    }

    /**
     * The measurement update with the measurements of this round that are present.
     *
     * @param z measurements, length m; NaN or infinite entries are missing and left out
     * @param r their noise variances, length m, each positive and finite where z is present
     * @param h the measurement function (it computes all m; the missing ones are ignored)
     * @return how many measurements were fused (0: nothing changed)
     */
    public int update(double[] z, double[] r, Observation h) {
        if (z.length != m || r.length != m) {
            throw new IllegalArgumentException(
                    z.length + " measurements and " + r.length + " variances for a filter of " + m + " measurements");
        }
        int k = 0;
        for (int j = 0; j < m; j++) {
            innovation[j] = Double.NaN;
            innovationVariance[j] = Double.NaN;
            if (Double.isFinite(z[j])) {
                if (!(r[j] > 0.0) || r[j] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            "measurement " + j + " has noise variance " + r[j] + "; allowed: positive and finite");
                }
                present[k++] = j;
            }
        }
        if (k == 0) {
            return 0;
        }
        drawSigmaPoints();
        for (int s = 0; s < points.length; s++) {
            h.observe(points[s], zPoints[s]);
            for (int a = 0; a < k; a++) {
                if (!Double.isFinite(zPoints[s][present[a]])) {
                    throw new IllegalStateException(
                            "measurement " + present[a] + " of sigma point " + s + " is " + zPoints[s][present[a]]);
                }
            }
        }
        for (int a = 0; a < k; a++) {
            int ja = present[a];
            double v = wm0 * zPoints[0][ja];
            for (int s = 1; s < points.length; s++) {
                v += wi * zPoints[s][ja];
            }
            zHat[a] = v;
        }
        for (int a = 0; a < k; a++) {
            int ja = present[a];
            for (int b = 0; b <= a; b++) {
                int jb = present[b];
                double c = wc0 * (zPoints[0][ja] - zHat[a]) * (zPoints[0][jb] - zHat[b]);
                for (int s = 1; s < points.length; s++) {
                    c += wi * (zPoints[s][ja] - zHat[a]) * (zPoints[s][jb] - zHat[b]);
                }
                pzz[a][b] = c;
                pzz[b][a] = c;
            }
            pzz[a][a] += r[ja];
            innovation[ja] = z[ja] - zHat[a];
            innovationVariance[ja] = pzz[a][a];
        }
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                int ja = present[a];
                double c = wc0 * (points[0][i] - mean[i]) * (zPoints[0][ja] - zHat[a]);
                for (int s = 1; s < points.length; s++) {
                    c += wi * (points[s][i] - mean[i]) * (zPoints[s][ja] - zHat[a]);
                }
                pxz[i][a] = c;
            }
        }
        Cholesky.decompose(pzz, k, pzzChol);
        // row i of K solves P_zz K_iᵀ = P_xz,iᵀ (P_zz is symmetric); x̂ += K ν
        for (int i = 0; i < n; i++) {
            double[] ki = gain[i];
            System.arraycopy(pxz[i], 0, ki, 0, k);
            Cholesky.solve(pzzChol, k, ki);
            double dx = 0;
            for (int a = 0; a < k; a++) {
                dx += ki[a] * innovation[present[a]];
            }
            mean[i] += dx;
        }
        // P −= K P_zz Kᵀ, computed as K P_xzᵀ (K P_zz = P_xz) and symmetrised against rounding
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double c = 0;
                for (int a = 0; a < k; a++) {
                    c += gain[i][a] * pxz[j][a] + gain[j][a] * pxz[i][a];
                }
                double v = cov[i][j] - 0.5 * c;
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] = clip(i, mean[i]);
        }
        return k;
    }

    private void drawSigmaPoints() {
        lastJitter = Cholesky.decompose(cov, n, chol);
        double[] p0 = points[0];
        for (int i = 0; i < n; i++) {
            p0[i] = mean[i];
        }
        for (int c = 0; c < n; c++) {
            double[] plus = points[1 + c];
            double[] minus = points[1 + n + c];
            for (int i = 0; i < n; i++) {
                double d = scale * chol[i][c];
                plus[i] = clip(i, mean[i] + d);
                minus[i] = clip(i, mean[i] - d);
            }
        }
    }

    private void weightedMean(double[][] pts, int dim, double[] out) {
        for (int i = 0; i < dim; i++) {
            double v = wm0 * pts[0][i];
            for (int s = 1; s < pts.length; s++) {
                v += wi * pts[s][i];
            }
            out[i] = v;
        }
    }

    private double clip(int i, double v) {
        return v < lower[i] ? lower[i] : (v > upper[i] ? upper[i] : v);
    }

    /** Number of state components n. */
    public int stateDimension() {
        return n;
    }

    /** Number of measurements per round m. */
    public int measurementDimension() {
        return m;
    }

    /** Number of sigma points, 2n + 1: the calls of the process model per {@link #predict}. */
    public int sigmaPoints() {
        return 2 * n + 1;
    }

    /** Estimated component {@code i}. */
    public double mean(int i) {
        return mean[i];
    }

    /** Covariance entry ({@code i}, {@code j}). */
    public double covariance(int i, int j) {
        return cov[i][j];
    }

    /** Copies the estimate into {@code out} (length n). */
    public void copyMean(double[] out) {
        System.arraycopy(mean, 0, out, 0, n);
    }

    /** A copy of the covariance (allocates; for reports and tests). */
    public double[][] covarianceCopy() {
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            c[i] = cov[i].clone();
        }
        return c;
    }

    /**
     * Innovation z − ẑ of measurement {@code j} in the last {@link #update}, NaN if it was missing (or
     * before the first update).
     */
    public double innovation(int j) {
        return innovation[j];
    }

    /**
     * Predicted variance of that innovation, (P_zz)_jj including the noise variance; innovation² over this is
     * the normalised innovation squared, χ²(1) when the filter is consistent. NaN if missing.
     */
    public double innovationVariance(int j) {
        return innovationVariance[j];
    }

    /** The relative diagonal jitter the last factorisation of P needed (0 when none). */
    public double lastJitter() {
        return lastJitter;
    }

    /** Sigma-point parameter α. */
    public double alpha() {
        return alpha;
    }

    /** Sigma-point parameter β. */
    public double beta() {
        return beta;
    }

    /** Sigma-point parameter κ. */
    public double kappa() {
        return kappa;
    }

    /** Configuration of an {@link UnscentedKalmanFilter}, checked in {@link #build()}. */
    public static final class Builder {

        private final int n;
        private final int m;
        private double alpha = 1.0;
        private double beta = 2.0;
        private double kappa = 0.0;
        private double[] lower;
        private double[] upper;

        private Builder(int n, int m) {
            if (n < 1) {
                throw new IllegalArgumentException("stateDimension = " + n + "; allowed: 1 or more");
            }
            if (m < 1) {
                throw new IllegalArgumentException("measurementDimension = " + m + "; allowed: 1 or more");
            }
            this.n = n;
            this.m = m;
            this.lower = new double[n];
            this.upper = new double[n];
            Arrays.fill(lower, Double.NEGATIVE_INFINITY);
            Arrays.fill(upper, Double.POSITIVE_INFINITY);
        }

        /** Spread α of the sigma points, (0, 1]; default 1 (see the class comment). */
        public Builder optAlpha(double v) {
            if (!(v > 0.0 && v <= 1.0)) {
                throw new IllegalArgumentException("alpha = " + v + "; allowed: (0, 1]");
            }
            this.alpha = v;
            return this;
        }

        /** Prior-distribution parameter β ≥ 0; default 2 (optimal for a Gaussian prior). */
        public Builder optBeta(double v) {
            if (!(v >= 0.0 && v < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("beta = " + v + "; allowed: [0, +inf)");
            }
            this.beta = v;
            return this;
        }

        /** Secondary scaling κ; default 0. n + κ must be positive (checked in {@link #build()}). */
        public Builder optKappa(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("kappa = " + v + "; allowed: finite");
            }
            this.kappa = v;
            return this;
        }

        /**
         * Bounds per component (length n each, lower ≤ upper; infinities for none): sigma points and the
         * updated mean are clipped to them.
         */
        public Builder optBounds(double[] lower, double[] upper) {
            if (lower.length != n || upper.length != n) {
                throw new IllegalArgumentException(
                        "bounds of length " + lower.length + " and " + upper.length + " for dimension " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!(lower[i] <= upper[i])) {
                    throw new IllegalArgumentException(
                            "bounds of component " + i + ": lower " + lower[i] + " > upper " + upper[i]);
                }
            }
            this.lower = lower.clone();
            this.upper = upper.clone();
            return this;
        }

        /** The filter, with zero mean and identity covariance until {@link UnscentedKalmanFilter#reset}. */
        public UnscentedKalmanFilter build() {
            if (!(alpha * alpha * (n + kappa) > 0.0)) {
                throw new IllegalArgumentException(
                        "kappa = " + kappa + " with n = " + n + " gives n + lambda <= 0; allowed: kappa > -n");
            }
            UnscentedKalmanFilter f = new UnscentedKalmanFilter(this);
            double[][] eye = new double[n][n];
            for (int i = 0; i < n; i++) {
                eye[i][i] = 1.0;
            }
            f.reset(new double[n], eye);
            return f;
        }
    }
}
