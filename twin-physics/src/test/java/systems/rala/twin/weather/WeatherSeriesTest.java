package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The series' own rules, on small hand-made data. */
class WeatherSeriesTest {

    private static WeatherSeriesBuilder measured(double[] time, double[] temp) {
        double[] zero = new double[time.length];
        double[] rh = new double[time.length];
        java.util.Arrays.fill(rh, 50.0);
        return new WeatherSeriesBuilder()
                .setSite(Site.AMSTERDAM)
                .setSource("hand-made")
                .setOrigin(LocalDateTime.of(2020, 1, 1, 0, 0), false)
                .setTime(time)
                .setColumn(WeatherVariable.GLOBAL_RADIATION, zero, false)
                .setColumn(WeatherVariable.AIR_TEMPERATURE, temp, false)
                .setColumn(WeatherVariable.RELATIVE_HUMIDITY, rh, false)
                .setColumn(WeatherVariable.WIND_SPEED, zero, false)
                .setColumn(WeatherVariable.SKY_TEMPERATURE, temp, false);
    }

    @Test
    void linearInterpolationBetweenIrregularStamps() {
        WeatherSeries s = measured(new double[] {0, 600, 3600, 3900}, new double[] {0, 6, 1, 4})
                .build();
        WeatherSampler sampler = s.sampler(LocalDateTime.of(2020, 1, 1, 0, 0));
        assertThat(sampler.value(WeatherVariable.AIR_TEMPERATURE, 300)).isCloseTo(3.0, within(1e-12));
        assertThat(sampler.value(WeatherVariable.AIR_TEMPERATURE, 2100)).isCloseTo(3.5, within(1e-12));
        assertThat(sampler.value(WeatherVariable.AIR_TEMPERATURE, 3750)).isCloseTo(2.5, within(1e-12));
        // going backwards after forwards uses the binary search, not a stale hint
        assertThat(sampler.value(WeatherVariable.AIR_TEMPERATURE, 100)).isCloseTo(1.0, within(1e-12));
        assertThat(sampler.value(WeatherVariable.AIR_TEMPERATURE, 3900)).isCloseTo(4.0, within(1e-12));
        assertThat(s.notes()).anyMatch(n -> n.contains("mean air temperature"));
    }

    @Test
    void builderNamesWhatIsWrong() {
        assertThatThrownBy(() -> measured(new double[] {0, 600, 600}, new double[] {1, 2, 3})
                        .build())
                .hasMessageContaining("stamp 2 (600.0 s) is not after stamp 1 (600.0 s)");
        assertThatThrownBy(
                        () -> new WeatherSeriesBuilder().setSite(Site.AMSTERDAM).build())
                .hasMessageContaining("source is missing");
        assertThatThrownBy(() ->
                        measured(new double[] {0, 600}, new double[] {1, 2, 3}).build())
                .hasMessageContaining("air_temperature has 3 values for 2 stamps");
        assertThatThrownBy(() -> measured(new double[] {0, 600}, new double[] {1, 2})
                        .setOrigin(LocalDateTime.of(2020, 1, 1, 0, 0), true)
                        .build())
                .hasMessageContaining("a typical year must end after 365 or 366 days");
    }

    @Test
    void siteChecksItsFields() {
        assertThatThrownBy(() -> new Site("x", 91, 0, 0, java.time.ZoneOffset.UTC))
                .hasMessageContaining("latitudeDeg 91.0");
        assertThatThrownBy(() -> new Site(" ", 0, 0, 0, java.time.ZoneOffset.UTC))
                .hasMessageContaining("name is empty");
    }
}
