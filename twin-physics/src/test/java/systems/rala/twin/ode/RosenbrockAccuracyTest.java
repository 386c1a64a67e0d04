package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import systems.rala.twin.ode.RosenbrockIntegrator.JacobianPolicy;

/** ROS34PW2 against exact solutions and published reference values. */
class RosenbrockAccuracyTest {

    @ParameterizedTest(name = "tol {0}")
    @ValueSource(doubles = {1e-4, 1e-6, 1e-8})
    void stiffLinearSystemFollowsItsMatrixExponential(double tol) {
        // eigenvalues -1 and -1e4; exact solution from the matrix exponential (TestSystems.StiffLinear)
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(tol, tol);
        OdeSystem f = new TestSystems.StiffLinear();
        double[] x = TestSystems.StiffLinear.initial();
        double maxErr = 0;
        for (int k = 0; k < 100; k++) {
            ros.integrate(f, k * 0.05, x, (k + 1) * 0.05);
            double[] exact = TestSystems.StiffLinear.exact((k + 1) * 0.05);
            maxErr = Math.max(maxErr, Math.max(Math.abs(x[0] - exact[0]), Math.abs(x[1] - exact[1])));
        }
        // global error within 10x the (local) tolerance on states of order 1
        assertThat(maxErr).isLessThan(10 * tol);
        // the fast mode is gone (e^-5e4 = 0) and stays gone: no spurious oscillation survives
        assertThat(Math.abs(x[1])).isLessThan(tol);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JacobianPolicy.class)
    void protheroRobinsonStaysOnTheSmoothSolution(JacobianPolicy policy) {
        // y' = lambda (y - sin t) + cos t, lambda = -1e6: exact y = sin t (Prothero & Robinson 1974)
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder()
                .relativeTolerance(1e-6)
                .absoluteTolerance(1e-8)
                .jacobianPolicy(policy)
                .build();
        OdeSystem f = new TestSystems.ProtheroRobinson(-1e6);
        double[] y = {0.0};
        double maxErr = 0;
        for (int k = 0; k < 100; k++) {
            ros.integrate(f, k * 0.1, y, (k + 1) * 0.1);
            maxErr = Math.max(maxErr, Math.abs(y[0] - Math.sin((k + 1) * 0.1)));
        }
        assertThat(maxErr).isLessThan(1e-8);
    }

    @Test
    void protheroRobinsonInOneLargeStepIsAccurate() {
        // stiffly accurate and L-stable: one step of h = 1 with h*lambda = -1e6 lands on sin(1) to 1e-7
        // (no order reduction to speak of; an explicit method would amplify by ~1e24)
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder().fixedStep(1.0).build();
        double[] y = {0.0};
        ros.integrate(new TestSystems.ProtheroRobinson(-1e6), 0, y, 1.0);
        assertThat(y[0]).isCloseTo(Math.sin(1.0), within(1e-7));
        assertThat(ros.steps()).isEqualTo(1);
    }

    @ParameterizedTest(name = "tol {0}")
    @ValueSource(doubles = {1e-5, 1e-7, 1e-9})
    void nonstiffProblemMeetsItsTolerance(double tol) {
        // x1 = 1/(1+t), x2 = exp(sin t) (TestSystems.Nonstiff), one call over [0, 2]
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(tol, tol);
        double[] x = {1.0, 1.0};
        ros.integrate(new TestSystems.Nonstiff(), 0, x, 2.0);
        double[] exact = TestSystems.Nonstiff.exact(2.0);
        assertThat(x[0]).isCloseTo(exact[0], within(10 * tol));
        assertThat(x[1]).isCloseTo(exact[1], within(10 * tol * exact[1]));
    }

    /**
     * Halving a fixed step divides the global error by 2³ = 8 (order 3), as in Hipparchus'
     * RungeKuttaIntegratorAbstractTest.doTestDecreasingSteps. With PER_CALL the Jacobian is the one at t = 0 for
     * all steps of [0, 2], where the true Jacobian of x1' = -x1² has halved: order 3 regardless is the W-method
     * property (Rang &amp; Angermann 2005), and the f_t term frozen at t = 0 is an approximation it covers too.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(JacobianPolicy.class)
    void globalErrorShrinksEightfoldWhenTheStepHalves(JacobianPolicy policy) {
        double previous = Double.NaN;
        for (int steps = 80; steps <= 640; steps *= 2) {
            RosenbrockIntegrator ros = RosenbrockIntegrator.builder()
                    .fixedStep(2.0 / steps)
                    .jacobianPolicy(policy)
                    .build();
            double[] x = {1.0, 1.0};
            ros.integrate(new TestSystems.Nonstiff(), 0, x, 2.0);
            assertThat(ros.steps()).isEqualTo(steps);
            double[] exact = TestSystems.Nonstiff.exact(2.0);
            double err = Math.max(Math.abs(x[0] - exact[0]), Math.abs(x[1] - exact[1]));
            if (!Double.isNaN(previous)) {
                double order = Math.log(previous / err) / Math.log(2);
                assertThat(order).as("observed order at %d steps", steps).isCloseTo(3.0, within(0.3));
            }
            previous = err;
        }
    }

    /**
     * Time constant 1 s, 300 s per call: x' = -(x - g(t))/tau from 10 K above its equilibrium. Explicit RK4 at
     * h = 300 would multiply the offset by R(-300) = 1 - 300 + 300²/2 - 300³/6 + 300⁴/24 ≈ 3.3e8 per step; RK4
     * needs h &lt; 2.785 tau for stability (Hairer &amp; Wanner, Solving ODEs II, §IV.2).
     */
    @Test
    void oneSecondTimeConstantAtFiveMinuteStepsStaysBoundedAndAccurate() {
        double z = -300.0;
        double rk4 = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
        assertThat(Math.abs(rk4)).isGreaterThan(1e8);
        OdeSystem f = new TestSystems.Relaxation();
        double exact = TestSystems.Relaxation.exact(300, 30.0);

        // one step: L-stable, the 10 K offset is damped to below 1 % (an explicit method would overflow)
        RosenbrockIntegrator one = RosenbrockIntegrator.builder().fixedStep(300).build();
        double[] x = {30.0};
        one.integrate(f, 0, x, 300);
        assertThat(x[0]).isCloseTo(exact, within(0.1));

        // three steps: within 1 mK
        RosenbrockIntegrator three =
                RosenbrockIntegrator.builder().fixedStep(100).build();
        x[0] = 30.0;
        three.integrate(f, 0, x, 300);
        assertThat(x[0]).isCloseTo(exact, within(1e-3));

        // adaptive at the twin's default tolerances: accurate, and once the start transient is resolved a
        // 300 s call is a single step
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        x[0] = 30.0;
        for (int k = 0; k < 288; k++) { // one day
            long before = ros.steps();
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
            assertThat(x[0]).isCloseTo(TestSystems.Relaxation.exact((k + 1) * 300.0, 30.0), within(1e-4));
            if (k > 0) {
                assertThat(ros.steps() - before).isEqualTo(1);
            }
        }
        assertThat(ros.rejectedSteps()).isZero();
    }

    /**
     * Robertson's problem to t = 40 (stated in Hairer &amp; Wanner, Solving ODEs II, §IV.1). Reference values at
     * t = 40 from Hairer &amp; Wanner, given to 10 digits, so rounded by at most 5e-11 (y1, y3) and 5e-16 (y2);
     * SciPy's Radau, BDF and LSODA at rtol 1e-13 reproduce all their digits (checked when this test was
     * written). The allowed differences add to that rounding the global error of each run: about the
     * tolerance for the 1e-10 reference mode, 10x the relative tolerance for the 1e-6 run.
     */
    @Test
    void robertsonMatchesThePublishedReference() {
        double y1 = 0.7158270687;
        double y2 = 9.185534764e-6;
        double y3 = 0.2841637457;

        double[] ref = robertson(RosenbrockIntegrator.reference());
        assertThat(ref[0]).isCloseTo(y1, within(3e-10));
        assertThat(ref[1]).isCloseTo(y2, within(5e-15));
        assertThat(ref[2]).isCloseTo(y3, within(3e-10));

        double[] fast = robertson(RosenbrockIntegrator.of(1e-6, 1e-10));
        assertThat(fast[0]).isCloseTo(y1, within(1e-8));
        assertThat(fast[1]).isCloseTo(y2, within(1e-5 * y2));
        assertThat(fast[2]).isCloseTo(y3, within(1e-8));
    }

    /** Robertson in 1 s calls to t = 40; checks y1 + y2 + y3 = 1 after every call. */
    private static double[] robertson(RosenbrockIntegrator ros) {
        OdeSystem f = new TestSystems.Robertson();
        double[] y = {1.0, 0.0, 0.0};
        for (int k = 0; k < 40; k++) {
            ros.integrate(f, k, y, k + 1);
            // the right-hand side sums to zero, and so does every column of the difference Jacobian: a
            // Rosenbrock step keeps the sum to rounding (about 1e-16 per operation, a few hundred ulps overall)
            assertThat(y[0] + y[1] + y[2]).isCloseTo(1.0, within(1e-13));
        }
        return y;
    }

    @Test
    void energyBalanceOfTheHeatChainHoldsToRounding() {
        // sum_i C_i x_i + (accumulated loss) changes only by the heating: a linear invariant, kept to rounding
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        double[] x = TestSystems.HeatChain.initial();
        double heatIn = 0;
        double initial = energy(f, x);
        for (int k = 0; k < 2000; k++) {
            f.heating = (k / 6) % 2 == 0 ? 0.0 : 40.0;
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
            heatIn += f.heating * 300.0;
            double balance = energy(f, x) - initial - heatIn;
            assertThat(balance).as("energy balance after call %d", k).isCloseTo(0.0, within(1e-12 * initial));
        }
    }

    private static double energy(TestSystems.HeatChain f, double[] x) {
        double e = x[TestSystems.HeatChain.NODES];
        for (int i = 0; i < TestSystems.HeatChain.NODES; i++) {
            e += f.capacity[i] * x[i];
        }
        return e;
    }
}
