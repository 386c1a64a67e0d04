package systems.rala.twin.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RadiationTest {

    @Test
    void photonsPerJouleFollowPlanck() {
        // E = h c / lambda: at 550 nm one photon carries 3.612e-19 J, so 1 J is 4.598 umol of photons
        assertThat(Radiation.umolPerJoule(550)).isCloseTo(4.598, within(0.001));
        // sunlight PAR averages 4.57 umol/J (McCree 1972): the photon energy of about 547 nm
        assertThat(Radiation.umolPerJoule(546.6)).isCloseTo(Radiation.SUN_PAR_UMOL_PER_J, within(0.002));
    }

    @Test
    void dliOfALampAndOfADay() {
        // 200 umol m-2 s-1 for 16 h: 200 * 57600 s = 11.52 mol m-2 d-1
        assertThat(Radiation.dli(200, 16)).isCloseTo(11.52, within(1e-12));
        // a sunny Dutch summer day of 20 MJ/m2 global gives 46 mol/m2/d at 2.3 mol/MJ
        assertThat(Radiation.dliFromDailyRadiation(20)).isCloseTo(46.0, within(1e-9));
        assertThat(Radiation.ppfdFromGlobal(500)).isCloseTo(1150.0, within(1e-9));
        assertThat(Radiation.parWattsFromPpfd(457)).isCloseTo(100.0, within(1e-9));
    }
}
