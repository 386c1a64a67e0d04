package systems.rala.env.tomato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import systems.rala.env.agents.Agent;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvChecker;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Step;

class TomatoEnvTest {

    private static final Map<String, String> SHORT = Map.of("episode_days", "1", "start", "01-15");

    @Test
    void passesTheEnvironmentChecker() {
        assertThat(EnvChecker.check(() -> EnvRegistry.make("GreenhouseTomato-v0", SHORT), 30))
                .isEmpty();
        assertThat(EnvChecker.check(
                        () -> EnvRegistry.make(
                                "GreenhouseTomato-v0",
                                Map.of(
                                        "episode_days",
                                        "1",
                                        "action_mode",
                                        "direct",
                                        "weather_noise_temp_k",
                                        "1",
                                        "forecast_noise_temp_k",
                                        "2",
                                        "param_noise",
                                        "0.1")),
                        30))
                .isEmpty();
    }

    @Test
    void episodesEndByTruncationAfterTheirDays() {
        try (Env env = EnvRegistry.make("GreenhouseTomato-v0", Map.of("episode_days", "1", "dt", "3600"))) {
            Step s = env.reset(3);
            double[] a = {19, 25, 800, 1};
            int steps = 0;
            while (!s.done()) {
                s = env.step(a);
                steps++;
            }
            assertThat(steps).isEqualTo(24);
            assertThat(s.truncated).isTrue();
            assertThat(s.terminated).isFalse();
            // the reward is the profit of the step: its terms are reported and add up
            double sum = s.info.get("revenue")
                    - s.info.get("heat_cost")
                    - s.info.get("elec_cost")
                    - s.info.get("co2_cost")
                    - s.info.get("penalty_temp")
                    - s.info.get("penalty_rh")
                    - s.info.get("penalty_co2");
            assertThat(s.reward).isEqualTo(sum);
            assertThat(s.info.get("kpi.elec_kwh_m2")).isGreaterThan(0);
        }
    }

    @Test
    void ruleBasedBeatsAllOffOnAWinterWeek() {
        double ruleBased = run("rule-based");
        double allOff = run("all-off");
        assertThat(ruleBased).isGreaterThan(allOff);
    }

    private static double run(String baseline) {
        try (TomatoEnv env = (TomatoEnv) EnvRegistry.make(
                "GreenhouseTomato-v0", Map.of("episode_days", "7", "start", "01-10", "split", "test"))) {
            Agent agent = env.baseline(baseline);
            Step s = env.reset(11);
            agent.reset();
            double[] a = new double[env.actionSpace().size()];
            double ret = 0;
            while (!s.done()) {
                agent.act(s, a);
                s = env.step(a);
                ret += s.reward;
            }
            return ret;
        }
    }

    @Test
    void residualZeroCorrectionIsTheRuleBasedControllerStepForStep() {
        Map<String, String> week = Map.of("episode_days", "3", "start", "01-10", "split", "test");
        Map<String, String> residualWeek = new java.util.HashMap<>(week);
        residualWeek.put("action_mode", "residual");
        try (TomatoEnv setpoint = (TomatoEnv) EnvRegistry.make("GreenhouseTomato-v0", week);
                TomatoEnv residual = (TomatoEnv) EnvRegistry.make("GreenhouseTomato-v0", residualWeek)) {
            assertThat(residual.actionSpace().size()).isEqualTo(4);
            Agent rule = setpoint.baseline("rule-based");
            Step s = setpoint.reset(5);
            Step r = residual.reset(5);
            rule.reset();
            double[] a = new double[4];
            double[] zero = new double[4];
            int steps = 0;
            while (!s.done()) {
                rule.act(s, a);
                s = setpoint.step(a);
                r = residual.step(zero);
                steps++;
                // same controller, same plant, same weather: the same step to the last bit
                assertThat(r.reward).as("reward at step %d", steps).isEqualTo(s.reward);
            }
            assertThat(r.done()).isTrue();
            assertThat(r.info.get("kpi.profit_eur_m2")).isEqualTo(s.info.get("kpi.profit_eur_m2"));
        }
    }

    @Test
    void residualCorrectionsMoveTheSetPoints() {
        Map<String, String> day = Map.of("episode_days", "1", "start", "01-10", "action_mode", "residual");
        double zero = residualEnergy(day, new double[] {0, 0, 0, 0});
        double warmer = residualEnergy(day, new double[] {3, 0, 0, 0});
        double dark = residualEnergy(day, new double[] {0, 0, 0, -1});
        // a warmer heating set-point costs heat; lamps forced off cost no electricity
        assertThat(warmer).isGreaterThan(zero);
        assertThat(dark).isEqualTo(0.0);
        assertThat(EnvChecker.check(() -> EnvRegistry.make("GreenhouseTomato-v0", day), 30))
                .isEmpty();
        try (TomatoEnv env = (TomatoEnv) EnvRegistry.make("GreenhouseTomato-v0", day)) {
            assertThatThrownBy(() -> env.baseline("all-off")).hasMessageContaining("action_mode=residual");
        }
    }

    /** Heat (first three actions) or lamp electricity (lamp override) of one day under a fixed correction. */
    private static double residualEnergy(Map<String, String> options, double[] correction) {
        try (Env env = EnvRegistry.make("GreenhouseTomato-v0", options)) {
            Step s = env.reset(2);
            while (!s.done()) {
                s = env.step(correction);
            }
            return correction[3] < 0 ? s.info.get("kpi.elec_kwh_m2") : s.info.get("kpi.heat_kwh_m2");
        }
    }

    @Test
    void badOptionsNameTheOption() {
        assertThatThrownBy(() -> EnvRegistry.make("GreenhouseTomato-v0", Map.of("episode_dayz", "3")))
                .hasMessageContaining("unknown option(s) [episode_dayz]")
                .hasMessageContaining("episode_days");
        assertThatThrownBy(() -> EnvRegistry.make("GreenhouseTomato-v0", Map.of("dt", "100")))
                .hasMessageContaining("option dt = 100 is outside the allowed range 300.0 to 3600.0");
        assertThatThrownBy(() -> EnvRegistry.make("GreenhouseTomato-v0", Map.of("randomize", "cLeakge")))
                .hasMessageContaining("unknown parameter 'cLeakge'");
        try (Env env = EnvRegistry.make("GreenhouseTomato-v0", SHORT)) {
            env.reset(1);
            assertThatThrownBy(() -> env.step(new double[] {40, 25, 800, 1}))
                    .hasMessageContaining("heating_setpoint = 40.0 C is outside [10.0, 25.0]");
        }
    }
}
