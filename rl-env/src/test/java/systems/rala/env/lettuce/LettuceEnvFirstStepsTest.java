package systems.rala.env.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import systems.rala.env.core.EnvOptions;
import systems.rala.env.core.Step;
import systems.rala.twin.lettuce.VanHentenLettuce;

/**
 * The first three steps of the benchmark season (Bleiswijk 2014 from 9 February 00:00) through the
 * environment's actions, under AllOff and the grower heuristic, against the research notes {@code checks.md}
 * section 3: states, controls and rewards computed by an independent numpy implementation of the benchmark
 * that reproduces its pinned season returns to 1e-14. The weather of those steps is the notes' table (model
 * units), given to the environment as a weather table; later rows repeat step 2's weather and are not looked
 * at. Per-step tolerance: relative 1e-9 (checks.md, "Suggested test tolerances").
 */
class LettuceEnvFirstStepsTest {

    /** checks.md section 3: weather at steps 0, 1, 2 as [I W/m2, CO2 kg/m3, T C, vapour kg/m3]. */
    private static final double[][] V = {
        {0, 8.807262078756e-04, 6.0, 5.115154259361e-03},
        {0, 8.367514291532e-04, 5.799999979883, 5.334700267018e-03},
        {0, 8.476920078642e-04, 5.3, 5.605405485842e-03}
    };

    static LettuceWeather firstSteps(int rows) {
        double[][] cols = new double[4][rows];
        for (int k = 0; k < rows; k++) {
            for (int c = 0; c < 4; c++) {
                cols[c][k] = V[Math.min(k, 2)][c];
            }
        }
        return LettuceWeather.of(
                "checks.md section 3", LocalDateTime.of(2014, 2, 9, 0, 0), 1800.0, cols[0], cols[1], cols[2], cols[3]);
    }

    private final LettuceEnv env = LettuceEnv.onWeather(firstSteps(LettuceEnv.STEPS + 1), EnvOptions.none());

    @Test
    void resetObservationIsTheBenchmarks() {
        Step s = env.reset(1);
        // checks.md section 3, reset observation (gsoykan layout, float32 printed): the clock is the raw k here
        assertThat(s.observation)
                .containsExactly(
                        new double[] {0.0035, 537.2602, 15.0, 62.64395, 0, 0, 50, 0, 0, 8.807262e-4, 6.0, 5.115154e-3},
                        within(1e-4));
        assertThat(s.observation[1]).isCloseTo(537.2602140857, within(537.26 * 1e-9));
        assertThat(s.observation[3]).isCloseTo(62.64395005308, within(62.64 * 1e-9));
        assertThat(s.reward).isZero();
    }

    @Test
    void allOffRampsTheHeaterDown() {
        double[][] expectedU = {{0, 0, 35}, {0, 0, 20}, {0, 0, 5}};
        double[][] expectedX = {
            {3.499195312010e-03, 9.999679989567e-04, 1.400011621779e+01, 8.587577031915e-03},
            {3.498458386943e-03, 9.997612203117e-04, 1.249171319716e+01, 8.849278061623e-03},
            {3.497805310475e-03, 9.995535631213e-04, 1.053870147952e+01, 8.813536777371e-03}
        };
        double[] expectedR = {-0.0022596825724427, -0.0018649386053166, -0.0079794343938146};
        Step s = env.reset(3);
        double[] a = new double[3];
        for (int k = 0; k < 3; k++) {
            LettuceEnv.actionTowards(Arrays.copyOfRange(s.observation, 4, 7), new double[3], a);
            assertThat(a).as("a_%d", k).containsExactly(0.0, 0.0, -1.0);
            s = env.step(a);
            assertStep(s, k, expectedU[k], expectedX[k], expectedR[k]);
        }
    }

    @Test
    void penaltyOfTheSecondStepIsTheHumidity() {
        Step s = env.reset(0);
        double[] a = {0, 0, -1};
        env.step(a);
        s = env.step(a);
        // checks.md section 3: penalty 5.675161e-4 for RH 80.81 % (7 and 4 digits printed)
        assertThat(s.info.get(LettuceEnv.PENALTY_RH)).isCloseTo(5.675161e-4, within(1e-10));
        assertThat(s.info.get(LettuceEnv.PENALTY_CO2)).isZero();
        assertThat(s.info.get(LettuceEnv.PENALTY_TEMP)).isZero();
        assertThat(s.observation[3]).isCloseTo(80.81, within(0.005));
    }

    @Test
    void growerHeuristicVentsTheHumidityAway() {
        double[][] expectedA = {{0, 1, -1}, {0, 1, -1}, {0, -1, -1}};
        double[][] expectedU = {{0, 0.75, 35}, {0, 1.5, 20}, {0, 0.75, 5}};
        double[][] expectedX = {
            {3.499207248245e-03, 9.665571394112e-04, 1.360106180149e+01, 7.756158438174e-03},
            {3.498504775559e-03, 9.039479320762e-04, 1.156916532754e+01, 6.975396476702e-03},
            {3.497891853926e-03, 8.882651471527e-04, 9.646993877529e+00, 6.883114278458e-03}
        };
        double[] expectedR = {-0.0022594165719605, -0.0023030124697622, -0.0029747294971844};
        GrowerPolicy grower = new GrowerPolicy();
        Step s = env.reset(5);
        double[] a = new double[3];
        for (int k = 0; k < 3; k++) {
            grower.act(s.observation, a);
            assertThat(a).as("a_%d", k).containsExactly(expectedA[k], within(1e-12));
            s = env.step(a);
            assertStep(s, k, expectedU[k], expectedX[k], expectedR[k]);
        }
    }

    private void assertStep(Step s, int k, double[] u, double[] x, double r) {
        assertThat(new double[] {
                    s.info.get(LettuceEnv.CO2_SUPPLY),
                    s.info.get(LettuceEnv.VENTILATION),
                    s.info.get(LettuceEnv.HEATING)
                })
                .as("u_%d", k)
                .containsExactly(u, within(1e-12));
        assertThat(Arrays.copyOfRange(s.observation, 4, 7))
                .as("u_%d in the observation", k)
                .containsExactly(u, within(1e-12));
        for (int i = 0; i < 4; i++) {
            assertThat(env.state(i)).as("x_%d[%d]", k + 1, i).isCloseTo(x[i], within(Math.abs(x[i]) * 1e-9));
        }
        assertThat(s.observation[0]).isEqualTo(env.state(VanHentenLettuce.DRY_WEIGHT));
        assertThat(s.observation[2]).isEqualTo(env.state(VanHentenLettuce.TEMPERATURE));
        assertThat(s.observation[LettuceEnv.OBS_STEP]).isEqualTo(k + 1);
        // the weather shown is that of the next step
        assertThat(s.observation[LettuceEnv.OBS_WEATHER + 1]).isEqualTo(V[Math.min(k + 1, 2)][1]);
        assertThat(s.reward).as("r_%d", k).isCloseTo(r, within(Math.abs(r) * 1e-9));
        double sum = s.info.get(LettuceEnv.REVENUE)
                - s.info.get(LettuceEnv.HEAT_COST)
                - s.info.get(LettuceEnv.CO2_COST)
                - s.info.get(LettuceEnv.PENALTY_CO2)
                - s.info.get(LettuceEnv.PENALTY_TEMP)
                - s.info.get(LettuceEnv.PENALTY_RH);
        assertThat(sum).as("reward terms of step %d", k).isCloseTo(s.reward, within(1e-15));
        assertThat(s.terminated).isFalse();
        assertThat(s.truncated).isFalse();
    }
}
