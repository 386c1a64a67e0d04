package systems.rala.twin.estimation;

/**
 * Cholesky factorisation A = L Lᵀ of a small symmetric positive-definite matrix, into arrays the caller owns:
 * no allocation. Golub &amp; Van Loan, <i>Matrix Computations</i> (4th ed.), Algorithm 4.2.1 (the
 * inner-product "gaxpy" form), with the leading n×n block of larger arrays used so one work matrix serves
 * every subset of measurements.
 *
 * <p>A covariance matrix that rounding has made slightly indefinite (a filter's P after many updates, or a
 * sigma-point covariance of states that an ODE step has pulled onto a manifold) is repaired by adding
 * jitter to the diagonal, ε·(A_ii + tiny), ε = 1e-12, 1e-10, …, 1e-4, then 1e-3, 1e-2, 0.1 (covariance inflation, which also steadies a filter whose
 * sigma points were clipped at a state's bound): relative to each diagonal entry, so the
 * states' different units (°C, Pa, mg m⁻³) do not matter. What was added is returned so the caller can
 * report it.
 */
final class Cholesky {

    /** Relative jitters tried in turn after an exact factorisation fails. */
    private static final double[] JITTER = {0.0, 1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 1e-2, 1e-1};

    /** Added to a diagonal entry before scaling, so an exactly zero variance still gets some jitter. */
    private static final double TINY = 1e-300;

    private Cholesky() {}

    /**
     * Writes the lower-triangular L with L Lᵀ = A + diag(ε (A_ii + tiny)) into the leading n×n block of
     * {@code l} (zeros above the diagonal), using the smallest ε of {@link #JITTER} that works.
     *
     * @param a symmetric matrix, only its lower triangle is read; not modified
     * @param n size of the leading block to factor
     * @param l receives L; must not be {@code a}
     * @return the relative jitter ε used (0 when A itself was positive definite)
     * @throws IllegalStateException when A is not positive definite even with ε = 0.1, or holds NaN
     */
    static double decompose(double[][] a, int n, double[][] l) {
        for (double eps : JITTER) {
            if (tryDecompose(a, n, eps, l)) {
                return eps;
            }
        }
        throw new IllegalStateException("covariance of dimension " + n
                + " is not positive definite even with relative diagonal jitter 0.1 (diagonal "
                + diagonal(a, n) + ")");
    }

    private static boolean tryDecompose(double[][] a, int n, double eps, double[][] l) {
        for (int j = 0; j < n; j++) {
            double[] lj = l[j];
            double s = a[j][j] + eps * (Math.abs(a[j][j]) + TINY);
            for (int k = 0; k < j; k++) {
                s -= lj[k] * lj[k];
            }
            if (!(s > 0.0) || s == Double.POSITIVE_INFINITY) {
                return false;
            }
            double d = Math.sqrt(s);
            lj[j] = d;
            for (int k = j + 1; k < n; k++) {
                lj[k] = 0.0;
            }
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double t = a[i][j];
                for (int k = 0; k < j; k++) {
                    t -= li[k] * lj[k];
                }
                li[j] = t / d;
            }
        }
        return true;
    }

    /**
     * Solves (L Lᵀ) y = b in place for the leading n×n block of a factor from {@link #decompose}: forward then
     * back substitution.
     */
    static void solve(double[][] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            double[] li = l[i];
            for (int k = 0; k < i; k++) {
                s -= li[k] * b[k];
            }
            b[i] = s / li[i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
    }

    private static String diagonal(double[][] a, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ", ").append(a[i][i]);
        }
        return sb.append(']').toString();
    }
}
