package systems.rala.twin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FitMetricsTest {

    @Test
    void handComputedCase() {
        double[] ref = {10, 12, 14, 16};
        double[] sim = {11, 11, 15, 17};
        FitMetrics m = FitMetrics.of(sim, ref, 0);
        // errors 1, -1, 1, 1: squared sum 4, sum 2; ref mean 13, deviations -3, -1, 1, 3 -> variance sum 20
        assertThat(m.rmse()).isCloseTo(1.0, within(1e-12));
        assertThat(m.rrmse()).isCloseTo(1.0 / 13, within(1e-12));
        assertThat(m.bias()).isCloseTo(0.5, within(1e-12));
        assertThat(m.nse()).isCloseTo(1 - 4.0 / 20, within(1e-12));
        assertThat(m.cvRmse()).isCloseTo(1.0 / 13, within(1e-12));
        assertThat(m.nmbe()).isCloseTo(-2.0 / (4 * 13), within(1e-12));
        // Guideline 14 with one fitted parameter: n - p = 3
        FitMetrics p1 = FitMetrics.of(sim, ref, 1);
        assertThat(p1.cvRmse()).isCloseTo(Math.sqrt(4.0 / 3) / 13, within(1e-12));
    }

    @Test
    void aPerfectFitHasEfficiencyOne() {
        double[] ref = {1, 2, 3};
        FitMetrics m = FitMetrics.of(ref.clone(), ref, 0);
        assertThat(m.rmse()).isZero();
        assertThat(m.nse()).isEqualTo(1.0);
    }
}
