package systems.rala.twin.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The factorisation against Hipparchus' {@code CholeskyDecomposition}, the jitter on a singular covariance,
 * and the refusal of an indefinite one. Tolerances: 1e-12 relative for a well-conditioned 12×12 matrix
 * (rounding of O(n) operations per entry).
 */
class CholeskyTest {

    private static double[][] randomCovariance(int n, Random rnd) {
        RealMatrix a = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, rnd.nextGaussian());
            }
        }
        RealMatrix c = a.multiplyTransposed(a);
        for (int i = 0; i < n; i++) {
            c.addToEntry(i, i, 0.5);
        }
        return c.getData();
    }

    @Test
    void factorAgreesWithHipparchus() {
        int n = 12;
        double[][] a = randomCovariance(n, new Random(3));
        double[][] l = new double[n][n];
        assertThat(Cholesky.decompose(a, n, l)).isZero();
        RealMatrix ref = new CholeskyDecomposition(MatrixUtils.createRealMatrix(a)).getL();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(l[i][j]).isCloseTo(ref.getEntry(i, j), within(1e-12 * Math.sqrt(a[i][i])));
            }
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = i - 3.5;
        }
        double[] y = b.clone();
        Cholesky.solve(l, n, y);
        double[] back = MatrixUtils.createRealMatrix(a).operate(y);
        for (int i = 0; i < n; i++) {
            assertThat(back[i]).isCloseTo(b[i], within(1e-10));
        }
    }

    @Test
    void leadingBlockOfALargerArray() {
        double[][] a = {{4, 2, 99}, {2, 5, 99}, {99, 99, 99}};
        double[][] l = new double[3][3];
        Cholesky.decompose(a, 2, l);
        assertThat(l[0][0]).isEqualTo(2.0);
        assertThat(l[1][0]).isEqualTo(1.0);
        assertThat(l[1][1]).isEqualTo(2.0);
        assertThat(l[0][1]).isZero();
    }

    @Test
    void singularCovarianceGetsRelativeJitter() {
        // two perfectly correlated states in different units (°C and Pa): rank 1
        double[][] a = {{1.0, 100.0}, {100.0, 10_000.0}};
        double[][] l = new double[2][2];
        double eps = Cholesky.decompose(a, 2, l);
        assertThat(eps).isGreaterThan(0.0).isLessThanOrEqualTo(1e-6);
        double rebuilt = l[1][0] * l[1][0] + l[1][1] * l[1][1];
        assertThat(rebuilt).isCloseTo(10_000.0 * (1 + eps), within(1e-6 * 10_000.0));
    }

    @Test
    void indefiniteMatrixIsRefused() {
        double[][] a = {{1.0, 0.0}, {0.0, -1.0}};
        assertThatThrownBy(() -> Cholesky.decompose(a, 2, new double[2][2]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not positive definite")
                .hasMessageContaining("[1.0, -1.0]");
    }
}
