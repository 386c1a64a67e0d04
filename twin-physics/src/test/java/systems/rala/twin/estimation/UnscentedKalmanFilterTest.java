package systems.rala.twin.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter core against the exact Kalman filter: for linear f and h the unscented transform of a Gaussian is
 * exact (Julier &amp; Uhlmann 2004, §IV), so the UKF must reproduce the Kalman filter's mean and covariance to
 * rounding. The reference is the textbook Kalman filter (Bar-Shalom, Li &amp; Kirubarajan 2001, §5.2.4) written
 * with Hipparchus' matrices and LU inverse — code that is not this package's. The model is the discretised
 * continuous white-noise-acceleration ("constant velocity") model of the same book, §6.2.2, with position and
 * velocity measured, and rounds where either or both are missing.
 *
 * <p>Tolerance 1e-9 relative to each quantity's scale: both filters round at about 1e-16 per operation over 80
 * steps; 1e-9 leaves six orders of magnitude for the different order of operations, and a wrong weight,
 * a missing Q in P_xz or a wrong sub-matrix for missing readings is off by 1e-3 or more.
 */
class UnscentedKalmanFilterTest {

    private static final double DT = 1.0; // s
    private static final double QC = 0.05; // m² s⁻³, power spectral density of the acceleration noise
    private static final double[] R = {0.5 * 0.5, 0.3 * 0.3}; // m², (m/s)²
    private static final int STEPS = 80;

    @ParameterizedTest(name = "alpha={0}, beta={1}, kappa={2}")
    @CsvSource({"1, 2, 0", "0.5, 2, 1", "1, 0, 0", "0.8, 2, -0.5"})
    void linearSystemMatchesTheExactKalmanFilter(double alpha, double beta, double kappa) {
        RealMatrix f = MatrixUtils.createRealMatrix(new double[][] {{1, DT}, {0, 1}});
        double[][] q = {
            {QC * DT * DT * DT / 3, QC * DT * DT / 2},
            {QC * DT * DT / 2, QC * DT}
        };
        RealMatrix qm = MatrixUtils.createRealMatrix(q);
        double[] x0 = {0.0, 1.0};
        double[][] p0 = {{4.0, 0.5}, {0.5, 1.0}};

        UnscentedKalmanFilter ukf = UnscentedKalmanFilter.builder(2, 2)
                .optAlpha(alpha)
                .optBeta(beta)
                .optKappa(kappa)
                .build();
        ukf.reset(x0, p0);
        RealVector x = MatrixUtils.createRealVector(x0.clone());
        RealMatrix p = MatrixUtils.createRealMatrix(p0);

        Random rnd = new Random(7);
        double[] truth = {0.3, 0.8};
        double[] z = new double[2];
        int fusedRounds = 0;
        for (int k = 0; k < STEPS; k++) {
            // truth and readings
            truth[0] += DT * truth[1] + Math.sqrt(QC * DT * DT * DT / 3) * rnd.nextGaussian();
            truth[1] += Math.sqrt(QC * DT) * rnd.nextGaussian();
            z[0] = k % 5 == 3 ? Double.NaN : truth[0] + Math.sqrt(R[0]) * rnd.nextGaussian();
            z[1] = k % 3 == 1 ? Double.NaN : truth[1] + Math.sqrt(R[1]) * rnd.nextGaussian();
            if (k == 20) {
                z[0] = Double.POSITIVE_INFINITY; // a broken reading counts as missing too
                z[1] = Double.NaN;
            }

            ukf.predict(
                    (s, xs) -> {
                        double pos = xs[0] + DT * xs[1];
                        xs[0] = pos;
                    },
                    q);
            x = f.operate(x);
            p = f.multiply(p).multiplyTransposed(f).add(qm);

            int fused = ukf.update(z, R, (xs, zs) -> {
                zs[0] = xs[0];
                zs[1] = xs[1];
            });
            int[] present = present(z);
            assertThat(fused).isEqualTo(present.length);
            if (present.length > 0) {
                fusedRounds++;
                RealMatrix h = MatrixUtils.createRealMatrix(present.length, 2);
                RealVector zv = MatrixUtils.createRealVector(present.length);
                RealMatrix rm = MatrixUtils.createRealMatrix(present.length, present.length);
                for (int a = 0; a < present.length; a++) {
                    h.setEntry(a, present[a], 1.0);
                    zv.setEntry(a, z[present[a]]);
                    rm.setEntry(a, a, R[present[a]]);
                }
                RealMatrix s = h.multiply(p).multiplyTransposed(h).add(rm);
                RealMatrix gain = p.multiplyTransposed(h)
                        .multiply(new LUDecomposition(s).getSolver().getInverse());
                x = x.add(gain.operate(zv.subtract(h.operate(x))));
                p = p.subtract(gain.multiply(s).multiplyTransposed(gain));
            }
            for (int i = 0; i < 2; i++) {
                assertThat(ukf.mean(i))
                        .as("step %d, mean %d", k, i)
                        .isCloseTo(x.getEntry(i), within(1e-9 * Math.max(1, Math.abs(x.getEntry(i)))));
                for (int j = 0; j < 2; j++) {
                    double ref = p.getEntry(i, j);
                    assertThat(ukf.covariance(i, j))
                            .as("step %d, covariance (%d, %d)", k, i, j)
                            .isCloseTo(ref, within(1e-9 * Math.max(1e-3, Math.abs(p.getEntry(i, i)))));
                }
            }
        }
        // rounds with nothing to fuse: k = 20, and k = 13, 28, 43, 58, 73 where both schedules drop a reading
        assertThat(fusedRounds).isEqualTo(STEPS - 6);
        // and the filter tracked the truth, so the comparison was not between two diverged filters
        assertThat(Math.abs(ukf.mean(0) - truth[0])).isLessThan(4 * Math.sqrt(ukf.covariance(0, 0)));
    }

    private static int[] present(double[] z) {
        int n = 0;
        for (double v : z) {
            if (Double.isFinite(v)) {
                n++;
            }
        }
        int[] out = new int[n];
        int k = 0;
        for (int j = 0; j < z.length; j++) {
            if (Double.isFinite(z[j])) {
                out[k++] = j;
            }
        }
        return out;
    }

    @Test
    void aRoundWithoutReadingsChangesNothing() {
        UnscentedKalmanFilter ukf = UnscentedKalmanFilter.builder(2, 2).build();
        ukf.reset(new double[] {1, 2}, new double[][] {{1, 0.2}, {0.2, 3}});
        double[][] before = ukf.covarianceCopy();
        int fused = ukf.update(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}, R, (x, z) -> {
            throw new AssertionError("h must not be evaluated when nothing is fused");
        });
        assertThat(fused).isZero();
        assertThat(ukf.mean(0)).isEqualTo(1.0);
        assertThat(ukf.mean(1)).isEqualTo(2.0);
        assertThat(ukf.covarianceCopy()).isDeepEqualTo(before);
        assertThat(ukf.innovation(0)).isNaN();
        assertThat(ukf.innovation(1)).isNaN();
    }

    @Test
    void aMissingReadingIsNotFused() {
        // the same round fused by a filter that has both sensors with the second missing, and by a filter that
        // only has the first: identical to the last bit
        double[] x0 = {1, 2};
        double[][] p0 = {{1, 0.4}, {0.4, 2}};
        UnscentedKalmanFilter both = UnscentedKalmanFilter.builder(2, 2).build();
        UnscentedKalmanFilter first = UnscentedKalmanFilter.builder(2, 1).build();
        both.reset(x0, p0);
        first.reset(x0, p0);
        both.update(new double[] {1.7, Double.NaN}, new double[] {0.25, 0.09}, (x, z) -> {
            z[0] = x[0] * x[0];
            z[1] = x[1];
        });
        first.update(new double[] {1.7}, new double[] {0.25}, (x, z) -> z[0] = x[0] * x[0]);
        for (int i = 0; i < 2; i++) {
            assertThat(both.mean(i)).isEqualTo(first.mean(i));
            for (int j = 0; j < 2; j++) {
                assertThat(both.covariance(i, j)).isEqualTo(first.covariance(i, j));
            }
        }
        assertThat(both.innovation(1)).isNaN();
        assertThat(both.innovation(0)).isEqualTo(first.innovation(0));
    }

    @Test
    void boundsClipSigmaPointsAndTheEstimate() {
        UnscentedKalmanFilter ukf = UnscentedKalmanFilter.builder(1, 1)
                .optBounds(new double[] {0.0}, new double[] {Double.POSITIVE_INFINITY})
                .build();
        ukf.reset(new double[] {1.0}, new double[][] {{4.0}}); // ±2σ reaches below zero
        double[] seen = {Double.POSITIVE_INFINITY};
        ukf.predict((s, x) -> seen[0] = Math.min(seen[0], x[0]), new double[][] {{0.0}});
        assertThat(seen[0]).isEqualTo(0.0);
        ukf.update(new double[] {-5.0}, new double[] {0.01}, (x, z) -> z[0] = x[0]); // a reading far below
        assertThat(ukf.mean(0)).isEqualTo(0.0);
    }

    @Test
    void configurationIsCheckedWhenBuilt() {
        assertThatThrownBy(() -> UnscentedKalmanFilter.builder(0, 1)).hasMessageContaining("stateDimension = 0");
        assertThatThrownBy(() -> UnscentedKalmanFilter.builder(2, 1).optAlpha(0))
                .hasMessageContaining("alpha = 0.0; allowed: (0, 1]");
        assertThatThrownBy(
                        () -> UnscentedKalmanFilter.builder(2, 1).optKappa(-2).build())
                .hasMessageContaining("kappa = -2.0");
        assertThatThrownBy(
                        () -> UnscentedKalmanFilter.builder(2, 1).optBounds(new double[] {1, 0}, new double[] {0, 1}))
                .hasMessageContaining("component 0: lower 1.0 > upper 0.0");
        UnscentedKalmanFilter ukf = UnscentedKalmanFilter.builder(2, 1).build();
        assertThatThrownBy(() -> ukf.reset(new double[] {0, 0}, new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> ukf.update(new double[] {1.0}, new double[] {0.0}, (x, z) -> z[0] = x[0]))
                .hasMessageContaining("noise variance 0.0");
    }

    /**
     * No allocation per round once built (same method as {@code RosenbrockAllocationTest}: the thread's
     * allocation counter, 1 KiB allowed in total for one-off JIT noise).
     */
    @Test
    void predictAndUpdateAllocateNothing() {
        int n = 6;
        UnscentedKalmanFilter ukf = UnscentedKalmanFilter.builder(n, 3).build();
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1e-3;
        }
        double[] r = {0.1, 0.1, 0.1};
        double[] z = new double[3];
        UnscentedKalmanFilter.Propagation f = (s, x) -> {
            for (int i = 0; i < n; i++) {
                x[i] = 0.9 * x[i] + 0.05 * Math.sin(x[(i + 1) % n]);
            }
        };
        UnscentedKalmanFilter.Observation h = (x, zs) -> {
            zs[0] = x[0];
            zs[1] = x[1] * x[2];
            zs[2] = Math.exp(0.1 * x[3]);
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 20_000; k++) {
            round(ukf, f, q, h, z, r, k);
        }
        long baseline0 = threads.getCurrentThreadAllocatedBytes();
        long baseline1 = threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 20_000; k++) {
            round(ukf, f, q, h, z, r, k);
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        assertThat((after - before) - (baseline1 - baseline0)).isLessThanOrEqualTo(1024);
    }

    private static void round(
            UnscentedKalmanFilter ukf,
            UnscentedKalmanFilter.Propagation f,
            double[][] q,
            UnscentedKalmanFilter.Observation h,
            double[] z,
            double[] r,
            int k) {
        ukf.predict(f, q);
        z[0] = 0.1 * Math.sin(k);
        z[1] = k % 4 == 0 ? Double.NaN : 0.0;
        z[2] = 1.0;
        ukf.update(z, r, h);
    }
}
