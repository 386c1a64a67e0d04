package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static systems.rala.twin.ode.RosenbrockIntegrator.ALPHA;
import static systems.rala.twin.ode.RosenbrockIntegrator.B;
import static systems.rala.twin.ode.RosenbrockIntegrator.B_HAT;
import static systems.rala.twin.ode.RosenbrockIntegrator.GAMMA;
import static systems.rala.twin.ode.RosenbrockIntegrator.GAMMA_MATRIX;
import static systems.rala.twin.ode.RosenbrockIntegrator.STAGES;

import org.junit.jupiter.api.Test;

/**
 * The ROS34PW2 coefficients against the order conditions of Rosenbrock and W-methods, so that a mistyped
 * digit cannot slip through. Notation of Hairer &amp; Wanner, Solving ODEs II, §IV.7: α_i = Σ_j α_ij,
 * β_ij = α_ij + γ_ij (strictly lower part), β'_i = Σ_{j&lt;i} β_ij. The conditions (right-hand sides) are those
 * of Hairer &amp; Wanner §IV.7 for Rosenbrock methods and, for W-methods (order kept with any approximation of
 * the Jacobian), those listed by Rang &amp; Angermann (2005), which split each Rosenbrock condition into
 * one on α and one on γ.
 *
 * <p>Tolerance 2e-15: the sums are of at most 16 products of numbers below 2, rounded in double precision,
 * so a few units of 1.1e-16 each. One coefficient of ROS34PW2 as printed in some public copies
 * (α_32 = -0.11299064236397981 instead of -0.11299064236484185) breaks Σ b_i α_i² = 1/3 by 1.9e-12: such a
 * typo fails here.
 */
class RosenbrockCoefficientsTest {

    private static final double TOL = 2e-15;

    private static double[] alphaSum() {
        double[] a = new double[STAGES];
        for (int i = 0; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                a[i] += ALPHA[i][j];
            }
        }
        return a;
    }

    /** β'_i = Σ_{j<i} (α_ij + γ_ij). */
    private static double[] betaPrime() {
        double[] b = new double[STAGES];
        for (int i = 0; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                b[i] += ALPHA[i][j] + GAMMA_MATRIX[i][j];
            }
        }
        return b;
    }

    private static double sum(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s;
    }

    private static double dot(double[] w, double[] v) {
        double s = 0;
        for (int i = 0; i < STAGES; i++) {
            s += w[i] * v[i];
        }
        return s;
    }

    /** Σ_i w_i Σ_{j<i} m_ij v_j. */
    private static double weighted(double[] w, double[][] m, double[] v) {
        double s = 0;
        for (int i = 0; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                s += w[i] * m[i][j] * v[j];
            }
        }
        return s;
    }

    private static double[][] beta() {
        double[][] b = new double[STAGES][STAGES];
        for (int i = 0; i < STAGES; i++) {
            for (int j = 0; j < i; j++) {
                b[i][j] = ALPHA[i][j] + GAMMA_MATRIX[i][j];
            }
        }
        return b;
    }

    @Test
    void gammaMakesTheMethodLStable() {
        // gamma is the root near 0.4359 of 6g^3 - 18g^2 + 9g - 1 = 0, the value of the L-stable 3-stage SDIRK
        // method of order 3 (Hairer & Wanner §IV.6); L-stability itself is checked below
        double g = GAMMA;
        assertThat(6 * g * g * g - 18 * g * g + 9 * g - 1).isCloseTo(0.0, within(TOL));
        for (int i = 0; i < STAGES; i++) {
            assertThat(GAMMA_MATRIX[i][i]).isEqualTo(GAMMA);
            for (int j = i; j < STAGES; j++) {
                if (j > i) {
                    assertThat(GAMMA_MATRIX[i][j]).isZero();
                }
                assertThat(ALPHA[i][j]).isZero();
            }
        }
    }

    @Test
    void mainWeightsSatisfyTheOrderThreeConditions() {
        double g = GAMMA;
        double[] a = alphaSum();
        double[] bp = betaPrime();
        // Rosenbrock conditions (exact Jacobian), Hairer & Wanner §IV.7
        assertThat(sum(B)).as("sum b_i = 1").isCloseTo(1.0, within(TOL));
        assertThat(dot(B, bp)).as("sum b_i beta'_i = 1/2 - gamma").isCloseTo(0.5 - g, within(TOL));
        assertThat(dot(B, new double[] {a[0] * a[0], a[1] * a[1], a[2] * a[2], a[3] * a[3]}))
                .as("sum b_i alpha_i^2 = 1/3")
                .isCloseTo(1.0 / 3.0, within(TOL));
        assertThat(weighted(B, beta(), bp))
                .as("sum b_i beta_ij beta'_j = 1/6 - gamma + gamma^2")
                .isCloseTo(1.0 / 6.0 - g + g * g, within(TOL));
        // W-method conditions (any approximation of the Jacobian), Rang & Angermann (2005)
        assertThat(dot(B, a)).as("sum b_i alpha_i = 1/2").isCloseTo(0.5, within(TOL));
        assertThat(weighted(B, ALPHA, a)).as("sum b_i alpha_ij alpha_j = 1/6").isCloseTo(1.0 / 6.0, within(TOL));
        assertThat(weighted(B, ALPHA, bp))
                .as("sum b_i alpha_ij beta'_j = 1/6 - gamma/2")
                .isCloseTo(1.0 / 6.0 - g / 2, within(TOL));
        assertThat(weighted(B, beta(), a))
                .as("sum b_i beta_ij alpha_j = 1/6 - gamma/2")
                .isCloseTo(1.0 / 6.0 - g / 2, within(TOL));
    }

    @Test
    void embeddedWeightsSatisfyTheOrderTwoConditions() {
        double g = GAMMA;
        assertThat(sum(B_HAT)).as("sum bhat_i = 1").isCloseTo(1.0, within(TOL));
        assertThat(dot(B_HAT, betaPrime()))
                .as("sum bhat_i beta'_i = 1/2 - gamma")
                .isCloseTo(0.5 - g, within(TOL));
        assertThat(dot(B_HAT, alphaSum())).as("sum bhat_i alpha_i = 1/2 (W)").isCloseTo(0.5, within(TOL));
        // and it is a different method: its error against the main one does not vanish at order 3
        double[] a = alphaSum();
        assertThat(Math.abs(dot(B_HAT, new double[] {a[0] * a[0], a[1] * a[1], a[2] * a[2], a[3] * a[3]}) - 1.0 / 3))
                .isGreaterThan(1e-3);
    }

    @Test
    void methodIsStifflyAccurate() {
        // stiffly accurate (Rang & Angermann 2005): b_i = beta_4i for i < 4, b_4 = gamma,
        // and alpha_4 = 1, so x_new is the last stage's value and R(infinity) = 0
        for (int j = 0; j < STAGES - 1; j++) {
            assertThat(B[j]).isCloseTo(ALPHA[3][j] + GAMMA_MATRIX[3][j], within(TOL));
        }
        assertThat(B[3]).isEqualTo(GAMMA);
        assertThat(alphaSum()[3]).isCloseTo(1.0, within(TOL));
    }

    @Test
    void stabilityFunctionIsLStable() {
        // R(z) = 1 + z b^T (I - z B)^-1 1 with B = (alpha_ij + gamma_ij) including the diagonal gamma
        // (Hairer & Wanner §IV.7). L-stable: |R(iy)| <= 1 on the imaginary axis, no poles in the
        // left half-plane (the only pole is 1/gamma > 0), and R(z) -> 0 as z -> -infinity.
        assertThat(Math.abs(stability(-1e12, 0)[0])).isLessThan(1e-10);
        for (double y = 0; y <= 1e4; y = y < 1 ? y + 0.01 : y * 1.1) {
            double[] r = stability(0, y);
            assertThat(Math.hypot(r[0], r[1])).as("|R(i*%s)|", y).isLessThanOrEqualTo(1.0 + 1e-12);
        }
        for (double x = -1e6; x < 0; x = x < -1 ? x / 1.3 : x + 0.01) {
            assertThat(Math.abs(stability(x, 0)[0])).as("|R(%s)|", x).isLessThanOrEqualTo(1.0 + 1e-12);
        }
    }

    /** R(z) for complex z = re + i im, by forward substitution of (I - z B) v = 1. */
    private static double[] stability(double re, double im) {
        double[][] bm = beta();
        double[] vr = new double[STAGES];
        double[] vi = new double[STAGES];
        for (int i = 0; i < STAGES; i++) {
            // (1 - z gamma) v_i = 1 + z sum_j beta_ij v_j
            double sr = 0;
            double si = 0;
            for (int j = 0; j < i; j++) {
                sr += bm[i][j] * vr[j];
                si += bm[i][j] * vi[j];
            }
            double nr = 1 + re * sr - im * si;
            double ni = re * si + im * sr;
            double dr = 1 - re * GAMMA;
            double di = -im * GAMMA;
            double den = dr * dr + di * di;
            vr[i] = (nr * dr + ni * di) / den;
            vi[i] = (ni * dr - nr * di) / den;
        }
        double sr = 0;
        double si = 0;
        for (int i = 0; i < STAGES; i++) {
            sr += B[i] * vr[i];
            si += B[i] * vi[i];
        }
        return new double[] {1 + re * sr - im * si, re * si + im * sr};
    }
}
