package systems.rala.train.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import systems.rala.env.plant.ClosedLoop;
import systems.rala.train.report.Charts;
import systems.rala.train.report.Progress;
import systems.rala.twin.accounting.KpiCalculator;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Variable;
import systems.rala.twin.prices.PriceSampler;
import systems.rala.twin.sim.InputSchedule;
import systems.rala.twin.sim.Simulation;
import systems.rala.twin.weather.WeatherVariable;

/**
 * One simulated season: a model on its weather, driven by a controller or by recorded inputs, writing
 * {@code trajectory.csv} (every state, input and weather variable with its unit in the header), collecting
 * the KPIs and the series for the plots.
 */
final class SimulationRun {

    private final PlantKind kind;
    private final Simulation sim;
    private final ClosedLoop loop;
    private final InputSchedule schedule;
    private final PriceSampler prices;
    private final double dt;
    private final long steps;
    private final int recordEvery;
    private final KpiCalculator kpi;
    private final Map<String, SeriesBuffer> series = new LinkedHashMap<>();
    private final SeriesBuffer days = new SeriesBuffer();

    SimulationRun(
            PlantKind kind,
            Simulation sim,
            ClosedLoop loop,
            InputSchedule schedule,
            PriceSampler prices,
            double dt,
            long steps,
            int recordEvery) {
        this.kind = kind;
        this.sim = sim;
        this.loop = loop;
        this.schedule = schedule;
        this.prices = prices;
        this.dt = dt;
        this.steps = steps;
        this.recordEvery = recordEvery;
        this.kpi = new KpiCalculator(kind.economics(), kind.bounds());
    }

    /** Runs all steps, streaming the trajectory to {@code csv}; returns the KPI calculator. */
    KpiCalculator run(Path csv, Progress progress) {
        GreenhouseModel model = sim.model();
        List<Variable> states = model.states();
        List<Variable> inputs = model.inputs();
        WeatherVariable[] weatherVars = WeatherVariable.values();
        double[] u = new double[inputs.size()];
        double[] before = new double[5];
        double[] after = new double[5];
        double[] climate = new double[4];
        int plotEvery = (int) Math.max(1, Math.ceil(steps / 8000.0));
        long start = System.nanoTime();
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("time[s],local_time");
            for (Variable v : states) {
                header.append(',').append(v.header());
            }
            for (Variable v : inputs) {
                header.append(',').append(v.header());
            }
            for (WeatherVariable v : weatherVars) {
                header.append(",outdoor_").append(v.header());
            }
            w.write(header.append('\n').toString());
            StringBuilder row = new StringBuilder(1024);
            for (long k = 0; k <= steps; k++) {
                double t = sim.time();
                if (k < steps) {
                    if (schedule != null) {
                        schedule.meanOver(t, t + dt, u);
                        sim.setInputs(u);
                    } else {
                        loop.decide();
                    }
                }
                if (k % recordEvery == 0 || k == steps) {
                    writeRow(w, row, states.size(), inputs.size());
                }
                if (k % plotEvery == 0 || k == steps) {
                    record(states, inputs);
                }
                if (k == steps) {
                    break;
                }
                kind.cumulative(sim, before);
                kind.beforeStep(sim, dt);
                double elecPrice = prices.electricityEurPerKwh(t);
                double gasPrice = prices.gasEurPerKwh(t);
                double co2Price = prices.co2EurPerKg(t);
                sim.step(dt);
                kind.cumulative(sim, after);
                kind.climate(sim, climate);
                kpi.add(
                        dt,
                        after[0] - before[0],
                        after[1] - before[1],
                        after[2] - before[2],
                        after[3] - before[3],
                        after[4] - before[4],
                        elecPrice,
                        gasPrice,
                        co2Price,
                        climate[0],
                        climate[1],
                        climate[2],
                        climate[3]);
                if (progress != null) {
                    progress.update(k + 1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
        kpi.setWallSeconds((System.nanoTime() - start) / 1e9);
        return kpi;
    }

    private void writeRow(BufferedWriter w, StringBuilder row, int nStates, int nInputs) throws IOException {
        row.setLength(0);
        row.append(String.format(Locale.ROOT, "%.0f", sim.time())).append(',').append(sim.localTime());
        double[] x = sim.stateView();
        for (int i = 0; i < nStates; i++) {
            row.append(',').append(format(x[i]));
        }
        for (int i = 0; i < nInputs; i++) {
            row.append(',').append(format(sim.input(i)));
        }
        double[] d = sim.weatherNow();
        for (double v : d) {
            row.append(',').append(format(v));
        }
        w.write(row.append('\n').toString());
    }

    private static String format(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, "%.7g", v);
    }

    private void record(List<Variable> states, List<Variable> inputs) {
        days.add(sim.time() / 86_400.0);
        double[] x = sim.stateView();
        for (int i = 0; i < states.size(); i++) {
            buffer(states.get(i).name()).add(x[i]);
        }
        for (int i = 0; i < inputs.size(); i++) {
            buffer(inputs.get(i).name()).add(sim.input(i));
        }
        double[] d = sim.weatherNow();
        for (WeatherVariable v : WeatherVariable.values()) {
            buffer("outdoor " + v.key()).add(d[v.ordinal()]);
        }
        for (PlantKind.Derived dv : kind.derived()) {
            buffer(dv.name()).add(dv.value().applyAsDouble(sim));
        }
    }

    private SeriesBuffer buffer(String name) {
        return series.computeIfAbsent(name, n -> new SeriesBuffer());
    }

    /** Writes the plant kind's plots into {@code dir}. */
    List<Path> plot(Path dir) {
        List<Path> written = new ArrayList<>();
        double[] time = days.toArray();
        for (PlantKind.PlotSpec p : kind.plots()) {
            List<Charts.Panel> panels = new ArrayList<>();
            for (PlantKind.PanelSpec ps : p.panels()) {
                List<Charts.Line> lines = new ArrayList<>();
                for (String name : ps.series()) {
                    SeriesBuffer b = series.get(name);
                    if (b != null) {
                        lines.add(new Charts.Line(name, b.toArray()));
                    }
                }
                panels.add(new Charts.Panel(ps.axisLabel(), lines));
            }
            Path png = dir.resolve(p.file());
            Charts.write(
                    png,
                    p.title(),
                    "day of run (from " + sim.start().toLocalDate() + ")",
                    time,
                    panels,
                    1200,
                    400 * p.panels().size());
            written.add(png);
        }
        return written;
    }

    /** A growable array of doubles. */
    private static final class SeriesBuffer {
        private double[] data = new double[1024];
        private int size;

        void add(double v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
