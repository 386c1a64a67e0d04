package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import systems.rala.twin.ode.RosenbrockIntegrator.JacobianPolicy;

/** The integrator's contract: determinism, snapshots, statistics, cost model, and its errors. */
class RosenbrockIntegratorTest {

    private static final int CALLS = 200;

    /** Heating that switches every half hour between 0 and 40 W: inputs change at call boundaries. */
    private static double heating(int call) {
        return (call / 6) % 2 == 0 ? 0.0 : 40.0;
    }

    private static double[] run(RosenbrockIntegrator ros, double[] x, int from, int to) {
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        for (int k = from; k < to; k++) {
            f.heating = heating(k);
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
        }
        return x;
    }

    @Test
    void sameInputsGiveBitIdenticalResults() {
        RosenbrockIntegrator a = RosenbrockIntegrator.of(1e-4, 1e-6);
        RosenbrockIntegrator b = RosenbrockIntegrator.of(1e-4, 1e-6);
        double[] xa = run(a, TestSystems.HeatChain.initial(), 0, CALLS);
        double[] xb = run(b, TestSystems.HeatChain.initial(), 0, CALLS);
        assertThat(Arrays.equals(xa, xb)).isTrue();
        assertThat(Double.doubleToLongBits(a.stepSize())).isEqualTo(Double.doubleToLongBits(b.stepSize()));
        assertThat(a.rhsEvaluations()).isEqualTo(b.rhsEvaluations());
        assertThat(a.luFactorizations()).isEqualTo(b.luFactorizations());
    }

    @Test
    void stateTimeAndStepSizeAreACompleteSnapshot() {
        // a run of 200 calls, and a fresh integrator restored from (x, t, h) after call 100: same bits after
        RosenbrockIntegrator whole = RosenbrockIntegrator.of(1e-4, 1e-6);
        double[] x = run(whole, TestSystems.HeatChain.initial(), 0, 100);
        double[] snapshot = x.clone();
        double h = whole.stepSize();
        run(whole, x, 100, CALLS);

        RosenbrockIntegrator restored = RosenbrockIntegrator.of(1e-4, 1e-6);
        restored.setStepSize(h);
        double[] y = run(restored, snapshot, 100, CALLS);
        assertThat(Arrays.equals(x, y)).isTrue();
        assertThat(restored.stepSize()).isEqualTo(whole.stepSize());
    }

    @Test
    void splittingACallChangesTheResultOnlyWithinTolerance() {
        // [0, 300] in one call vs two calls of 150 s: different Jacobians and steps, so not the same bits, but
        // both within the tolerance of the reference solution
        double[] ref = TestSystems.HeatChain.initial();
        RosenbrockIntegrator.reference().integrate(new TestSystems.HeatChain(), 0, ref, 300);
        double[] one = TestSystems.HeatChain.initial();
        RosenbrockIntegrator a = RosenbrockIntegrator.of(1e-6, 1e-8);
        a.integrate(new TestSystems.HeatChain(), 0, one, 300);
        double[] two = TestSystems.HeatChain.initial();
        RosenbrockIntegrator b = RosenbrockIntegrator.of(1e-6, 1e-8);
        b.integrate(new TestSystems.HeatChain(), 0, two, 150);
        b.integrate(new TestSystems.HeatChain(), 150, two, 300);
        for (int i = 0; i < TestSystems.HeatChain.NODES; i++) {
            assertThat(one[i]).isCloseTo(ref[i], within(1e-5));
            assertThat(two[i]).isCloseTo(ref[i], within(1e-5));
        }
    }

    @Test
    void statisticsFollowTheCostModel() {
        // per call: f at t0, one Jacobian of (weighted columns + 1 for df/dt) evaluations, 3 more per step
        // attempt, 1 at the start of each further step; plus 1 for the starting-step estimate of the first call
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        run(ros, TestSystems.HeatChain.initial(), 0, CALLS);
        int weighted = TestSystems.HeatChain.NODES; // the accumulator's column is skipped
        long attempts = ros.steps() + ros.rejectedSteps();
        // one Jacobian per call; the first call climbs from a cautious estimated step and may pass 20 attempts
        assertThat(ros.jacobianEvaluations()).isBetween((long) CALLS, CALLS + 2L);
        assertThat(ros.rhsEvaluations())
                .isEqualTo(
                        CALLS + ros.jacobianEvaluations() * (weighted + 1) + 3 * attempts + (ros.steps() - CALLS) + 1);
        assertThat(ros.luFactorizations()).isBetween((long) CALLS, attempts);

        ros.resetStatistics();
        assertThat(ros.steps()
                        + ros.rejectedSteps()
                        + ros.rhsEvaluations()
                        + ros.jacobianEvaluations()
                        + ros.luFactorizations())
                .isZero();
    }

    @Test
    void everyStepPolicyEvaluatesTheJacobianAtEachStepStart() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder()
                .jacobianPolicy(JacobianPolicy.EVERY_STEP)
                .build();
        assertThat(ros.jacobianPolicy()).isEqualTo(JacobianPolicy.EVERY_STEP);
        run(ros, TestSystems.HeatChain.initial(), 0, CALLS);
        assertThat(ros.jacobianEvaluations()).isEqualTo(ros.steps());
    }

    @Test
    void longCallsRefreshTheJacobianAfterMaxAgeAttempts() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder()
                .relativeTolerance(1e-8)
                .absoluteTolerance(1e-8)
                .jacobianMaxAge(10)
                .build();
        double[] x = TestSystems.HeatChain.initial();
        ros.integrate(new TestSystems.HeatChain(), 0, x, 3600);
        long attempts = ros.steps() + ros.rejectedSteps();
        assertThat(attempts).isGreaterThan(30);
        assertThat(ros.jacobianEvaluations()).isEqualTo((attempts - 1) / 10 + 1);
    }

    @Test
    void fixedStepModeTakesEqualStepsToTheEnd() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder().fixedStep(70).build();
        assertThat(ros.fixedStep()).isEqualTo(70);
        double[] x = TestSystems.HeatChain.initial();
        ros.integrate(new TestSystems.HeatChain(), 0, x, 300);
        assertThat(ros.steps()).isEqualTo(5); // ceil(300/70), of 60 s each
        assertThat(ros.luFactorizations()).isEqualTo(1); // one h, one J: one factorisation
        assertThat(ros.rejectedSteps()).isZero();
        assertThat(RosenbrockIntegrator.of(1e-4, 1e-6).fixedStep()).isNaN();
    }

    @Test
    void zeroLengthCallDoesNothing() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        double[] x = TestSystems.HeatChain.initial();
        ros.integrate(new TestSystems.HeatChain(), 5, x, 5);
        assertThat(x).isEqualTo(TestSystems.HeatChain.initial());
        assertThat(ros.rhsEvaluations()).isZero();
    }

    @Test
    void referenceModeIsTightAndRecomputesTheJacobian() {
        RosenbrockIntegrator ref = RosenbrockIntegrator.reference();
        assertThat(ref.relativeTolerance()).isEqualTo(1e-10);
        assertThat(ref.absoluteTolerance()).isEqualTo(1e-10);
        assertThat(ref.jacobianPolicy()).isEqualTo(JacobianPolicy.EVERY_STEP);
    }

    @Test
    void badConfigurationNamesFieldValueAndRange() {
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().relativeTolerance(-1e-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relativeTolerance = -1.0E-4")
                .hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().absoluteTolerance(0))
                .hasMessageContaining("absoluteTolerance = 0.0")
                .hasMessageContaining("(0, +inf)");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().absoluteTolerance(Double.NaN))
                .hasMessageContaining("absoluteTolerance = NaN");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().maxStep(-1)).hasMessageContaining("maxStep = -1.0");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().minStep(-1)).hasMessageContaining("minStep = -1.0");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().initialStep(0))
                .hasMessageContaining("initialStep = 0.0");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().fixedStep(Double.POSITIVE_INFINITY))
                .hasMessageContaining("fixedStep = Infinity");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().maxSteps(0)).hasMessageContaining("maxSteps = 0");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().jacobianMaxAge(0))
                .hasMessageContaining("jacobianMaxAge = 0");
        assertThatThrownBy(() -> RosenbrockIntegrator.builder().jacobianPolicy(null))
                .hasMessageContaining("jacobianPolicy = null");
        assertThatThrownBy(() ->
                        RosenbrockIntegrator.builder().minStep(10).maxStep(1).build())
                .hasMessageContaining("minStep = 10.0 exceeds maxStep = 1.0");
        assertThatThrownBy(() ->
                        RosenbrockIntegrator.builder().maxStep(1).initialStep(5).build())
                .hasMessageContaining("initialStep = 5.0");
        assertThatThrownBy(() -> RosenbrockIntegrator.of(1e-4, 1e-6).setStepSize(-2))
                .hasMessageContaining("stepSize = -2.0");
    }

    @Test
    void badCallsNameTheProblem() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        OdeSystem f = new TestSystems.StiffLinear();
        assertThatThrownBy(() -> ros.integrate(f, 10, new double[] {1, 1}, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t1 = 5.0 is before t0 = 10.0");
        assertThatThrownBy(() -> ros.integrate(f, 0, new double[] {1, Double.NaN}, 5))
                .hasMessageContaining("x[1] = NaN at t0 = 0.0");
        assertThatThrownBy(() -> ros.integrate(f, 0, new double[] {1, 1, 1}, 5))
                .hasMessageContaining("x.length = 3 but the system's dimension is 2");
        assertThatThrownBy(() -> ros.integrate(f, Double.NaN, new double[] {1, 1}, 5))
                .hasMessageContaining("t0 = NaN");
        OdeSystem negativeWeight = new OdeSystem() {
            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public void derivatives(double t, double[] x, double[] dxdt) {
                f.derivatives(t, x, dxdt);
            }

            @Override
            public double errorWeight(int i) {
                return -1;
            }
        };
        assertThatThrownBy(() -> ros.integrate(negativeWeight, 0, new double[] {1, 1}, 5))
                .hasMessageContaining("errorWeight(0) = -1.0");
    }

    @Test
    void systemThatKeepsReturningNanFailsNamingTimeAndStep() {
        OdeSystem poisoned = new OdeSystem() {
            @Override
            public int dimension() {
                return 1;
            }

            @Override
            public void derivatives(double t, double[] x, double[] dxdt) {
                dxdt[0] = t < 100 ? -x[0] : Double.NaN;
            }
        };
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        double[] x = {1.0};
        ros.integrate(poisoned, 0, x, 50);
        assertThatThrownBy(() -> ros.integrate(poisoned, 100, x, 200))
                .isInstanceOfSatisfying(IntegrationException.class, e -> {
                    assertThat(e.time()).isEqualTo(100.0);
                    assertThat(e.stepSize()).isPositive();
                })
                .hasMessageContaining("NaN or infinite")
                .hasMessageContaining("t = 100.0")
                .hasMessageContaining("h = ");
    }

    @Test
    void tooManyStepsOrTooSmallAStepFail() {
        RosenbrockIntegrator few = RosenbrockIntegrator.builder()
                .relativeTolerance(1e-10)
                .absoluteTolerance(1e-10)
                .maxSteps(5)
                .build();
        assertThatThrownBy(() -> few.integrate(new TestSystems.Nonstiff(), 0, new double[] {1, 1}, 2))
                .isInstanceOf(IntegrationException.class)
                .hasMessageContaining("5 step attempts used up at t = ");

        RosenbrockIntegrator coarse = RosenbrockIntegrator.builder()
                .relativeTolerance(1e-10)
                .absoluteTolerance(1e-10)
                .minStep(0.5)
                .initialStep(1)
                .build();
        assertThatThrownBy(() -> coarse.integrate(new TestSystems.Nonstiff(), 0, new double[] {1, 1}, 2))
                .isInstanceOf(IntegrationException.class)
                .hasMessageContaining("below the minimum 0.5 at t = 0.0");
    }

    @Test
    void maxStepBoundsTheSteps() {
        RosenbrockIntegrator ros = RosenbrockIntegrator.builder().maxStep(50).build();
        double[] x = TestSystems.HeatChain.initial();
        run(ros, x, 0, 10);
        assertThat(ros.steps()).isGreaterThanOrEqualTo(60); // 3000 s in steps of at most 50 s
    }
}
