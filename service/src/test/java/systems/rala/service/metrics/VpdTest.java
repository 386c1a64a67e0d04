package systems.rala.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import systems.rala.twin.physics.Psychrometrics;

class VpdTest {

    /**
     * FAO-56 chapter 3, Example 3 (Allen et al. 1998), worked with eq. 11: e°(24.5 °C) = 3.075 kPa and e°(15 °C)
     * = 1.705 kPa, printed to 0.001 kPa.
     */
    @Test
    void saturationMatchesFao56Example3() {
        assertThat(Vpd.saturationKpa(24.5)).isCloseTo(3.075, within(0.0005));
        assertThat(Vpd.saturationKpa(15.0)).isCloseTo(1.705, within(0.0005));
        // and eq. 11's own constant: e°(0 °C) = 0.6108 kPa
        assertThat(Vpd.saturationKpa(0)).isEqualTo(0.6108);
    }

    /**
     * Measured saturation vapour pressure over water, CRC Handbook of Chemistry and Physics, 77th ed. (1996),
     * p. 6-13, kPa. The Tetens form is an empirical fit: within 0.15 % of these from 0 to 40 °C (0.08 % off at
     * 0 °C and at 40 °C), the greenhouse range.
     */
    @Test
    void saturationIsWithinAFitsErrorOfTheCrcHandbook() {
        double[][] crc = {
            {0, 0.61129},
            {5, 0.87260},
            {10, 1.2281},
            {15, 1.7056},
            {20, 2.3388},
            {25, 3.1690},
            {30, 4.2455},
            {35, 5.6267},
            {40, 7.3814}
        };
        for (double[] row : crc) {
            assertThat(Vpd.saturationKpa(row[0])).as(row[0] + " °C").isCloseTo(row[1], within(row[1] * 0.0015));
        }
    }

    /** The twin's KPI uses Buck (1996): the two curves agree within 0.1 % over 5 to 35 °C. */
    @Test
    void agreesWithTheTwinsBuckCurve() {
        for (double t = 5; t <= 35; t += 2.5) {
            double buck = Psychrometrics.saturationVapourPressure(t) / 1000; // Pa → kPa
            assertThat(Vpd.saturationKpa(t)).as(t + " °C").isCloseTo(buck, within(buck * 0.001));
        }
    }

    @Test
    void deficitIsTheUnsaturatedShareOfSaturation() {
        // FAO-56 eq. 19 with one humidity: e_a = e° RH/100, so VPD = e° (1 - RH/100)
        assertThat(Vpd.deficitKpa(24.5, 60)).isCloseTo(3.075 * 0.4, within(0.0005));
        assertThat(Vpd.deficitKpa(20, 100)).isZero();
        assertThat(Vpd.deficitKpa(20, 0)).isEqualTo(Vpd.saturationKpa(20));
        // a humidity sensor's overshoot is no negative deficit
        assertThat(Vpd.deficitKpa(20, 101.5)).isZero();
        assertThat(Vpd.deficitKpa(20, -2)).isEqualTo(Vpd.saturationKpa(20));
    }
}
