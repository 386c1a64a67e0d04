package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The integrator's small LU against Hipparchus' LUDecomposition, and its singularity report. */
class DenseLuTest {

    @Test
    void solvesLikeHipparchus() {
        Random random = new Random(42);
        for (int n : new int[] {1, 2, 5, 31}) {
            double[][] a = new double[n][n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = random.nextGaussian();
                for (int j = 0; j < n; j++) {
                    a[i][j] = random.nextGaussian();
                }
            }
            DenseLu lu = new DenseLu(n);
            assertThat(lu.dimension()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                System.arraycopy(a[i], 0, lu.matrix(), i * n, n);
            }
            assertThat(lu.factor()).isTrue();
            double[] y = b.clone();
            lu.solve(y);
            RealMatrix m = MatrixUtils.createRealMatrix(a);
            double[] expected = new LUDecomposition(m)
                    .getSolver()
                    .solve(MatrixUtils.createRealVector(b))
                    .toArray();
            for (int i = 0; i < n; i++) {
                assertThat(y[i]).isCloseTo(expected[i], within(1e-10 * (1 + Math.abs(expected[i]))));
            }
        }
    }

    @Test
    void pivotsPastAZeroDiagonal() {
        DenseLu lu = new DenseLu(2);
        System.arraycopy(new double[] {0, 2, 3, 0}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isTrue();
        double[] y = {4, 9};
        lu.solve(y); // 2 y1 = 4, 3 y0 = 9
        assertThat(y).containsExactly(3.0, 2.0);
    }

    @Test
    void reportsSingularAndNonFiniteMatrices() {
        DenseLu lu = new DenseLu(2);
        System.arraycopy(new double[] {1, 2, 2, 4}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isFalse();
        System.arraycopy(new double[] {Double.NaN, 1, 0, 1}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isFalse();
        // a NaN off the pivots factors, and shows in the solution (the integrator rejects such a step)
        System.arraycopy(new double[] {1, Double.NaN, 0, 1}, 0, lu.matrix(), 0, 4);
        assertThat(lu.factor()).isTrue();
        double[] y = {1, 1};
        lu.solve(y);
        assertThat(y[0]).isNaN();
    }
}
