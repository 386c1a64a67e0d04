package systems.rala.twin.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Whole seasons under the benchmark's discretisation ({@link BenchmarkStep}: 1800 s steps of four 450 s RK4
 * sub-steps, then the state clamp) in constant weather, where the answer follows from the equations by hand.
 *
 * <p>The benchmark's own season runs on the Bleiswijk 2014 weather file, which is not among the reference
 * data available offline; {@link VanHentenBenchmarkSeasonTest} reproduces its published returns when the file
 * is supplied. These cases need no data: each expected value is a closed-form solution of the model's
 * equations (Van Henten 2003, eqs. 2–11) for a case where they decouple, or the steady states of the notes'
 * {@code checks.md} section 5, and each tolerance is bounded by the RK4 truncation error or the quasi-steady
 * lag worked out beside it.
 */
class VanHentenSeasonTest {

    private static final int SEASON = 1920; // 40 days of 30 min, the benchmark's season
    private static final double C_RESP_D = 2.65e-7; // s-1
    private static final double C_RESP_C = 4.87e-7; // s-1
    private static final double C_CAP = 4.1; // m
    private static final double C_CAP_Q = 30000.0; // J m-2 C-1
    private static final double C_AI_OU = 6.1; // W m-2 C-1
    private static final double C_LEAK = 0.75e-5; // m s-1, the benchmark's

    /**
     * Dark, heated so that the heating exactly replaces the cover loss at 15 °C: the temperature stays at 15
     * °C, so eq. 2 is linear decay by respiration at c_resp,d r(15) = 2.65e-7 · 0.5 s⁻¹, and eq. 3 a linear
     * equation forced by that decaying respiration.
     */
    @Test
    void darkSeasonLosesDryWeightToRespirationAtTheStatedRate() {
        VanHentenLettuce model = new VanHentenLettuce();
        BenchmarkStep stepper = new BenchmarkStep(model);
        double outdoorT = 5.0;
        double[] d = BenchmarkStep.weather(0.0, outdoorT, 400.0, 80.0);
        double[] u = {0.0, 0.0, C_AI_OU * (15.0 - outdoorT)}; // 61 W/m2: eq. 4 balances at 15 C
        double[] x = new double[4];
        model.initialState(x);
        double xd0 = x[0];
        double xc0 = x[1];
        for (int k = 0; k < SEASON; k++) {
            stepper.integrate(x, u, d, BenchmarkStep.DT, BenchmarkStep.SUBSTEPS);
            assertThat(stepper.insideBox(x)).as("the clamp never acts").isTrue();
        }
        double t = SEASON * BenchmarkStep.DT;

        assertThat(x[2]).isCloseTo(15.0, within(1e-12));

        // eq. 2 with phi_phot = 0: x_d(t) = x_d0 exp(-lambda t), lambda = c_resp,d r(15); by hand
        // 0.0035 exp(-1.325e-7 * 3 456 000) = 0.0035 exp(-0.457920) = 2.21409e-3 kg/m2.
        // RK4 error per sub-step (lambda h)^5/120 = 6e-24 relative; rounding over 7680 sub-steps stays below
        // 1e-11, so relative 1e-10.
        double lambda = C_RESP_D * 0.5;
        double expectedXd = xd0 * Math.exp(-lambda * t);
        assertThat(expectedXd).isCloseTo(2.21409e-3, within(1e-8));
        assertThat(x[0]).isCloseTo(expectedXd, within(expectedXd * 1e-10));

        // eq. 3 with u_v = u_c = 0: x_c' = -k (x_c - v_c) + b exp(-lambda t), k = c_leak / c_cap,c,
        // b = c_resp,c r(15) x_d0 / c_cap,c; solution
        // x_c = v_c + (x_c0 - v_c) e^(-k t) + b / (k - lambda) (e^(-lambda t) - e^(-k t)).
        // RK4 error per sub-step (k h)^5/120 = 3e-18 relative: relative 1e-9 covers rounding.
        double vc = LettuceUnits.co2Density(400.0, outdoorT);
        double k = C_LEAK / C_CAP;
        double b = C_RESP_C * 0.5 * xd0 / C_CAP;
        double expectedXc =
                vc + (xc0 - vc) * Math.exp(-k * t) + b / (k - lambda) * (Math.exp(-lambda * t) - Math.exp(-k * t));
        assertThat(x[1]).isCloseTo(expectedXc, within(expectedXc * 1e-9));

        // eq. 5: the humidity follows the quasi-steady state of checks.md section 5,
        // x_h* = (a x_sat* + q v_h) / (a + q), a = c_v,pl,ai (1 - e^(-c_pl,d x_d)), q = u_v + c_leak.
        // It lags the slowly shrinking canopy by about tau |dx_h*/dt| = (4.1 / 4.0e-4 s) * 1.2e-11 kg/m3/s
        // = 1.3e-7 kg/m3 (1.2e-5 relative) at the end of the season; allow 5e-7.
        double a = 3.6e-3 * (1.0 - Math.exp(-53.0 * x[0]));
        double q = C_LEAK;
        double steady =
                (a * model.transpirationTargetDensity(15.0) + q * LettuceUnits.vapourDensity(80.0, outdoorT)) / (a + q);
        assertThat(x[3]).isCloseTo(steady, within(5e-7));
    }

    /**
     * A closed, dark greenhouse heated with 50 W m⁻² from the outdoor temperature: eq. 4 alone, x_T' = (u_q −
     * c_ai,ou (x_T − v_T)) / c_cap,q, warming exponentially with time constant c_cap,q / c_ai,ou = 4918 s to
     * v_T + u_q / c_ai,ou = v_T + 8.197 °C (checks.md section 5).
     */
    @Test
    void closedGreenhouseWarmsUntilTheCoverLossBalancesTheHeating() {
        VanHentenLettuce model = new VanHentenLettuce();
        BenchmarkStep stepper = new BenchmarkStep(model);
        double outdoorT = 5.0;
        double heating = 50.0;
        double[] d = BenchmarkStep.weather(0.0, outdoorT, 400.0, 80.0);
        double[] u = {0.0, 0.0, heating};
        double[] x = {0.0035, 1.0e-3, outdoorT, 0.006};
        double tau = C_CAP_Q / C_AI_OU;
        double rise = heating / C_AI_OU;
        assertThat(rise).isCloseTo(8.197, within(5e-4));

        stepper.step(x, u, d);
        // after one step: exact x_T = v_T + rise (1 - e^(-1800/tau)); each RK4 sub-step of z = 450/tau = 0.0915
        // misses e^(-z) by at most z^5/120 of the remaining deficit (at most the whole rise)
        double z = 450.0 / tau;
        double bound = 4 * Math.pow(z, 5) / 120 * rise; // 1.7e-6 C
        assertThat(x[2]).isCloseTo(outdoorT + rise * (1 - Math.exp(-1800.0 / tau)), within(bound));

        for (int k = 1; k < 96; k++) { // two days: 35 time constants
            stepper.step(x, u, d);
        }
        assertThat(x[2]).isCloseTo(outdoorT + rise, within(1e-9));
    }

    /**
     * A ventilated greenhouse in constant daylight: the steady state of eq. 4 from checks.md section 5, x_T* =
     * v_T + (u_q + 0.2 v_I) / (1.290 u_v[mm/s] + 6.1) = 10 + 100 / 8.68 = 21.52 °C for u_q = 40 W m⁻², v_I =
     * 300 W m⁻², u_v = 2 mm s⁻¹.
     */
    @Test
    void ventilatedDayReachesTheHeatBalanceOfChecks() {
        VanHentenLettuce model = new VanHentenLettuce();
        BenchmarkStep stepper = new BenchmarkStep(model);
        double[] d = BenchmarkStep.weather(300.0, 10.0, 400.0, 70.0);
        double[] u = {0.0, 2.0, 40.0};
        double[] x = new double[4];
        model.initialState(x);
        for (int k = 0; k < 96; k++) { // two days; time constant 30000 / 8.68 = 3456 s
            stepper.step(x, u, d);
        }
        double expected = 10.0 + (40.0 + 0.2 * 300.0) / (1.290 * 2.0 + 6.1);
        assertThat(expected).isCloseTo(21.5207, within(1e-4));
        assertThat(x[2]).isCloseTo(expected, within(1e-9));
        assertThat(x[0]).as("the crop grows in daylight").isGreaterThan(0.0035);
    }

    /**
     * With no leakage and closed vents, carbon only moves between the air and the crop, plus the supply:
     * eqs. 2 and 3 give d/dt (x_d + c_αβ c_cap,c x_c) = c_αβ u_c + (c_αβ c_resp,c − c_resp,d) x_d r(x_T). The
     * published coefficients make the last bracket nearly vanish (0.544 · 4.87e-7 − 2.65e-7 = −7.2e-11 s⁻¹,
     * 0.03 % of c_resp,d), so the balance closes to within that term's integral over the season.
     */
    @Test
    void carbonBalanceClosesInASealedGreenhouse() {
        VanHentenLettuce model =
                new VanHentenLettuce(VanHentenLettuce.defaultParameters().with(VanHentenParameters.C_LEAK, 0.0));
        BenchmarkStep stepper = new BenchmarkStep(model);
        double[] d = BenchmarkStep.weather(200.0, 10.0, 400.0, 80.0);
        double supply = 0.02; // mg m-2 s-1
        double[] u = {supply, 0.0, C_AI_OU * (20.0 - 10.0) - 0.2 * 200.0}; // eq. 4 balances at 20 C
        double[] x = {0.0035, 1.0e-3, 20.0, 0.008};
        double[] x0 = x.clone();
        double maxDryWeight = x[0];
        for (int k = 0; k < SEASON; k++) {
            stepper.integrate(x, u, d, BenchmarkStep.DT, BenchmarkStep.SUBSTEPS);
            assertThat(stepper.insideBox(x)).as("the clamp never acts").isTrue();
            maxDryWeight = Math.max(maxDryWeight, x[0]);
        }
        double t = SEASON * BenchmarkStep.DT;
        double alphaBeta = 0.544;
        double residual = (x[0] - x0[0]) + alphaBeta * C_CAP * (x[1] - x0[1]) - alphaBeta * supply * 1e-6 * t;
        double bound =
                Math.abs(alphaBeta * C_RESP_C - C_RESP_D) * maxDryWeight * VanHentenLettuce.respirationFactor(20.0) * t;
        assertThat(x[0] - x0[0]).as("dry-weight gain").isGreaterThan(0.03);
        assertThat(Math.abs(residual)).isLessThanOrEqualTo(bound);
        assertThat(bound / (x[0] - x0[0])).as("the bound is tight").isLessThan(3e-4);
    }
}
