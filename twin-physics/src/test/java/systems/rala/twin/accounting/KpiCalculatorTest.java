package systems.rala.twin.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-computed cases: each expected number is worked out in the comment beside it. */
class KpiCalculatorTest {

    private static final Economics ECON = new Economics(2.0, 0.9, 0.2, 0.5);
    private static final ClimateBounds BAND = new ClimateBounds(15, 30, 50, 85, 300, 1600);

    @Test
    void energyCostYieldAndEmissions() {
        KpiCalculator k = new KpiCalculator(ECON, BAND);
        // one hour: 3.6 MJ heat = 1 kWh, 7.2 MJ electricity = 2 kWh, 0.01 kg CO2, 0.05 kg fruit
        k.add(3600, 3.6e6, 7.2e6, 0.01, 0.05, 1.5, 0.3, 0.05, 0.2, 20, 70, 800, 0.7);
        Map<String, Object> m = k.kpis();
        assertThat((Double) m.get("heat_kwh_m2")).isCloseTo(1.0, within(1e-12));
        assertThat((Double) m.get("elec_kwh_m2")).isCloseTo(2.0, within(1e-12));
        assertThat((Double) m.get("co2_kg_m2")).isCloseTo(0.01, within(1e-12));
        // cost = 1 kWh / 0.9 * 0.05 + 2 kWh * 0.3 + 0.01 kg * 0.2 = 0.0555556 + 0.6 + 0.002 = 0.6575556
        assertThat((Double) m.get("cost_eur_m2")).isCloseTo(0.6575556, within(1e-6));
        // revenue = 0.05 kg * 2 EUR/kg = 0.1; profit = 0.1 - 0.6575556
        assertThat((Double) m.get("revenue_eur_m2")).isCloseTo(0.1, within(1e-12));
        assertThat((Double) m.get("profit_eur_m2")).isCloseTo(0.1 - 0.6575556, within(1e-6));
        // emissions = 1/0.9 kWh gas * 0.2 + 2 kWh * 0.5 = 0.2222222 + 1.0
        assertThat((Double) m.get("emissions_kgco2e_m2")).isCloseTo(1.2222222, within(1e-6));
        // 1.5 mol in 1/24 day -> 36 mol/m2/day
        assertThat((Double) m.get("dli_mol_m2_d")).isCloseTo(36.0, within(1e-9));
        assertThat((Double) m.get("steps")).isEqualTo(1.0);
    }

    @SuppressWarnings("unchecked")
    @Test
    void violationsAndTimeInBounds() {
        KpiCalculator k = new KpiCalculator(ECON, BAND);
        // 30 min at 33 C (3 K over), RH 90 % (5 over), CO2 250 ppm (50 under)
        k.add(1800, 0, 0, 0, 0, 0, 0, 0, 0, 33, 90, 250, 1.0);
        // 90 min inside the band
        k.add(5400, 0, 0, 0, 0, 0, 0, 0, 0, 20, 70, 800, 0.5);
        Map<String, Object> m = k.kpis();
        assertThat((Double) m.get("temp_violation_kh")).isCloseTo(3 * 0.5, within(1e-12));
        assertThat((Double) m.get("rh_violation_pct_h")).isCloseTo(5 * 0.5, within(1e-12));
        assertThat((Double) m.get("co2_violation_ppm_h")).isCloseTo(50 * 0.5, within(1e-12));
        Map<String, Double> in = (Map<String, Double>) m.get("time_in_bounds_pct");
        assertThat(in.get("temp")).isCloseTo(75.0, within(1e-12)); // 90 of 120 min
        assertThat(in.get("rh")).isCloseTo(75.0, within(1e-12));
        // mean VPD = (1.0 * 1800 + 0.5 * 5400) / 7200 = 0.625
        assertThat((Double) m.get("mean_vpd_kpa")).isCloseTo(0.625, within(1e-12));
        assertThat((Double) m.get("sim_days")).isCloseTo(7200 / 86400.0, within(1e-12));
    }

    @Test
    void badSettingsNameTheField() {
        assertThatThrownBy(() -> new Economics(1.6, 0, 0.2, 0.4)).hasMessageContaining("boilerEfficiency = 0.0");
        assertThatThrownBy(() -> new ClimateBounds(20, 10, 50, 85, 300, 1600))
                .hasMessageContaining("temperature 20.0..10.0");
    }
}
