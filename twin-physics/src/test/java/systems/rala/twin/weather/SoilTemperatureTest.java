package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SoilTemperatureTest {

    @Test
    void fitRecoversAnExactAnnualCycle() {
        double[] day = new double[365];
        double[] temp = new double[365];
        for (int i = 0; i < 365; i++) {
            day[i] = i + 1;
            temp[i] = 10.0 - 7.0 * Math.cos(2 * Math.PI * (day[i] - 20.0) / 365.0);
        }
        double[] fit = SoilTemperature.fitAnnualCycle(day, temp);
        assertThat(fit[0]).isCloseTo(10.0, within(1e-9));
        assertThat(fit[1]).isCloseTo(7.0, within(1e-9));
        assertThat(fit[2]).isCloseTo(20.0, within(1e-6));
    }

    @Test
    void kusudaDampsAndDelaysWithDepth() {
        // at the surface the model is the surface cycle itself
        assertThat(SoilTemperature.kusuda(10, 7, 20, 0.0, SoilTemperature.DEFAULT_DIFFUSIVITY, 20))
                .isCloseTo(3.0, within(1e-9));
        // at depth z the amplitude shrinks by exp(-z sqrt(pi / (365 alpha))): 2 m, alpha 0.0557 m2/day
        double damping = Math.exp(-2.0 * Math.sqrt(Math.PI / (365.0 * 0.0557418)));
        double lag = 1.0 * Math.sqrt(365.0 / (Math.PI * 0.0557418));
        double coldest = SoilTemperature.kusuda(10, 7, 20, 2.0, 0.0557418, 20 + lag);
        assertThat(coldest).isCloseTo(10 - 7 * damping, within(1e-9));
        // the EPW converter's 2 m ground temperatures for Amsterdam range 5.5..14.5 C around 10 C
        assertThat(7 * damping).isBetween(3.0, 6.0);
    }
}
