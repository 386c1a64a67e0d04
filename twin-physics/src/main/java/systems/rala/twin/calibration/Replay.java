package systems.rala.twin.calibration;

import java.util.LinkedHashMap;
import java.util.Map;
import systems.rala.twin.model.Parameters;
import systems.rala.twin.physics.Psychrometrics;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;

/**
 * The tomato twin driven by a {@link History}: its weather and its measured actuator positions (each row's
 * value held until the next row, gaps bridged by the last value; inputs the history lacks are 0), from the first row, one control step per
 * row. The crop and the climate states start from the model's initial state with the air temperature,
 * vapour pressure and CO2 of the first measured row; the first {@code warm-up} rows of a window let the
 * unmeasured states (covers, floor, soil, pipes) settle before scoring.
 */
public final class Replay {

    private Replay() {}

    /**
     * Simulates the rows {@code [0, toRow)} with {@code params} and returns the simulated measured
     * variables, one value per row (°C, %, ppm).
     */
    public static Map<String, double[]> run(String modelId, Parameters params, History h, int toRow) {
        if (toRow < 2 || toRow > h.times().length) {
            throw new IllegalArgumentException("replay to row " + toRow + " outside [2, " + h.times().length + "]");
        }
        TomatoModel model = new TomatoModel(modelId, params);
        double dt = h.stepSeconds();
        int[] index = new int[h.inputs().size()];
        double[][] cols = new double[index.length][];
        int c = 0;
        for (Map.Entry<String, double[]> e : h.inputs().entrySet()) {
            index[c] = model.inputIndex(e.getKey()); // an unknown input fails here, naming the model's inputs
            cols[c++] = bridged(e.getValue(), toRow);
        }
        double[] x0 = new double[TomatoModel.DIMENSION];
        model.initialState(x0);
        double t0 = first(h.measured().get("air_temperature"), x0[TomatoModel.T_AIR]);
        for (int i : new int[] {TomatoModel.T_AIR, TomatoModel.T_TOP, TomatoModel.T_CAN}) {
            x0[i] = t0;
        }
        double rh0 = first(h.measured().get("air_relative_humidity"), Double.NaN);
        if (!Double.isNaN(rh0)) {
            x0[TomatoModel.VP_AIR] = rh0 / 100 * Psychrometrics.saturationVapourPressureTetens(t0);
            x0[TomatoModel.VP_TOP] = x0[TomatoModel.VP_AIR];
        }
        double co20 = first(h.measured().get("air_co2"), Double.NaN);
        if (!Double.isNaN(co20)) {
            x0[TomatoModel.CO2_AIR] = TomatoModel.co2MgPerM3(co20, t0);
            x0[TomatoModel.CO2_TOP] = x0[TomatoModel.CO2_AIR];
        }
        Simulation sim = Simulation.of(model, h.weather(), h.times()[0], Simulation.defaultIntegrator(), x0);
        double[] tAir = new double[toRow];
        double[] rh = new double[toRow];
        double[] co2 = new double[toRow];
        double[] u = new double[model.inputs().size()];
        for (int i = 0; i < toRow; i++) {
            double[] x = sim.stateView();
            tAir[i] = x[TomatoModel.T_AIR];
            rh[i] = TomatoModel.relativeHumidity(x);
            co2[i] = TomatoModel.co2Ppm(x[TomatoModel.CO2_AIR], x[TomatoModel.T_AIR]);
            if (i + 1 < toRow) {
                for (int k = 0; k < index.length; k++) {
                    u[index[k]] = cols[k][i]; // held until the next row, as a climate computer holds its outputs
                }
                sim.setInputs(u);
                sim.step(dt);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        out.put("air_temperature", tAir);
        out.put("air_relative_humidity", rh);
        out.put("air_co2", co2);
        return out;
    }

    /**
     * Fit metrics of {@code simulated} against the history's measurements over rows {@code [from, to)},
     * skipping rows without a measurement; {@code p} fitted parameters (ASHRAE Guideline 14).
     */
    public static Map<String, FitMetrics> metrics(Map<String, double[]> simulated, History h, int from, int to, int p) {
        Map<String, FitMetrics> m = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : h.measured().entrySet()) {
            double[] meas = e.getValue();
            double[] sim = simulated.get(e.getKey());
            int n = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(meas[i])) {
                    n++;
                }
            }
            double[] a = new double[n];
            double[] b = new double[n];
            int k = 0;
            for (int i = from; i < to; i++) {
                if (!Double.isNaN(meas[i])) {
                    a[k] = sim[i];
                    b[k++] = meas[i];
                }
            }
            m.put(e.getKey(), FitMetrics.of(a, b, p));
        }
        return m;
    }

    /** The first {@code n} values with gaps filled by the last value (leading gaps by the first value). */
    static double[] bridged(double[] v, int n) {
        double[] out = new double[n];
        double last = first(v, 0);
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(v[i])) {
                last = v[i];
            }
            out[i] = last;
        }
        return out;
    }

    private static double first(double[] v, double def) {
        if (v != null) {
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    return x;
                }
            }
        }
        return def;
    }
}
