package systems.rala.twin.ode;

/**
 * LU factorisation with partial (row) pivoting of a small dense n×n matrix, in place, on arrays the caller
 * owns: it allocates nothing after construction. Doolittle form, row-major storage ({@code a[i * n + j]}),
 * as in Golub &amp; Van Loan, <i>Matrix Computations</i> (4th ed.), Algorithm 3.4.1 (Gaussian elimination
 * with partial pivoting).
 *
 * <p>Not thread-safe: one instance belongs to one integrator.
 */
final class DenseLu {

    private final int n;
    private final double[] lu;
    private final int[] pivot;

    /** A factoriser for n×n matrices; {@code n} at least 1. */
    DenseLu(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("matrix dimension " + n + " must be at least 1");
        }
        this.n = n;
        this.lu = new double[n * n];
        this.pivot = new int[n];
    }

    /** Dimension n of the matrices this instance factors. */
    int dimension() {
        return n;
    }

    /**
     * The array the matrix to factor is written into (row-major, length n²); {@link #factor()} overwrites it
     * with L (unit lower, below the diagonal) and U (upper, on and above it).
     */
    double[] matrix() {
        return lu;
    }

    /**
     * Factors the matrix in {@link #matrix()} in place.
     *
     * @return false if a pivot is zero or not finite (the matrix is singular to working precision, or holds a
     *     NaN or infinity); the factors are then unusable
     */
    boolean factor() {
        for (int k = 0; k < n; k++) {
            // pivot: the largest magnitude in column k on or below the diagonal
            int p = k;
            double max = Math.abs(lu[k * n + k]);
            for (int i = k + 1; i < n; i++) {
                double v = Math.abs(lu[i * n + k]);
                if (v > max) {
                    max = v;
                    p = i;
                }
            }
            if (!(max > 0.0) || max == Double.POSITIVE_INFINITY) {
                return false;
            }
            pivot[k] = p;
            if (p != k) {
                int rp = p * n;
                int rk = k * n;
                for (int j = 0; j < n; j++) {
                    double tmp = lu[rk + j];
                    lu[rk + j] = lu[rp + j];
                    lu[rp + j] = tmp;
                }
            }
            int rk = k * n;
            double inv = 1.0 / lu[rk + k];
            for (int i = k + 1; i < n; i++) {
                int ri = i * n;
                double l = lu[ri + k] * inv;
                lu[ri + k] = l;
                if (l != 0.0) {
                    for (int j = k + 1; j < n; j++) {
                        lu[ri + j] -= l * lu[rk + j];
                    }
                }
            }
        }
        return true;
    }

    /** Solves A y = b in place ({@code b} becomes y) with the factors of the last successful {@link #factor()}. */
    void solve(double[] b) {
        // apply the row interchanges, then forward substitution with unit L
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double tmp = b[k];
                b[k] = b[p];
                b[p] = tmp;
            }
        }
        for (int i = 1; i < n; i++) {
            int ri = i * n;
            double s = b[i];
            for (int j = 0; j < i; j++) {
                s -= lu[ri + j] * b[j];
            }
            b[i] = s;
        }
        // back substitution with U
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double s = b[i];
            for (int j = i + 1; j < n; j++) {
                s -= lu[ri + j] * b[j];
            }
            b[i] = s / lu[ri + i];
        }
    }
}
