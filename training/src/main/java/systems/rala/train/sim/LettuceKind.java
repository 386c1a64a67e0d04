package systems.rala.train.sim;

import java.util.List;
import java.util.function.Function;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.LettucePlant;
import systems.rala.env.plant.Reading;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.baseline.LettuceGrowerHeuristic;
import systems.rala.twin.accounting.ClimateBounds;
import systems.rala.twin.accounting.Economics;
import systems.rala.twin.lettuce.VanHentenLettuce;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.physics.Radiation;
import systems.rala.twin.prices.PriceSchedule;
import systems.rala.twin.prices.Prices;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.weather.WeatherVariable;

/**
 * The Van Henten (1994) lettuce greenhouse with the benchmark's grower heuristic. The model has no
 * accumulators: heat and CO2 are the held inputs times the step (the heuristic is sampled), yield is the dry
 * weight gained, converted to fresh weight at 20.925 kg fresh per kg dry ((1 − 0.07) × 22.5, the benchmark's
 * lettuce price conversion, Harraway params.py).
 */
final class LettuceKind implements PlantKind {

    /** Fresh weight per dry weight of harvested lettuce [-]. */
    static final double FRESH_PER_DRY = (1 - 0.07) * 22.5;

    private double heatJ;
    private double co2Kg;
    private double parMol;
    private double startDryWeight = Double.NaN;

    @Override
    public Parameters defaultParameters() {
        return VanHentenLettuce.defaultParameters();
    }

    @Override
    public GreenhouseModel model(Parameters parameters) {
        return new VanHentenLettuce(parameters);
    }

    @Override
    public Function<String, Reading> readings() {
        return name -> LettucePlant.reading(new VanHentenLettuce(), name);
    }

    @Override
    public Controller ruleBased() {
        return new LettuceGrowerHeuristic();
    }

    @Override
    public ClosedLoop.Mode defaultControlMode() {
        return ClosedLoop.Mode.SAMPLED;
    }

    @Override
    public Economics economics() {
        return Economics.lettuceDefaults();
    }

    @Override
    public ClimateBounds bounds() {
        return ClimateBounds.lettuce();
    }

    /** The benchmark's prices: heat 0.1281 €/kWh, CO2 0.1906 €/kg (van Laatum et al., RL-SMPC); no lamps. */
    @Override
    public PriceSchedule defaultPrices() {
        return Prices.constant(0.0, 0.1281, 0.1906);
    }

    @Override
    public void beforeStep(Simulation sim, double dt) {
        if (Double.isNaN(startDryWeight)) {
            startDryWeight = sim.state(VanHentenLettuce.DRY_WEIGHT);
        }
        heatJ += sim.input(VanHentenLettuce.HEATING) * dt;
        co2Kg += sim.input(VanHentenLettuce.CO2_SUPPLY) * 1e-6 * dt;
        parMol += Radiation.ppfdFromGlobal(sim.weatherNow()[WeatherVariable.GLOBAL_RADIATION.ordinal()]) * dt * 1e-6;
    }

    @Override
    public void cumulative(Simulation sim, double[] out) {
        out[0] = heatJ;
        out[1] = 0;
        out[2] = co2Kg;
        double dry = sim.state(VanHentenLettuce.DRY_WEIGHT);
        out[3] = Double.isNaN(startDryWeight) ? 0 : (dry - startDryWeight) * FRESH_PER_DRY;
        out[4] = parMol;
    }

    @Override
    public void climate(Simulation sim, double[] out) {
        VanHentenLettuce m = (VanHentenLettuce) sim.model();
        double[] x = sim.stateView();
        out[0] = x[VanHentenLettuce.TEMPERATURE];
        out[1] = m.measuredRelativeHumidity(x);
        out[2] = m.indoorCo2Ppm(x);
        double t = x[VanHentenLettuce.TEMPERATURE];
        out[3] = systems.rala.twin.physics.Psychrometrics.vpdKpa(t, Math.min(100, m.indoorRelativeHumidity(x)));
    }

    @Override
    public List<Derived> derived() {
        return List.of(
                new Derived("rh[%]", s -> ((VanHentenLettuce) s.model()).measuredRelativeHumidity(s.stateView())),
                new Derived("co2[ppm]", s -> ((VanHentenLettuce) s.model()).indoorCo2Ppm(s.stateView())),
                new Derived("heat[MJ m-2]", s -> heatJ * 1e-6));
    }

    @Override
    public List<PlotSpec> plots() {
        return List.of(
                new PlotSpec(
                        "temperatures.png",
                        "Temperatures",
                        List.of(new PanelSpec("temperature [C]", List.of("X_T", "outdoor air_temperature")))),
                new PlotSpec(
                        "humidity.png",
                        "Relative humidity",
                        List.of(new PanelSpec("RH [%]", List.of("rh[%]", "outdoor relative_humidity")))),
                new PlotSpec("co2.png", "CO2", List.of(new PanelSpec("CO2 [ppm]", List.of("co2[ppm]", "outdoor co2")))),
                new PlotSpec(
                        "actuators.png",
                        "Heating, ventilation and CO2 supply",
                        List.of(
                                new PanelSpec("heating [W m-2]", List.of("U_q")),
                                new PanelSpec("ventilation [mm s-1], CO2 [mg m-2 s-1]", List.of("U_v", "U_c")))),
                new PlotSpec(
                        "energy.png",
                        "Cumulative heating",
                        List.of(new PanelSpec("energy [MJ m-2]", List.of("heat[MJ m-2]")))),
                new PlotSpec(
                        "yield.png", "Crop dry weight", List.of(new PanelSpec("dry weight [kg m-2]", List.of("X_d")))));
    }
}
