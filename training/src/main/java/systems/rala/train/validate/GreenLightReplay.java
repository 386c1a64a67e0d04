package systems.rala.train.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import systems.rala.twin.calibration.FitMetrics;
import systems.rala.twin.model.Variable;
import systems.rala.twin.ode.RosenbrockIntegrator;
import systems.rala.twin.sim.InputSchedule;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.tomato.TomatoModel;
import systems.rala.twin.tomato.TomatoParameters;
import systems.rala.twin.weather.Site;
import systems.rala.twin.weather.WeatherSeries;
import systems.rala.twin.weather.WeatherSeriesBuilder;
import systems.rala.twin.weather.WeatherVariable;

/**
 * Replays a GreenLight v2 output through RALA's tomato model: GreenLight's own weather inputs (as it
 * interpolated them), its actuator trajectories and its state at the first row become RALA's weather,
 * inputs and initial state; RALA's states are then compared with GreenLight's, row by row. The reference is
 * GreenLight's output CSV (its column names; one header row, or GreenLight's three), plain or gzipped.
 */
public final class GreenLightReplay {

    private static final String[] WEATHER = {"iGlob", "tOut", "vpOut", "co2Out", "wind", "tSky", "tSoOut"};
    private static final String[] CONTROLS = {
        "uBoil", "uBoilGro", "uThScr", "uBlScr", "uRoof", "uLamp", "uIntLamp", "uExtCo2"
    };

    private GreenLightReplay() {}

    /** The comparison: per compared state its fit metrics, and the aligned series for plots. */
    public record Result(
            Map<String, FitMetrics> metrics,
            double[] days,
            Map<String, double[]> simulated,
            Map<String, double[]> reference) {}

    /**
     * Replays {@code reference} with the tomato model ({@code hps} or LED parameters), the first row at
     * {@code start} (local standard time), stepping {@code dt} seconds (a divisor of the reference's step).
     */
    public static Result run(Path reference, boolean hps, LocalDateTime start, double elevationM, double dt) {
        Map<String, double[]> cols = readColumns(reference);
        double[] time = cols.get("Time");
        if (time == null) {
            throw new IllegalArgumentException(reference + " has no Time column: not a GreenLight output");
        }
        for (String c : WEATHER) {
            require(cols, c, reference);
        }
        int n = time.length;
        double t0 = time[0];
        double[] rel = new double[n];
        for (int i = 0; i < n; i++) {
            rel[i] = time[i] - t0;
        }
        double refStep = rel[1] - rel[0];
        if (Math.abs(refStep / dt - Math.rint(refStep / dt)) > 1e-9) {
            throw new IllegalArgumentException("dt " + dt + " s must divide the reference's step of " + refStep + " s");
        }
        // weather: GreenLight's interpolated inputs at the reference's grid, read back linearly
        LocalDateTime origin = LocalDateTime.of(start.getYear(), 1, 1, 0, 0);
        double offset = ChronoUnit.MILLIS.between(origin, start) / 1000.0;
        double[] wt = new double[n];
        double[] co2Ppm = new double[n];
        for (int i = 0; i < n; i++) {
            wt[i] = offset + rel[i];
            // GreenLight's co2Out [mg m-3] back to ppm with the converter's own constants
            co2Ppm[i] = cols.get("co2Out")[i] * 8.314 * (cols.get("tOut")[i] + 273.15) / (101325 * 44.01e-3);
        }
        WeatherSeries weather = new WeatherSeriesBuilder()
                .setSite(new Site("GreenLight reference", 52.3, 4.77, elevationM, ZoneOffset.ofHours(1)))
                .setSource(reference.toString())
                .setOrigin(origin, false)
                .setTime(wt)
                .setColumn(WeatherVariable.GLOBAL_RADIATION, nonNegative(cols.get("iGlob")), false)
                .setColumn(WeatherVariable.AIR_TEMPERATURE, cols.get("tOut"), false)
                .setColumn(WeatherVariable.VAPOUR_PRESSURE, cols.get("vpOut"), false)
                .setColumn(WeatherVariable.WIND_SPEED, cols.get("wind"), false)
                .setColumn(WeatherVariable.SKY_TEMPERATURE, cols.get("tSky"), false)
                .setColumn(WeatherVariable.SOIL_TEMPERATURE, cols.get("tSoOut"), false)
                .setColumn(WeatherVariable.CO2, co2Ppm, false)
                .build();
        TomatoModel model = new TomatoModel(
                hps ? "tomato-hps" : "tomato-led",
                (hps ? TomatoParameters.katzin2021Hps() : TomatoParameters.katzin2021Led())
                        .with("hElevation", elevationM));
        Map<String, double[]> controls = new HashMap<>();
        for (String c : CONTROLS) {
            double[] v = cols.get(c);
            if (v != null) {
                double[] clipped = new double[n];
                for (int i = 0; i < n; i++) {
                    clipped[i] = Math.max(0, Math.min(1, v[i])); // GreenLight's sigmoids overshoot by rounding
                }
                controls.put(c, clipped);
            }
        }
        InputSchedule schedule = InputSchedule.of(model, rel, controls, reference.toString());
        // initial state: GreenLight's state at the first row
        double[] x0 = new double[TomatoModel.DIMENSION];
        model.initialState(x0);
        List<Variable> states = model.states();
        List<String> compared = new ArrayList<>();
        for (int i = 0; i < TomatoModel.PHYSICAL_STATES; i++) {
            double[] v = cols.get(states.get(i).name());
            if (v != null) {
                x0[i] = v[0];
                compared.add(states.get(i).name());
            }
        }
        Simulation sim = Simulation.of(model, weather, start, Simulation.defaultIntegrator(), x0);
        int perRow = (int) Math.rint(refStep / dt);
        Map<String, double[]> simulated = new LinkedHashMap<>();
        for (String s : compared) {
            simulated.put(s, new double[n]);
        }
        double[] u = new double[model.inputs().size()];
        for (int i = 0; i < n; i++) {
            for (String s : compared) {
                simulated.get(s)[i] = sim.state(model.stateIndex(s));
            }
            if (i == n - 1) {
                break;
            }
            for (int k = 0; k < perRow; k++) {
                double t = sim.time();
                schedule.meanOver(t, t + dt, u);
                sim.setInputs(u);
                sim.step(dt);
            }
        }
        Map<String, FitMetrics> metrics = new LinkedHashMap<>();
        Map<String, double[]> ref = new LinkedHashMap<>();
        for (String s : compared) {
            ref.put(s, cols.get(s));
            metrics.put(s, FitMetrics.of(simulated.get(s), cols.get(s), 0));
        }
        double[] days = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = rel[i] / 86_400.0;
        }
        return new Result(metrics, days, simulated, ref);
    }

    /** The default integrator is used; this one is for studies of the integrator's share of the difference. */
    static RosenbrockIntegrator integrator() {
        return Simulation.defaultIntegrator();
    }

    private static double[] nonNegative(double[] v) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(0, out[i]);
        }
        return out;
    }

    private static void require(Map<String, double[]> cols, String name, Path file) {
        if (!cols.containsKey(name)) {
            throw new IllegalArgumentException(file + " has no column " + name + " (GreenLight's weather input)");
        }
    }

    /** Reads a GreenLight output CSV into named numeric columns (skipping its description and unit rows). */
    static Map<String, double[]> readColumns(Path file) {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String headerLine = r.readLine();
            if (headerLine == null) {
                throw new IllegalArgumentException(file + " is empty");
            }
            String[] header = headerLine.replace("\uFEFF", "").split(",", -1);
            List<double[]> rows = new ArrayList<>();
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                double[] v = new double[header.length];
                boolean numeric = true;
                for (int c = 0; c < header.length && c < f.length; c++) {
                    try {
                        v[c] = f[c].isBlank() ? Double.NaN : Double.parseDouble(f[c]);
                    } catch (NumberFormatException e) {
                        numeric = false;
                        break;
                    }
                }
                if (!numeric) {
                    if (rows.isEmpty()) {
                        continue; // GreenLight's description and unit rows
                    }
                    throw new IllegalArgumentException(file + ":" + lineNo + ": not a numeric row");
                }
                rows.add(v);
            }
            Map<String, double[]> cols = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                double[] col = new double[rows.size()];
                for (int i = 0; i < col.length; i++) {
                    col[i] = rows.get(i)[c];
                }
                cols.put(header[c].strip(), col);
            }
            return cols;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
