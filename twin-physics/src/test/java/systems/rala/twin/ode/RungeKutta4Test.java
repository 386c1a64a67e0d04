package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The classical RK4 method with fixed sub-steps: exact where the theory says it is exact, fourth-order
 * convergence on a non-autonomous problem with a closed-form solution, no allocation per call, and argument
 * errors.
 */
class RungeKutta4Test {

    /** x' = p(t), p cubic: RK4 reduces to Simpson's rule, which is exact for cubics, whatever h. */
    @Test
    void exactForCubicQuadrature() {
        OdeSystem cubic = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] x, double[] dxdt) {
                dxdt[0] = 4 * t * t * t - 3 * t * t + 2 * t - 1;
            }
        };
        double[] x = {0.5};
        new RungeKutta4(3).integrate(cubic, 0.0, x, 2.0);
        // x(t) = t^4 - t^3 + t^2 - t + 0.5, at t = 2: 16 - 8 + 4 - 2 + 0.5
        assertThat(x[0]).isCloseTo(10.5, within(1e-13));
    }

    /**
     * x' = λ x: one RK4 step multiplies x by the degree-4 Taylor polynomial of e^z, z = hλ (the stability
     * function of the classical method, Hairer, Nørsett &amp; Wanner, Solving ODEs I, §IV.2). Checks every
     * coefficient of the tableau at once.
     */
    @Test
    void oneStepIsTheFourthOrderTaylorPolynomial() {
        double lambda = -0.7;
        OdeSystem decay = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] x, double[] dxdt) {
                dxdt[0] = lambda * x[0];
            }
        };
        double h = 0.9;
        double z = h * lambda;
        double[] x = {2.0};
        new RungeKutta4(1).integrate(decay, 1.0, x, 1.0 + h);
        assertThat(x[0]).isCloseTo(2.0 * (1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24), within(1e-15));
        // two sub-steps of h/2 apply the polynomial twice
        double[] y = {2.0};
        new RungeKutta4(2).integrate(decay, 1.0, y, 1.0 + h);
        double w = z / 2;
        double r = 1 + w + w * w / 2 + w * w * w / 6 + w * w * w * w / 24;
        assertThat(y[0]).isCloseTo(2.0 * r * r, within(1e-15));
    }

    /**
     * {@link TestSystems.Nonstiff} (x1 = 1/(1 + t), x2 = exp(sin t)) over [0, 2]: halving h divides the error
     * by 2⁴ = 16. The observed orders log2(e_h / e_h/2) lie within 3.9 to 4.1 while rounding is negligible.
     */
    @Test
    void convergesWithOrderFour() {
        TestSystems.Nonstiff f = new TestSystems.Nonstiff();
        double[] exact = TestSystems.Nonstiff.exact(2.0);
        double previous = Double.NaN;
        for (int n = 8; n <= 128; n *= 2) {
            double[] x = {1.0, 1.0};
            new RungeKutta4(n).integrate(f, 0.0, x, 2.0);
            double error = Math.max(Math.abs(x[0] - exact[0]), Math.abs(x[1] - exact[1]));
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / error) / Math.log(2.0);
                assertThat(order)
                        .as("observed order from %d to %d sub-steps", n / 2, n)
                        .isBetween(3.9, 4.1);
            }
            previous = error;
        }
        assertThat(previous).as("error with 128 sub-steps").isLessThan(1e-8);
    }

    @Test
    void countsEvaluationsAndLeavesXAloneForAnEmptyInterval() {
        RungeKutta4 rk = new RungeKutta4(4);
        double[] x = {1.0, 1.0};
        rk.integrate(new TestSystems.Nonstiff(), 3.0, x, 3.0);
        assertThat(x).containsExactly(1.0, 1.0);
        assertThat(rk.rhsEvaluations()).isZero();
        rk.integrate(new TestSystems.Nonstiff(), 0.0, x, 1.0);
        assertThat(rk.rhsEvaluations()).isEqualTo(16);
        assertThat(rk.substeps()).isEqualTo(4);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new RungeKutta4(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("substeps = 0");
        RungeKutta4 rk = new RungeKutta4(2);
        assertThatThrownBy(() -> rk.integrate(new TestSystems.Nonstiff(), 0.0, new double[3], 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 components, the system 2");
        assertThatThrownBy(() -> rk.integrate(new TestSystems.Nonstiff(), 0.0, new double[2], Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be finite");
    }

    /** Same measurement as {@link RosenbrockAllocationTest}: 0 bytes per call, 1 KiB of one-off noise allowed. */
    @Test
    void integrateAllocatesNothingPerCall() {
        RungeKutta4 rk = new RungeKutta4(4);
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        double[] x = TestSystems.HeatChain.initial();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int call = 0; call < 20_000; call++) {
            rk.integrate(f, call * 0.1, x, (call + 1) * 0.1);
        }
        long baseline0 = threads.getCurrentThreadAllocatedBytes();
        long baseline1 = threads.getCurrentThreadAllocatedBytes();
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int call = 0; call < 20_000; call++) {
            rk.integrate(f, call * 0.1, x, (call + 1) * 0.1);
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        assertThat((after - before) - (baseline1 - baseline0)).isLessThanOrEqualTo(1024);
    }
}
