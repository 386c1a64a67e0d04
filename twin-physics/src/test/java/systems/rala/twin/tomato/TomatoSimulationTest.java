package systems.rala.twin.tomato;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import systems.rala.twin.ode.RosenbrockIntegrator;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.sim.InputLaw;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.sim.Snapshot;
import systems.rala.twin.weather.Site;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherSeriesBuilder;
import systems.rala.twin.weather.WeatherVariable;
import systems.rala.twin.weather.generator.GeneratorParams;
import systems.rala.twin.weather.generator.WeatherGenerator;

/**
 * Evidence that the simulated tomato greenhouse is right beyond single derivatives: balances close, a
 * sealed dark greenhouse relaxes to the outdoor state, tighter tolerances barely change results, and a
 * restored snapshot repeats a run exactly. Weather is generated (built-in Amsterdam), so these run anywhere.
 */
class TomatoSimulationTest {

    private static final LocalDateTime AUTUMN = LocalDateTime.of(2030, 10, 1, 0, 0);

    private static WeatherSeries amsterdam(LocalDate from, int days) {
        return new WeatherGenerator(GeneratorParams.builtIn("amsterdam")).generate(11, from, from.plusDays(days + 1));
    }

    /**
     * A plain grower's law that exercises every actuator: heat below 18.5 °C, lamps 0–18 h in dull weather,
     * vents above 25 °C or 85 % RH, screen on cold nights, CO2 towards 900 ppm in the light period.
     */
    static InputLaw growerLaw(Simulation sim) {
        return (t, x, d, u) -> {
            double hour = sim.secondOfDay(t) / 3600;
            double tAir = x[TomatoModel.T_AIR];
            double rh = TomatoModel.relativeHumidity(x);
            double rad = d[WeatherVariable.GLOBAL_RADIATION.ordinal()];
            boolean light = hour < 18 && rad < 400;
            u[TomatoModel.U_BOIL] = clamp((18.5 - tAir) / 2);
            u[TomatoModel.U_BOIL_GRO] = 0;
            u[TomatoModel.U_LAMP] = light ? 1 : 0;
            u[TomatoModel.U_INT_LAMP] = 0;
            u[TomatoModel.U_ROOF] = Math.max(clamp((tAir - 25) / 4), clamp((rh - 85) / 10));
            u[TomatoModel.U_SIDE] = 0;
            u[TomatoModel.U_TH_SCR] = rad < 5 && d[WeatherVariable.AIR_TEMPERATURE.ordinal()] < 10 ? 0.97 : 0;
            u[TomatoModel.U_BL_SCR] = 0;
            u[TomatoModel.U_EXT_CO2] = light || rad > 0 ? clamp((900 - TomatoModel.co2Ppm(x)) / 100) : 0;
        };
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static Simulation season(TomatoModel m, RosenbrockIntegrator integrator, int days) {
        double[] x0 = new double[TomatoModel.DIMENSION];
        m.initialState(x0);
        Simulation sim = Simulation.of(m, amsterdam(AUTUMN.toLocalDate(), days), AUTUMN, integrator, x0);
        sim.setInputLaw(growerLaw(sim));
        return sim;
    }

    @Test
    void energyVapourAndCarbonBalancesCloseOverAWeek() {
        TomatoModel m = TomatoModel.hps();
        TomatoConstants c = m.constants();
        Simulation sim = season(m, Simulation.defaultIntegrator(), 7);
        double[] x0 = sim.stateView().clone();
        for (int k = 0; k < 7 * 288; k++) {
            sim.step(300);
        }
        double[] x1 = sim.stateView();
        // energy: heat stored in every element (canopy from its accumulator, its capacity varies with LAI)
        double[] cap = {
            0,
            c.capAir,
            c.capFlr,
            c.capSo1,
            c.capSo2,
            c.capSo3,
            c.capSo4,
            c.capSo5,
            c.capThScr,
            c.capBlScr,
            c.capTop,
            c.capCovIn,
            c.capCovE,
            c.capPipe,
            c.capGroPipe,
            c.capLamp,
            c.capIntLamp
        };
        double stored = x1[TomatoModel.E_CAN_STORED] - x0[TomatoModel.E_CAN_STORED];
        for (int i = TomatoModel.T_AIR; i <= TomatoModel.T_INT_LAMP; i++) {
            stored += cap[i] * (x1[i] - x0[i]);
        }
        double external = x1[TomatoModel.E_EXTERNAL];
        double throughput = x1[TomatoModel.E_BOIL] + x1[TomatoModel.E_LAMP];
        assertThat(throughput).isGreaterThan(1e7); // a week of heating and lighting: tens of MJ per m2
        assertThat(Math.abs(stored - external) / throughput).isLessThan(1e-6);
        // vapour: what the air volumes gained equals transpiration minus condensation and ventilation
        assertThat(Math.abs(x1[TomatoModel.MV_STORED] - x1[TomatoModel.MV_EXTERNAL]) / x1[TomatoModel.M_TRANSPIRED])
                .isLessThan(1e-6);
        // carbon: CO2 in the air plus crop carbohydrates (as CO2) plus harvest change only by dosing and ventilation
        double crop0 =
                x0[TomatoModel.C_BUF] + x0[TomatoModel.C_LEAF] + x0[TomatoModel.C_STEM] + x0[TomatoModel.C_FRUIT];
        double crop1 = x1[TomatoModel.C_BUF]
                + x1[TomatoModel.C_LEAF]
                + x1[TomatoModel.C_STEM]
                + x1[TomatoModel.C_FRUIT]
                + x1[TomatoModel.M_FRUIT_HARVEST]
                + x1[TomatoModel.M_LEAF_HARVEST];
        double airCo2 = c.capCo2Air * (x1[TomatoModel.CO2_AIR] - x0[TomatoModel.CO2_AIR])
                + c.capCo2Top * (x1[TomatoModel.CO2_TOP] - x0[TomatoModel.CO2_TOP]);
        double carbonStored = airCo2 + c.mCo2 / c.mCh2o * (crop1 - crop0);
        assertThat(x1[TomatoModel.M_CO2_DOSED]).isGreaterThan(1e3);
        assertThat(Math.abs(carbonStored - x1[TomatoModel.MC_EXTERNAL]) / x1[TomatoModel.M_CO2_DOSED])
                .isLessThan(1e-6);
    }

    @Test
    void sealedDarkUnheatedGreenhouseRelaxesToOutdoorConditions() {
        // crop metabolism switched off, so nothing but physics acts; outdoor air saturated at 10 C, sky and soil
        // at 10 C, no sun, no wind, vents shut (leakage only): every temperature must reach 10 C, the vapour
        // pressure saturation, CO2 the outdoor 400 ppm
        TomatoModel m = new TomatoModel(
                "sealed",
                TomatoParameters.katzin2021Led()
                        .with(Map.of(
                                "rgFruit", 0.0, "rgLeaf", 0.0, "rgStem", 0.0, "cLeafM", 0.0, "cStemM", 0.0, "cFruitM",
                                0.0, "alpha", 0.0)));
        double[] time = new double[2];
        time[1] = 366 * 86400.0;
        WeatherSeries constant = new WeatherSeriesBuilder()
                .setSite(Site.AMSTERDAM)
                .setSource("constant test weather")
                .setOrigin(LocalDateTime.of(2030, 1, 1, 0, 0), false)
                .setTime(time)
                .setColumn(WeatherVariable.GLOBAL_RADIATION, new double[] {0, 0}, false)
                .setColumn(WeatherVariable.AIR_TEMPERATURE, new double[] {10, 10}, false)
                .setColumn(WeatherVariable.RELATIVE_HUMIDITY, new double[] {100, 100}, false)
                .setColumn(WeatherVariable.WIND_SPEED, new double[] {0, 0}, false)
                .setColumn(WeatherVariable.SKY_TEMPERATURE, new double[] {10, 10}, false)
                .setColumn(WeatherVariable.SOIL_TEMPERATURE, new double[] {10, 10}, false)
                .setColumn(WeatherVariable.CO2, new double[] {400, 400}, false)
                .build();
        Simulation sim = Simulation.of(m, constant, LocalDateTime.of(2030, 1, 1, 0, 0));
        double[] closedScreen = new double[TomatoModel.INPUTS];
        closedScreen[TomatoModel.U_TH_SCR] = 1; // the thermal screen closed, so it takes part
        sim.setInputs(closedScreen);
        double start = Math.abs(sim.state(TomatoModel.T_AIR) - 10);
        for (int k = 0; k < 300 * 24; k++) {
            sim.step(3600);
        }
        for (int i = TomatoModel.T_CAN; i <= TomatoModel.T_INT_LAMP; i++) {
            if (i == TomatoModel.T_BL_SCR) {
                continue; // an open screen exchanges nothing: its temperature is undefined (GreenLight keeps it)
            }
            assertThat(sim.state(i)).as(m.states().get(i).name()).isCloseTo(10.0, within(0.01));
        }
        assertThat(start).isGreaterThan(5);
        double vpOut = Psychrometrics.saturationVapourPressure(10);
        // the model condenses at its own (Tetens) saturation, 0.5 % below the weather's (Buck) at 10 C
        assertThat(sim.state(TomatoModel.VP_AIR)).isCloseTo(vpOut, within(0.01 * vpOut));
        assertThat(TomatoModel.co2Ppm(sim.stateView())).isCloseTo(400.0 * 8.3144598 / 8.314, within(1.0));
    }

    @Test
    void halvingTheToleranceBarelyChangesTenDays() {
        double[] base = tenDays(RosenbrockIntegrator.of(1e-4, 1e-3));
        double[] half = tenDays(RosenbrockIntegrator.of(5e-5, 5e-4));
        double[] ref = tenDays(RosenbrockIntegrator.of(1e-8, 1e-7));
        // bounds stated in the README (Integrator section): heat and light within 0.5 %, final air temperature
        // within 0.05 K, final CO2 within 1 %, harvest-free crop within 0.1 %
        for (double[] r : new double[][] {half, ref}) {
            assertThat(base[0]).isCloseTo(r[0], within(0.005 * r[0]));
            assertThat(base[1]).isCloseTo(r[1], within(0.005 * r[1]));
            assertThat(base[2]).isCloseTo(r[2], within(0.05));
            assertThat(base[3]).isCloseTo(r[3], within(0.01 * r[3]));
            assertThat(base[4]).isCloseTo(r[4], within(0.001 * r[4]));
        }
    }

    private static double[] tenDays(RosenbrockIntegrator integrator) {
        Simulation sim = season(TomatoModel.led(), integrator, 10);
        for (int k = 0; k < 10 * 288; k++) {
            sim.step(300);
        }
        double[] x = sim.stateView();
        return new double[] {
            x[TomatoModel.E_BOIL],
            x[TomatoModel.E_LAMP],
            x[TomatoModel.T_AIR],
            x[TomatoModel.CO2_AIR],
            x[TomatoModel.C_LEAF] + x[TomatoModel.C_STEM] + x[TomatoModel.C_FRUIT]
        };
    }

    @Test
    void aRestoredSnapshotRepeatsTheRunBitForBit() {
        Simulation sim = season(TomatoModel.hps(), Simulation.defaultIntegrator(), 3);
        for (int k = 0; k < 288; k++) {
            sim.step(300);
        }
        Snapshot s = sim.snapshot();
        for (int k = 0; k < 288; k++) {
            sim.step(300);
        }
        double[] first = sim.stateView().clone();
        sim.restore(s);
        assertThat(sim.time()).isEqualTo(288 * 300.0);
        for (int k = 0; k < 288; k++) {
            sim.step(300);
        }
        assertThat(Arrays.equals(first, sim.stateView())).isTrue();
    }
}
