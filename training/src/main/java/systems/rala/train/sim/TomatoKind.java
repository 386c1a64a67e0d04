package systems.rala.train.sim;

import java.util.List;
import java.util.function.Function;
import systems.rala.env.plant.Reading;
import systems.rala.env.plant.TomatoPlant;
import systems.rala.runtime.control.Controller;
import systems.rala.runtime.control.rules.RuleBasedClimateController;
import systems.rala.twin.accounting.ClimateBounds;
import systems.rala.twin.accounting.Economics;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;

/** The GreenLight tomato greenhouse, with HPS or LED top-lights. */
final class TomatoKind implements PlantKind {

    private final boolean hps;

    TomatoKind(boolean hps) {
        this.hps = hps;
    }

    @Override
    public Parameters defaultParameters() {
        return hps ? TomatoParameters.katzin2021Hps() : TomatoParameters.katzin2021Led();
    }

    @Override
    public GreenhouseModel model(Parameters parameters) {
        return new TomatoModel(hps ? "tomato-hps" : "tomato-led", parameters);
    }

    @Override
    public Function<String, Reading> readings() {
        return TomatoPlant::reading;
    }

    @Override
    public Controller ruleBased() {
        return new RuleBasedClimateController();
    }

    @Override
    public Economics economics() {
        return Economics.tomatoDefaults();
    }

    @Override
    public ClimateBounds bounds() {
        return ClimateBounds.tomato();
    }

    @Override
    public void cumulative(Simulation sim, double[] out) {
        double[] x = sim.stateView();
        out[0] = x[TomatoModel.E_BOIL];
        out[1] = x[TomatoModel.E_LAMP];
        out[2] = 1e-6 * x[TomatoModel.M_CO2_DOSED];
        out[3] = ((TomatoModel) sim.model()).freshYieldKg(x);
        out[4] = x[TomatoModel.PAR_ABOVE_CANOPY];
    }

    @Override
    public void climate(Simulation sim, double[] out) {
        double[] x = sim.stateView();
        out[0] = x[TomatoModel.T_AIR];
        out[1] = TomatoModel.relativeHumidity(x);
        out[2] = TomatoModel.co2Ppm(x);
        out[3] = TomatoModel.vpdKpa(x);
    }

    @Override
    public List<Derived> derived() {
        return List.of(
                new Derived("rhIn[%]", s -> TomatoModel.relativeHumidity(s.stateView())),
                new Derived("vpd[kPa]", s -> TomatoModel.vpdKpa(s.stateView())),
                new Derived("co2InPpm[ppm]", s -> TomatoModel.co2Ppm(s.stateView())),
                new Derived("heat[MJ m-2]", s -> 1e-6 * s.state(TomatoModel.E_BOIL)),
                new Derived("lighting[MJ m-2]", s -> 1e-6 * s.state(TomatoModel.E_LAMP)),
                new Derived("yieldFresh[kg m-2]", s -> ((TomatoModel) s.model()).freshYieldKg(s.stateView())),
                new Derived(
                        "lai[m2 m-2]",
                        s -> s.state(TomatoModel.C_LEAF)
                                * s.model().parameters().get("sla")));
    }

    @Override
    public List<PlotSpec> plots() {
        return List.of(
                new PlotSpec(
                        "temperatures.png",
                        "Temperatures",
                        List.of(new PanelSpec(
                                "temperature [C]", List.of("tAir", "tCan", "tPipe", "outdoor air_temperature")))),
                new PlotSpec(
                        "humidity.png",
                        "Relative humidity and vapour pressure deficit",
                        List.of(
                                new PanelSpec("RH [%]", List.of("rhIn[%]", "outdoor relative_humidity")),
                                new PanelSpec("VPD [kPa]", List.of("vpd[kPa]")))),
                new PlotSpec(
                        "co2.png", "CO2", List.of(new PanelSpec("CO2 [ppm]", List.of("co2InPpm[ppm]", "outdoor co2")))),
                new PlotSpec(
                        "actuators.png",
                        "Lamps, heating, vents and screen",
                        List.of(
                                new PanelSpec("position [-]", List.of("uLamp", "uBoil")),
                                new PanelSpec("position [-]", List.of("uRoof", "uThScr", "uExtCo2")))),
                new PlotSpec(
                        "energy.png",
                        "Cumulative energy use",
                        List.of(new PanelSpec("energy [MJ m-2]", List.of("heat[MJ m-2]", "lighting[MJ m-2]")))),
                new PlotSpec(
                        "yield.png",
                        "Crop",
                        List.of(
                                new PanelSpec("fresh yield [kg m-2]", List.of("yieldFresh[kg m-2]")),
                                new PanelSpec("LAI [m2 m-2]", List.of("lai[m2 m-2]")))));
    }
}
