package systems.rala.env.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import systems.rala.twin.weather.WeatherVariable;

class OrnsteinUhlenbeckTest {

    @Test
    void stationaryDeviationAndCorrelationTimeAreAsAsked() {
        // a long record: the sample standard deviation tends to sigma, the lag-tau autocorrelation to e^-1
        double sigma = 2.0;
        double tau = 6.0;
        OrnsteinUhlenbeck ou = new OrnsteinUhlenbeck(3600.0 * 200_000, sigma, 0.1, tau, new SplittableRandom(5));
        int n = 200_000;
        double[] x = new double[n];
        double[] d = new double[WeatherVariable.COUNT];
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(d, 0);
            ou.apply(k * 3600.0, d);
            x[k] = d[WeatherVariable.AIR_TEMPERATURE.ordinal()];
        }
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double var =
                java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n;
        assertThat(Math.sqrt(var)).isCloseTo(sigma, within(0.05 * sigma));
        double c = 0;
        for (int k = 0; k + 6 < n; k++) {
            c += (x[k] - mean) * (x[k + 6] - mean);
        }
        assertThat(c / (n - 6) / var).isCloseTo(Math.exp(-1), within(0.03));
        // the sky moves with the air; radiation never goes negative
        java.util.Arrays.fill(d, 0);
        d[WeatherVariable.GLOBAL_RADIATION.ordinal()] = 500;
        ou.apply(1800, d);
        assertThat(d[WeatherVariable.SKY_TEMPERATURE.ordinal()])
                .isEqualTo(d[WeatherVariable.AIR_TEMPERATURE.ordinal()]);
        assertThat(d[WeatherVariable.GLOBAL_RADIATION.ordinal()]).isGreaterThanOrEqualTo(0);
    }
}
