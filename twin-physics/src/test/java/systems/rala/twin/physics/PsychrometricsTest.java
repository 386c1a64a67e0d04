package systems.rala.twin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PsychrometricsTest {

    /**
     * Saturation vapour pressure of water, IAPWS-95 (Wagner &amp; Pruss 2002, J. Phys. Chem. Ref. Data
     * 31:387), as tabulated in the NIST Chemistry WebBook / steam tables.
     */
    @ParameterizedTest(name = "{0} C -> {1} Pa")
    @CsvSource({"0.01, 611.657", "10, 1228.2", "20, 2339.3", "25, 3169.9", "30, 4246.9", "40, 7384.9", "50, 12352.0"})
    void saturationVapourPressureMatchesIapws95(double tempC, double pa) {
        // Buck (1996) states his fit is within 0.05 % from 0 to 50 C; allow 0.06 %
        assertThat(Psychrometrics.saturationVapourPressure(tempC)).isCloseTo(pa, withinPercentage(0.06));
    }

    @ParameterizedTest(name = "Tetens at {0} C")
    @CsvSource({"0.01, 611.657", "10, 1228.2", "20, 2339.3", "30, 4246.9", "40, 7384.9"})
    void tetensFormIsWithinOnePercentUpToForty(double tempC, double pa) {
        // Murray (1967) quotes about 1 % error of the Tetens form at 40 C against the steam tables
        assertThat(Psychrometrics.saturationVapourPressureTetens(tempC)).isCloseTo(pa, withinPercentage(1.1));
    }

    @Test
    void dewPointIsTheInverseOfSaturation() {
        for (double t = -30; t <= 45; t += 2.5) {
            double e = Psychrometrics.saturationVapourPressure(t);
            assertThat(Psychrometrics.dewPoint(e)).isCloseTo(t, within(1e-9));
        }
    }

    @Test
    void dewPointOfMoistAirAgreesWithTable() {
        // 20 C at 50 % RH has a dew point of 9.3 C (psychrometric chart, ASHRAE Handbook Fundamentals ch. 1)
        double vp = Psychrometrics.vapourPressure(20.0, 50.0);
        assertThat(Psychrometrics.dewPoint(vp)).isCloseTo(9.3, within(0.1));
    }

    @Test
    void vpdAndRelativeHumidityAreConsistent() {
        // IAPWS-95: e_s(25 C) = 3169.9 Pa, so at 50 % RH the deficit is 1.585 kPa
        assertThat(Psychrometrics.vpdKpa(25.0, 50.0)).isCloseTo(1.585, within(0.003));
        double vp = Psychrometrics.vapourPressure(18.0, 73.0);
        assertThat(Psychrometrics.relativeHumidity(18.0, vp)).isCloseTo(73.0, within(1e-12));
        assertThat(Psychrometrics.vapourPressureDeficit(18.0, vp) / 1000.0)
                .isCloseTo(Psychrometrics.vpdKpa(18.0, 73.0), within(1e-12));
    }

    @Test
    void vapourConcentrationFollowsTheIdealGasLaw() {
        // 2339 Pa at 20 C holds 17.3 g/m3 of water vapour (saturation absolute humidity tables, e.g. CRC Handbook)
        assertThat(Psychrometrics.vapourConcentration(2339.3, 20.0) * 1000).isCloseTo(17.29, within(0.03));
        assertThat(Psychrometrics.vapourPressureOfConcentration(0.01729, 20.0))
                .isCloseTo(2339.3, withinPercentage(0.2));
    }

    @Test
    void co2ConversionMatchesNioshRule() {
        // NIOSH: mg/m3 = ppm x molar mass / 24.45 at 25 C and 1 atm; 400 ppm CO2 -> 720.0 mg/m3
        assertThat(Psychrometrics.co2MgPerM3(400.0, 25.0)).isCloseTo(400.0 * 44.01 / 24.45, withinPercentage(0.1));
        assertThat(Psychrometrics.co2Ppm(Psychrometrics.co2MgPerM3(812.0, 17.0), 17.0))
                .isCloseTo(812.0, within(1e-9));
    }
}
