package systems.rala.runtime.control.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import systems.rala.runtime.control.ControlInput;

/** Hand-evaluated cases of the heuristic's rules (lettuce-greenhouse-gym baselines/heuristic.py). */
class LettuceGrowerHeuristicTest {

    private static double[] decide(double temp, double rh, double co2, double rad) {
        LettuceGrowerHeuristic h = new LettuceGrowerHeuristic();
        ControlInput in = new ControlInput(h.readings());
        in.values()[0] = temp;
        in.values()[1] = rh;
        in.values()[2] = co2;
        in.values()[3] = rad;
        in.setClock(43200, 40);
        double[] out = new double[3];
        h.decide(in, out);
        return out;
    }

    @Test
    void dayWithColdDryAir() {
        // day (100 > 50 W/m2): set-point 14 C; heat 30 * (14 - 12) = 60 W/m2; no venting; CO2 0.006 * 250 = 1.5 -> max
        // 1.2
        double[] u = decide(12, 70, 500, 100);
        assertThat(u[2]).isCloseTo(60, within(1e-12));
        assertThat(u[1]).isZero();
        assertThat(u[0]).isCloseTo(1.2, within(1e-12));
    }

    @Test
    void humidNightVentsAndDosesNothing() {
        // night: set-point 10 C; heat 30 * (10 - 9) = 30; vent 0.5 * (90 - 80) = 5 mm/s; no CO2 at night
        double[] u = decide(9, 90, 400, 0);
        assertThat(u[2]).isCloseTo(30, within(1e-12));
        assertThat(u[1]).isCloseTo(5, within(1e-12));
        assertThat(u[0]).isZero();
    }

    @Test
    void warmDayVentsAndStopsDosingAboveTheCutOff() {
        // day, 19 C: vent 2 * (19 - 14 - 2) = 6 mm/s > 2 -> no CO2; no heating
        double[] u = decide(19, 60, 500, 300);
        assertThat(u[1]).isCloseTo(6, within(1e-12));
        assertThat(u[0]).isZero();
        assertThat(u[2]).isZero();
        // a missing temperature gives the resting state, not NaN
        double[] nan = decide(Double.NaN, 60, 500, 300);
        assertThat(nan[2]).isZero();
        assertThat(nan[1]).isZero();
    }
}
