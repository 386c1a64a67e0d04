package systems.rala.twin.estimation;

import java.util.List;
import systems.rala.twin.tomato.TomatoModel;

/**
 * The live twin's settings for the GreenLight tomato greenhouse ({@link TomatoModel}): which states the filter
 * estimates, and the sensors of a greenhouse measuring box with their noise.
 *
 * <p><b>Estimated states ({@link #CLIMATE_STATES}, n = 12, 25 sigma points).</b> The climate states with
 * memory on the scale of the 5-minute tick or longer that the air sensors see directly or through their
 * coupling: canopy, air, floor, top compartment, pipe-rail and grow-pipe temperatures (the pipes hold 6–9 kJ
 * K⁻¹ m⁻² of water), vapour pressure and CO2 of the main and top compartments; and the internal and external
 * cover. The covers (about 800 J K⁻¹ m⁻² each) settle within minutes and could be held, but they are the
 * states the twin's users ask about (condensation, heat loss): held, their RMSE in {@code LiveTwinTomatoTest}
 * rises from 0.032 to 0.036 °C for 16 % less work per tick. Held (advanced by the model from the central
 * sigma point, without uncertainty):
 *
 * <ul>
 *   <li>lamps, inter-lights, thermal and blackout screens — heat capacities of 10–130 J K⁻¹ m⁻², time
 *       constants of seconds to a minute: after a 300 s step they sit on their quasi-steady value set by the
 *       estimated states and the inputs, whatever they started from, so estimating them would add two
 *       integrations each and nothing else (an open blackout screen exchanges nothing and its temperature
 *       is not even defined);
 *   <li>the five soil layers — time constants of days, not observable from a few hours of air readings;
 *   <li>the crop (carbohydrate buffer, leaves, stems, fruit, temperature sums) — it changes over days; a
 *       crop state is corrected by harvest and destructive measurements, not by the climate sensors;
 *   <li>the accumulators (energy, CO2, harvest), which feed nothing back.
 * </ul>
 *
 * <p><b>Process noise</b> ({@link EstimatedState#processNoise}: standard deviation of the hourly random walk
 * by which the model's error moves the state): 0.2 °C for canopy, air, top compartment and pipe rail; 0.1 °C
 * for the covers and the grow pipes, which follow their neighbours; 0.05 °C for the floor (20 mm of concrete,
 * hours); 20 Pa for vapour pressure (about 1 % RH at 20 °C); 50 mg m⁻³ (about 28 ppm) for CO2. A model a
 * little wrong (the leakage 10 % off) drifts from the plant by about this much in an hour; larger values make
 * the estimate follow the sensor noise, smaller ones make it lag a model error. Tuned on the two-day run of
 * {@code LiveTwinTomatoTest}: a first trial with values 2.5 to 10 times larger let the air estimate stray
 * beyond 0.3 °C and made the unmeasured pipe temperature five times worse than the open loop's.
 *
 * <p><b>Initial uncertainty</b>: 3 °C for every temperature, 300 Pa, 400 mg m⁻³ (about 220 ppm): a twin
 * started from yesterday's record or from a default state.
 *
 * <p><b>Sensor noise</b> ({@link #measuringBox()}): 0.2 °C, 2 % RH, 20 ppm — the order of an aspirated
 * measuring box's stated accuracy; give the installed sensors' own figures where they are known.
 */
public final class TomatoEstimation {

    /** The estimated climate states of the tomato greenhouse; see the class comment for the choice. */
    public static final List<EstimatedState> CLIMATE_STATES = List.of(
            new EstimatedState(TomatoModel.T_CAN, 3.0, 0.2),
            new EstimatedState(TomatoModel.T_AIR, 3.0, 0.2),
            new EstimatedState(TomatoModel.T_FLR, 3.0, 0.05),
            new EstimatedState(TomatoModel.T_TOP, 3.0, 0.2),
            new EstimatedState(TomatoModel.T_COV_IN, 3.0, 0.1),
            new EstimatedState(TomatoModel.T_COV_E, 3.0, 0.1),
            new EstimatedState(TomatoModel.T_PIPE, 3.0, 0.2),
            new EstimatedState(TomatoModel.T_GRO_PIPE, 3.0, 0.1),
            new EstimatedState(TomatoModel.VP_AIR, 300.0, 20.0),
            new EstimatedState(TomatoModel.VP_TOP, 300.0, 20.0),
            new EstimatedState(TomatoModel.CO2_AIR, 400.0, 50.0),
            new EstimatedState(TomatoModel.CO2_TOP, 400.0, 50.0));

    private TomatoEstimation() {}

    /** Air temperature below the screens [°C], point {@code air_temperature}. */
    public static Sensor airTemperature(double noiseSd) {
        return new Sensor("air_temperature", "°C", noiseSd, x -> x[TomatoModel.T_AIR]);
    }

    /**
     * Relative humidity below the screens [%], point {@code air_relative_humidity}, with the model's saturation
     * curve ({@link TomatoModel#relativeHumidity}).
     */
    public static Sensor relativeHumidity(double noiseSd) {
        return new Sensor("air_relative_humidity", "%", noiseSd, TomatoModel::relativeHumidity);
    }

    /** Vapour pressure below the screens [Pa], point {@code air_vapour_pressure} (a dew-point sensor's output). */
    public static Sensor vapourPressure(double noiseSd) {
        return new Sensor("air_vapour_pressure", "Pa", noiseSd, x -> x[TomatoModel.VP_AIR]);
    }

    /** CO2 below the screens [ppm], point {@code air_co2} ({@link TomatoModel#co2Ppm(double[])}). */
    public static Sensor co2(double noiseSd) {
        return new Sensor("air_co2", "ppm", noiseSd, TomatoModel::co2Ppm);
    }

    /** Pipe-rail water temperature [°C], point {@code pipe_temperature}. */
    public static Sensor pipeTemperature(double noiseSd) {
        return new Sensor("pipe_temperature", "°C", noiseSd, x -> x[TomatoModel.T_PIPE]);
    }

    /**
     * A measuring box's three readings with the noise used in the tests: air temperature 0.2 °C, relative
     * humidity 2 %, CO2 20 ppm (standard deviations).
     */
    public static List<Sensor> measuringBox() {
        return List.of(airTemperature(0.2), relativeHumidity(2.0), co2(20.0));
    }
}
