package systems.rala.twin.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import systems.rala.twin.io.CsvTable;
import systems.rala.twin.io.InputFormatException;
import systems.rala.twin.model.GreenhouseModel;
import systems.rala.twin.model.Variable;

/**
 * Recorded actuator inputs to replay through a model instead of a controller — how a model is validated
 * against measurements or against another simulator. A CSV with a {@code time} column (seconds since the
 * start of the simulation; {@code Time} is accepted too) and one column per model input, named as the model
 * names it. Between rows an input is linear in time; over a control step the model receives the exact mean
 * of that line over the step, the best constant stand-in for a value that varies within the step. Inputs the
 * file lacks are held at 0 and listed in {@link #missing()}.
 */
public final class InputSchedule {

    private final double[] time;
    private final double[][] values; // [input][row], null when missing
    private final double[][] cumulative; // [input][row]: integral from time[0] to time[row]
    private final List<String> missing;
    private final double[] min;
    private final double[] max;
    private final String source;

    private InputSchedule(
            String source, double[] time, double[][] values, List<String> missing, double[] min, double[] max) {
        this.source = source;
        this.min = min;
        this.max = max;
        this.time = time;
        this.values = values;
        this.missing = List.copyOf(missing);
        this.cumulative = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            double[] v = values[i];
            if (v != null) {
                double[] c = new double[time.length];
                for (int j = 1; j < time.length; j++) {
                    c[j] = c[j - 1] + 0.5 * (v[j] + v[j - 1]) * (time[j] - time[j - 1]);
                }
                cumulative[i] = c;
            }
        }
    }

    /**
     * A schedule from columns already in memory: {@code time} [s since the start], and per input name its
     * values (inputs not in {@code columns} are held at 0). Values are checked against the inputs' bounds.
     */
    public static InputSchedule of(
            GreenhouseModel model, double[] time, java.util.Map<String, double[]> columns, String source) {
        for (int r = 1; r < time.length; r++) {
            if (!(time[r] > time[r - 1])) {
                throw new IllegalArgumentException(
                        source + ": time " + time[r] + " s is not after " + time[r - 1] + " s");
            }
        }
        List<Variable> inputs = model.inputs();
        double[][] values = new double[inputs.size()][];
        List<String> missing = new ArrayList<>();
        double[] min = new double[inputs.size()];
        double[] max = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            Variable in = inputs.get(i);
            min[i] = in.min();
            max[i] = in.max();
            double[] v = columns.get(in.name());
            if (v == null) {
                missing.add(in.name());
                continue;
            }
            if (v.length != time.length) {
                throw new IllegalArgumentException(
                        source + ": input " + in.name() + " has " + v.length + " values for " + time.length + " times");
            }
            for (int r = 0; r < v.length; r++) {
                if (!(v[r] >= in.min() && v[r] <= in.max())) {
                    throw new IllegalArgumentException(source + ": input " + in.name() + " = " + v[r] + " at " + time[r]
                            + " s is outside [" + in.min() + ", " + in.max() + "]");
                }
            }
            values[i] = v.clone();
        }
        return new InputSchedule(source, time.clone(), values, missing, min, max);
    }

    /** Reads {@code file} for the inputs of {@code model}; every value is checked against its input's bounds. */
    public static InputSchedule read(Path file, GreenhouseModel model) {
        CsvTable t = CsvTable.read(file, StandardCharsets.UTF_8, ',', 1);
        if (t.rowCount() < 2) {
            throw new InputFormatException(file, 0, null, null, "needs at least 2 rows of inputs, has " + t.rowCount());
        }
        int timeCol = -1;
        for (int c = 0; c < t.header().size(); c++) {
            String h = t.header().get(c).strip();
            if (h.equalsIgnoreCase("time")
                    || h.toLowerCase(java.util.Locale.ROOT).startsWith("time[")) {
                timeCol = c;
            }
        }
        if (timeCol < 0) {
            throw new InputFormatException(
                    file, 1, null, null, "no time column (seconds since the start); header is " + t.header());
        }
        int n = t.rowCount();
        double[] time = column(t, timeCol, "time", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        for (int r = 1; r < n; r++) {
            if (!(time[r] > time[r - 1])) {
                throw new InputFormatException(
                        file,
                        t.line(r),
                        (timeCol + 1) + " (time)",
                        t.row(r)[timeCol],
                        "not after the previous row's time; rows must be in time order");
            }
        }
        List<Variable> inputs = model.inputs();
        double[][] values = new double[inputs.size()][];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Variable in = inputs.get(i);
            int col = -1;
            for (int c = 0; c < t.header().size(); c++) {
                String h = t.header().get(c).strip();
                if (h.equals(in.name()) || h.startsWith(in.name() + "[")) {
                    col = c;
                }
            }
            if (col < 0) {
                missing.add(in.name());
            } else {
                values[i] = column(t, col, in.name(), in.min(), in.max());
            }
        }
        if (missing.size() == inputs.size()) {
            throw new InputFormatException(
                    file,
                    1,
                    null,
                    null,
                    "names none of the inputs of model " + model.id() + ": "
                            + inputs.stream().map(Variable::name).toList());
        }
        double[] min = new double[inputs.size()];
        double[] max = new double[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            min[i] = inputs.get(i).min();
            max[i] = inputs.get(i).max();
        }
        return new InputSchedule(file.toString(), time, values, missing, min, max);
    }

    private static double[] column(CsvTable t, int c, String what, double min, double max) {
        double[] v = new double[t.rowCount()];
        for (int r = 0; r < v.length; r++) {
            String[] row = t.row(r);
            if (c >= row.length) {
                throw new InputFormatException(t.file(), t.line(r), (c + 1) + " (" + what + ")", null, "missing");
            }
            String s = row[c].strip();
            try {
                v[r] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new InputFormatException(t.file(), t.line(r), (c + 1) + " (" + what + ")", s, "not a number");
            }
            if (!(v[r] >= min && v[r] <= max)) {
                throw new InputFormatException(
                        t.file(), t.line(r), (c + 1) + " (" + what + ")", s, "outside [" + min + ", " + max + "]");
            }
        }
        return v;
    }

    /** Inputs the file does not have (held at 0). */
    public List<String> missing() {
        return missing;
    }

    /** Checks that the schedule covers [0, duration] s; an error naming both ranges if not. */
    public void requireCovers(double durationSeconds) {
        if (time[0] > 0 || time[time.length - 1] < durationSeconds) {
            throw new IllegalArgumentException("inputs " + source + " cover " + time[0] + " to " + time[time.length - 1]
                    + " s; the simulation needs 0 to " + durationSeconds + " s");
        }
    }

    /** Fills {@code out} with each input's mean over [t0, t1] s. */
    public void meanOver(double t0, double t1, double[] out) {
        for (int i = 0; i < out.length; i++) {
            // the mean of values within bounds lies within them; clamp away the rounding of the integrals
            out[i] = values[i] == null
                    ? 0.0
                    : Math.max(min[i], Math.min(max[i], (integral(i, t1) - integral(i, t0)) / (t1 - t0)));
        }
    }

    /** Integral of input {@code in}'s interpolant from time[0] to x (held constant outside the data). */
    private double integral(int in, double x) {
        double[] v = values[in];
        int n = time.length;
        if (x <= time[0]) {
            return (x - time[0]) * v[0];
        }
        int i = Arrays.binarySearch(time, x);
        int k = i >= 0 ? i : -i - 2; // time[k] <= x
        double sum = cumulative[in][Math.min(k, n - 1)];
        if (k >= n - 1) {
            return sum + (x - time[n - 1]) * v[n - 1];
        }
        double w = (x - time[k]) / (time[k + 1] - time[k]);
        double vx = v[k] + w * (v[k + 1] - v[k]);
        return sum + 0.5 * (v[k] + vx) * (x - time[k]);
    }
}
