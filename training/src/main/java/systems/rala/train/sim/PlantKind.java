package systems.rala.train.sim;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.env.plant.Reading;
import systems.rala.runtime.control.Controller;
import systems.rala.twin.accounting.ClimateBounds;
import systems.rala.twin.accounting.Economics;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.prices.PriceSchedule;
import systems.rala.twin.prices.Prices;
import systems.rala.twin.sim.Simulation;

/**
 * What the simulate command needs to know about one kind of greenhouse model: how to build it, its
 * readings, its default controller, how to read energy, CO2, yield and climate off its state for the KPIs,
 * and which variables to plot.
 */
interface PlantKind {

    /** Default parameters of the model. */
    Parameters defaultParameters();

    /** The model with {@code parameters}. */
    GreenhouseModel model(Parameters parameters);

    /** Resolves reading names for controllers. */
    Function<String, Reading> readings();

    /** The rule-based controller for this model. */
    Controller ruleBased();

    Economics economics();

    /** Prices used when the run names none. */
    default PriceSchedule defaultPrices() {
        return Prices.greenLightGymDefaults();
    }

    /** When the rule-based controller decides by default. */
    default ClosedLoop.Mode defaultControlMode() {
        return ClosedLoop.Mode.CONTINUOUS;
    }

    /** Called before each control step of {@code dt} seconds, with the inputs about to be held. */
    default void beforeStep(Simulation sim, double dt) {}

    ClimateBounds bounds();

    /**
     * Writes the cumulative accounting quantities of the current state into {@code out}: heat [J/m²],
     * electricity [J/m²], CO2 dosed [kg/m²], fresh yield [kg/m²], PAR at the canopy [mol/m²].
     */
    void cumulative(Simulation sim, double[] out);

    /** Writes the climate now into {@code out}: air temperature [°C], RH [%], CO2 [ppm], VPD [kPa]. */
    void climate(Simulation sim, double[] out);

    /** The plots: each a file name, a title and panels of state/derived series names with units. */
    List<PlotSpec> plots();

    /** A plot: file name, title, panels; each panel a label and the names of recorded series. */
    record PlotSpec(String file, String title, List<PanelSpec> panels) {}

    /** A panel: its axis label and the recorded series it shows. */
    record PanelSpec(String axisLabel, List<String> series) {}

    /** Derived series recorded for plots, by name: computed from the simulation at record time. */
    List<Derived> derived();

    /** A derived series: name with unit, and how to compute it. */
    record Derived(String name, ToDoubleFunction<Simulation> value) {}
}
