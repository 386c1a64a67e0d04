package systems.rala.twin.weather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SkyTemperatureTest {

    @Test
    void infraredOfABlackBodyAtZeroCelsius() {
        // sigma * 273.15^4 = 315.6578 W/m2 (hand computation with CODATA sigma)
        assertThat(SkyTemperature.fromInfrared(315.6578)).isCloseTo(0.0, within(1e-4));
        // EPW Amsterdam, 1 January hour 1: IR 288 W/m2 -> 266.96 K
        assertThat(SkyTemperature.fromInfrared(288.0)).isCloseTo(266.96 - 273.15, within(0.01));
    }

    @Test
    void clarkAllenEmissivityAtItsReferencePoints() {
        // Clark & Allen (1978): clear sky at a dew point of 273 K has emissivity 0.787; the cloud factor at
        // N = 10 tenths is 1 + 0.224 - 0.35 + 0.28 = 1.154
        assertThat(SkyTemperature.clarkAllenEmissivity(273.0 - 273.15, 0)).isCloseTo(0.787, within(1e-9));
        assertThat(SkyTemperature.clarkAllenEmissivity(273.0 - 273.15, 10)).isCloseTo(0.787 * 1.154, within(1e-9));
    }

    @Test
    void cloudsWarmTheSky() {
        double clear = SkyTemperature.clarkAllen(10, 5, 0);
        double overcast = SkyTemperature.clarkAllen(10, 5, 10);
        assertThat(clear).isLessThan(overcast);
        assertThat(clear).isLessThan(10.0);
    }
}
