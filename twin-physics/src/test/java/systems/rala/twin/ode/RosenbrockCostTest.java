package systems.rala.twin.ode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The cost per 300 s control step on a 30-state stiff linear heat chain (time constants about 0.5 s to 1e5 s,
 * plus one accumulator), at the twin's default tolerances relTol 1e-4, absTol 1e-6. Budget for the twin:
 * roughly 10–40 evaluations of f and 1–3 LU factorisations per control step. Counts are deterministic, so
 * the bounds are the measured values (rounded up), to catch regressions.
 */
class RosenbrockCostTest {

    private static final int CALLS = 1000;

    @Test
    void smoothForcingCostsOneStepPerControlStep() {
        // only the daily outdoor cycle moves: per call 1 (f at t0) + 31 (Jacobian: 30 columns, df/dt) + 3
        // (stages 2-4 of the one step) = 35 evaluations and one LU factorisation
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        f.heating = 20.0;
        RosenbrockIntegrator ros = settled(f);
        for (int k = CALLS; k < 2 * CALLS; k++) {
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
        }
        assertThat(ros.steps()).isEqualTo(CALLS);
        assertThat(ros.rejectedSteps()).isZero();
        assertThat(ros.rhsEvaluations()).isEqualTo(35L * CALLS);
        assertThat(ros.luFactorizations()).isEqualTo(CALLS);
    }

    @Test
    void switchedHeatingStaysNearTheBudget() {
        // heating switched between 0 and 40 W every half hour: a transient with a 60 s time constant at every
        // switch. Measured: 2.83 steps, 0.59 rejections, 44.1 evaluations (31 of them for the Jacobian), 2.18
        // factorisations per call
        TestSystems.HeatChain f = new TestSystems.HeatChain();
        RosenbrockIntegrator ros = settled(f);
        for (int k = CALLS; k < 2 * CALLS; k++) {
            f.heating = (k / 6) % 2 == 0 ? 0.0 : 40.0;
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
        }
        assertThat((double) ros.rhsEvaluations() / CALLS).isLessThan(45);
        assertThat((double) ros.luFactorizations() / CALLS).isLessThan(2.2);
        assertThat(ros.jacobianEvaluations()).isEqualTo(CALLS);
    }

    private double[] x;

    /** An integrator past the start transient, statistics reset. */
    private RosenbrockIntegrator settled(TestSystems.HeatChain f) {
        RosenbrockIntegrator ros = RosenbrockIntegrator.of(1e-4, 1e-6);
        x = TestSystems.HeatChain.initial();
        for (int k = 0; k < CALLS; k++) {
            ros.integrate(f, k * 300.0, x, (k + 1) * 300.0);
        }
        ros.resetStatistics();
        return ros;
    }
}
