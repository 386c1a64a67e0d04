package systems.rala.twin.lettuce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.model.Variable;
import systems.rala.twin.weather.WeatherVariable;

/** Declarations, overrides and variants of the lettuce model's parameters. */
class VanHentenParametersTest {

    @Test
    void declaresStatesInputsAndWeatherWithUnitsAndSources() {
        VanHentenLettuce model = new VanHentenLettuce();
        assertThat(model.id()).isEqualTo("lettuce");
        assertThat(model.states()).extracting(Variable::name).containsExactly("X_d", "X_c", "X_T", "X_h");
        assertThat(model.states()).extracting(Variable::unit).containsExactly("kg m-2", "kg m-3", "C", "kg m-3");
        assertThat(model.inputs()).extracting(Variable::name).containsExactly("U_c", "U_v", "U_q");
        assertThat(model.inputs()).extracting(Variable::unit).containsExactly("mg m-2 s-1", "mm s-1", "W m-2");
        // benchmark.md section 2: u_max = [1.2, 7.5, 150], u_min = 0
        assertThat(model.inputs()).extracting(Variable::max).containsExactly(1.2, 7.5, 150.0);
        assertThat(model.inputs()).extracting(Variable::min).containsExactly(0.0, 0.0, 0.0);
        // benchmark.md section 2: the state clamp
        assertThat(model.states()).extracting(Variable::min).containsExactly(0.002, 0.0, 5.0, 0.0);
        assertThat(model.states()).extracting(Variable::max).containsExactly(0.6, 0.004, 40.0, 0.051);
        assertThat(model.disturbances())
                .containsExactlyInAnyOrder(
                        WeatherVariable.GLOBAL_RADIATION,
                        WeatherVariable.AIR_TEMPERATURE,
                        WeatherVariable.CO2,
                        WeatherVariable.RELATIVE_HUMIDITY);
        assertThat(model.stateIndex("X_T")).isEqualTo(VanHentenLettuce.TEMPERATURE);
        assertThat(model.inputIndex("U_v")).isEqualTo(VanHentenLettuce.VENTILATION);
        for (Variable v : concat(model.states(), model.inputs())) {
            assertThat(v.unit()).as(v.name()).isNotBlank();
            assertThat(v.description()).as(v.name()).isNotBlank();
            assertThat(v.source()).as(v.name()).contains("Van Henten (2003) eq");
        }
    }

    @Test
    void everyParameterHasAUnitADescriptionAndASource() {
        Parameters p = VanHentenLettuce.defaultParameters();
        assertThat(p.specs()).hasSize(21);
        for (ParameterSpec s : p.specs().values()) {
            assertThat(s.unit()).as(s.name()).isNotBlank();
            assertThat(s.description()).as(s.name()).isNotBlank();
            assertThat(s.source()).as(s.name()).contains("Van Henten (2003)");
            assertThat(s.min()).as(s.name()).isLessThan(s.max());
        }
        // values every implementation agrees on (notes model.md, parameter table), spot checks
        assertThat(p.get("c_alpha_beta")).isEqualTo(0.544);
        assertThat(p.get("c_rad_phot")).isEqualTo(3.55e-9);
        assertThat(p.get("c_cap_q")).isEqualTo(30000.0);
        assertThat(p.get("c_v_1")).isEqualTo(9348.0);
        // the benchmark's leakage and humidity balance are the defaults
        assertThat(p.get("c_leak")).isEqualTo(0.75e-5);
        assertThat(p.get("vent_in_humidity")).isEqualTo(1.0);
    }

    @Test
    void unknownParameterIsRefusedNamingItAndTheKnownOnes() {
        Parameters p = VanHentenLettuce.defaultParameters();
        assertThatThrownBy(() -> p.with("c_leakage", 1e-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown parameter 'c_leakage'")
                .hasMessageContaining("c_leak")
                .hasMessageContaining("c_v_pl_ai");
    }

    @Test
    void outOfRangeValueIsRefusedNamingTheParameterTheValueAndTheRange() {
        Parameters p = VanHentenLettuce.defaultParameters();
        assertThatThrownBy(() -> p.with("c_leak", 0.01))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c_leak")
                .hasMessageContaining("0.01")
                .hasMessageContaining("0.0 to 0.001 m s-1");
        assertThatThrownBy(() -> p.with(Map.of("c_resp_d", -2.65e-7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c_resp_d")
                .hasMessageContaining("-2.65E-7")
                .hasMessageContaining("0.0 to 2.65E-6 s-1");
        // a heat capacity of air per volume given in kJ instead of J
        assertThatThrownBy(() -> p.with("c_cap_q_v", 1.29))
                .hasMessageContaining("c_cap_q_v = 1.29 J m-3 C-1")
                .hasMessageContaining("1000.0 to 1450.0");
    }

    @Test
    void humiditySwitchAcceptsOnlyZeroOrOne() {
        Parameters half = VanHentenLettuce.defaultParameters().with("vent_in_humidity", 0.5);
        assertThatThrownBy(() -> new VanHentenLettuce(half))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vent_in_humidity = 0.5")
                .hasMessageContaining("1 (ventilation and leakage")
                .hasMessageContaining("0 (leakage only");
    }

    @Test
    void parametersOfAnotherModelAreRefused() {
        Parameters other = Parameters.defaults(List.of(new ParameterSpec("c_leak", 1e-4, "m s-1", "x", "y", 0, 1)));
        assertThatThrownBy(() -> new VanHentenLettuce(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not those of model lettuce");
    }

    @Test
    void overridesReachTheEquations() {
        VanHentenLettuce benchmark = new VanHentenLettuce();
        VanHentenLettuce paper = new VanHentenLettuce(
                VanHentenLettuce.defaultParameters().with("c_leak", VanHentenParameters.PAPER_LEAKAGE));
        assertThat(paper.parameters().get("c_leak")).isEqualTo(0.75e-4);
        double[] x = {0.0035, 1.0e-3, 15.0, 0.008};
        double[] u = {0.0, 0.0, 50.0};
        double[] d = BenchmarkStep.weather(0.0, 5.0, 400.0, 80.0);
        double[] fb = new double[4];
        double[] fp = new double[4];
        benchmark.derivatives(0.0, x, u, d, fb);
        paper.derivatives(0.0, x, u, d, fp);
        double extra = 0.75e-4 - 0.75e-5;
        // eq. 7: more leakage carries CO2 out; eq. 11: and vapour; eq. 8: no heat (c_leak is not in it)
        assertThat(fp[1] - fb[1]).isCloseTo(-extra * (x[1] - benchmark.outdoorCo2Density(d)) / 4.1, within(1e-20));
        assertThat(fp[3] - fb[3]).isCloseTo(-extra * (x[3] - benchmark.outdoorVapourDensity(d)) / 4.1, within(1e-20));
        assertThat(fp[0]).isEqualTo(fb[0]);
        assertThat(fp[2]).isEqualTo(fb[2]);
    }

    @Test
    void greenLightHumidityVariantDropsTheVentilationFromEquation11Only() {
        VanHentenLettuce benchmark = new VanHentenLettuce();
        VanHentenLettuce greenLight =
                new VanHentenLettuce(VanHentenLettuce.defaultParameters().with("vent_in_humidity", 0.0));
        double[] x = {0.05, 1.47e-3, 18.0, 0.0115};
        double[] u = {0.6, 2.0, 40.0};
        double[] d = BenchmarkStep.weather(300.0, 10.0, 400.0, 70.0);
        double[] fb = new double[4];
        double[] fg = new double[4];
        benchmark.derivatives(0.0, x, u, d, fb);
        greenLight.derivatives(0.0, x, u, d, fg);
        double uv = 2.0e-3; // m s-1
        assertThat(fg[3] - fb[3]).isCloseTo(uv * (x[3] - benchmark.outdoorVapourDensity(d)) / 4.1, within(1e-18));
        assertThat(new double[] {fg[0], fg[1], fg[2]}).containsExactly(fb[0], fb[1], fb[2]);
    }

    private static List<Variable> concat(List<Variable> a, List<Variable> b) {
        List<Variable> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
