package systems.rala.twin.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;

/**
 * Sensitivity screening by elementary effects: which parameters move which output, at a cost of r(k + 1)
 * model runs for k parameters, before a calibration spends its budget on the ones that matter.
 *
 * <p><b>Method.</b> Each screened parameter is mapped to [0, 1] over its {@link ParameterRange} and sampled
 * on the grid of p levels {0, 1/(p − 1), …, 1}. The design is a set of r groups of k + 1 points in which
 * consecutive points (trajectory) or each point and the group's first (radial) differ in one parameter only.
 * The elementary effect of parameter i is EE_i = [y(x + δ e_i) − y(x)] / δ, with δ the change of x_i in
 * [0, 1] coordinates: the change of the output over the parameter's whole range, if the output were linear
 * in it. Per output and parameter the r effects give
 *
 * <ul>
 *   <li>μ, their mean (Morris 1991; effects of opposite sign cancel in it),
 *   <li>μ*, the mean of their absolute values (Campolongo, Cariboni &amp; Saltelli 2007): the measure of
 *       importance; its standard error sd(|EE|)/√r says how well r resolves it,
 *   <li>σ, their standard deviation (divisor r − 1): 0 for a parameter whose effect is linear and additive,
 *       large when it interacts with other parameters or is non-linear (Morris 1991),
 *   <li>μ* / s, with s the standard deviation of the output over all the design's runs: μ* in units of the
 *       output's own spread, so that rankings of outputs with different units compare (after the scaling of
 *       Sin &amp; Gernaey 2009, who multiply effects by σ_x/σ_y; here the effect is already per full range).
 * </ul>
 *
 * <p><b>Designs.</b> {@link Design#TRAJECTORY} is Morris (1991): a random base point on the levels {0, …, 1 −
 * Δ}, Δ = p / (2(p − 1)), then each parameter in random order moved once by +Δ or −Δ, so every point lies on
 * the grid and every level is equally likely (p even). {@link Design#RADIAL} is the design of Campolongo,
 * Saltelli &amp; Cariboni (2011): a random base point a and auxiliary point b on the grid, b_i ≠ a_i, and point
 * i equal to a with its i-th coordinate taken from b; each effect is measured from the same base point. With
 * {@link Builder#spreadCandidates} the r groups are chosen among more random candidates to maximise their
 * spread, the sum of the squared distances of Campolongo et al. (2007) eq. 3 — greedily, dropping the
 * candidate nearest the others until r remain, instead of their exhaustive search, which grows
 * combinatorially.
 *
 * <p><b>Running.</b> {@link #run} evaluates the design's points on a pool of {@link Builder#threads} threads;
 * each evaluation gets its own {@link Parameters} and builds its own model, so nothing mutable is shared.
 * Results depend on the seed only, never on the thread count or the order evaluations finish in. To evaluate
 * elsewhere (a cluster), take {@link #points()}, run them, and pass the outputs to {@link #analyse}.
 *
 * <p>References: M. D. Morris (1991), Factorial sampling plans for preliminary computational experiments,
 * Technometrics 33(2):161–174. F. Campolongo, J. Cariboni, A. Saltelli (2007), An effective screening design
 * for sensitivity analysis of large models, Environmental Modelling &amp; Software 22:1509–1518. F.
 * Campolongo, A. Saltelli, J. Cariboni (2011), From screening to quantitative sensitivity analysis. A unified
 * approach, Computer Physics Communications 182:978–988. G. Sin, K. V. Gernaey (2009), Improving the Morris
 * method for sensitivity analysis by scaling the elementary effects, Computer Aided Chemical Engineering
 * 26:925–930.
 */
public final class MorrisScreening {

    /** How the points of one group are laid out. */
    public enum Design {
        /** Morris (1991): each point moves one parameter from the previous point by ±Δ. */
        TRAJECTORY,
        /** Campolongo et al. (2011): each point moves one parameter from the group's base point. */
        RADIAL
    }

    /** Told after every finished evaluation; called on the thread that called {@link #run}, one call at a time. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} evaluations have finished. */
        void update(int done, int total);
    }

    private final Parameters base;
    private final List<ParameterRange> ranges;
    private final int levels;
    private final int trajectories;
    private final int candidates;
    private final int threads;
    private final long seed;
    private final Design design;
    /** [point][parameter] in [0, 1]. */
    private final double[][] unit;

    private MorrisScreening(Builder b) {
        this.base = b.base;
        this.ranges = List.copyOf(b.ranges);
        this.levels = b.levels;
        this.trajectories = b.trajectories;
        this.candidates = b.candidates;
        this.threads = b.threads;
        this.seed = b.seed;
        this.design = b.design;
        this.unit = generate();
    }

    /**
     * A screening of parameters of the model whose parameter set is {@code base}: the parameters not varied
     * keep their values in {@code base}, and every range is checked against the parameters' declared ranges.
     */
    public static Builder builder(Parameters base) {
        return new Builder(base);
    }

    /** The screened parameters and their ranges, in the order of {@link #points()}'s columns. */
    public List<ParameterRange> parameters() {
        return ranges;
    }

    /** Number of model evaluations the design needs: r(k + 1). */
    public int evaluations() {
        return unit.length;
    }

    /** The design: one row per evaluation, the screened parameters' values in their units (a copy). */
    public double[][] points() {
        double[][] p = new double[unit.length][ranges.size()];
        for (int n = 0; n < unit.length; n++) {
            for (int i = 0; i < ranges.size(); i++) {
                p[n][i] = ranges.get(i).at(unit[n][i]);
            }
        }
        return p;
    }

    /** The design in [0, 1] coordinates (a copy), for tests of its layout. */
    double[][] unitPoints() {
        double[][] c = new double[unit.length][];
        for (int n = 0; n < unit.length; n++) {
            c[n] = unit[n].clone();
        }
        return c;
    }

    /** The full parameter set of evaluation {@code point}: the base set with the screened values applied. */
    public Parameters parameterSet(int point) {
        return base.with(values(point));
    }

    /** Evaluates the design and analyses it; see {@link #run(Objective, Progress)}. */
    public MorrisResult run(Objective objective) {
        return run(objective, (done, total) -> {});
    }

    /**
     * Evaluates {@code objective} at every point of the design, in parallel, and analyses the outputs.
     *
     * @throws ScreeningException if an evaluation throws or returns a wrong or non-finite output; the
     *     evaluations not yet started are then cancelled
     * @throws CancellationException if the calling thread is interrupted while it waits (its interrupt flag is
     *     set again)
     */
    public MorrisResult run(Objective objective, Progress progress) {
        List<String> outputs = checkNames(objective.outputs());
        int total = unit.length;
        double[][] y = new double[total][];
        if (threads == 1) {
            for (int n = 0; n < total; n++) {
                y[n] = evaluate(objective, outputs, n);
                progress.update(n + 1, total);
            }
            return analyse(outputs, y);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "morris-screening-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int n = 0; n < total; n++) {
                int point = n;
                done.submit(() -> {
                    y[point] = evaluate(objective, outputs, point);
                    return point;
                });
            }
            for (int finished = 1; finished <= total; finished++) {
                Future<Integer> f = done.take();
                try {
                    f.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("Morris screening: an evaluation failed", cause);
                }
                progress.update(finished, total);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("Morris screening interrupted");
            c.initCause(e);
            throw c;
        } finally {
            pool.shutdownNow();
        }
        return analyse(outputs, y);
    }

    /**
     * Elementary-effect statistics from outputs computed elsewhere: {@code y[n]} holds the outputs (named by
     * {@code outputs}, in order) of the evaluation at {@code points()[n]}.
     */
    public MorrisResult analyse(List<String> outputs, double[][] y) {
        List<String> names = checkNames(outputs);
        if (y.length != unit.length) {
            throw new IllegalArgumentException(
                    "outputs of " + y.length + " evaluations given; the design has " + unit.length);
        }
        for (int n = 0; n < y.length; n++) {
            checkOutputs(n, names, y[n]);
        }
        int k = ranges.size();
        int groupSize = k + 1;
        List<MorrisResult.OutputEffects> perOutput = new ArrayList<>();
        for (int o = 0; o < names.size(); o++) {
            double[][] ee = new double[k][trajectories];
            for (int g = 0; g < trajectories; g++) {
                int first = g * groupSize;
                for (int s = 1; s < groupSize; s++) {
                    int to = first + s;
                    int from = design == Design.TRAJECTORY ? to - 1 : first;
                    int i = movedParameter(from, to);
                    ee[i][g] = (y[to][o] - y[from][o]) / (unit[to][i] - unit[from][i]);
                }
            }
            double scale = sampleStandardDeviation(column(y, o));
            List<MorrisResult.ParameterEffect> effects = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                double[] e = ee[i];
                double[] abs = Arrays.stream(e).map(Math::abs).toArray();
                double muStar = mean(abs);
                effects.add(new MorrisResult.ParameterEffect(
                        ranges.get(i).name(),
                        mean(e),
                        muStar,
                        sampleStandardDeviation(e),
                        sampleStandardDeviation(abs) / Math.sqrt(e.length),
                        scale > 0 ? muStar / scale : 0.0,
                        Arrays.stream(e).boxed().toList()));
            }
            perOutput.add(new MorrisResult.OutputEffects(names.get(o), scale, effects));
        }
        return new MorrisResult(design, levels, trajectories, seed, unit.length, ranges, perOutput);
    }

    private static List<String> checkNames(List<String> outputs) {
        List<String> names = List.copyOf(outputs);
        if (names.isEmpty() || names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("outputs " + names + ": need at least one name and no name twice");
        }
        return names;
    }

    private double[] evaluate(Objective objective, List<String> outputs, int point) {
        Parameters p = parameterSet(point);
        double[] out;
        try {
            out = objective.evaluate(p);
        } catch (RuntimeException e) {
            throw new ScreeningException(point, unit.length, values(point), "the objective failed: " + e, e);
        }
        checkOutputs(point, outputs, out);
        return out.clone();
    }

    private void checkOutputs(int point, List<String> outputs, double[] out) {
        if (out == null || out.length != outputs.size()) {
            throw new ScreeningException(
                    point,
                    unit.length,
                    values(point),
                    (out == null ? "no outputs" : out.length + " outputs") + " returned; expected " + outputs.size()
                            + " " + outputs,
                    null);
        }
        for (int o = 0; o < out.length; o++) {
            if (!Double.isFinite(out[o])) {
                throw new ScreeningException(
                        point,
                        unit.length,
                        values(point),
                        "output " + outputs.get(o) + " is " + out[o] + ", not finite",
                        null);
            }
        }
    }

    private Map<String, Double> values(int point) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            v.put(ranges.get(i).name(), ranges.get(i).at(unit[point][i]));
        }
        return v;
    }

    private int movedParameter(int from, int to) {
        for (int i = 0; i < ranges.size(); i++) {
            if (unit[from][i] != unit[to][i]) {
                return i;
            }
        }
        throw new IllegalStateException("points " + from + " and " + to + " do not differ"); // the design forbids it
    }

    // --- the design

    private double[][] generate() {
        SplittableRandom rng = new SplittableRandom(seed);
        int m = Math.max(candidates, trajectories);
        List<double[][]> groups = new ArrayList<>(m);
        for (int g = 0; g < m; g++) {
            groups.add(design == Design.TRAJECTORY ? trajectory(rng) : radial(rng));
        }
        if (m > trajectories) {
            groups = mostSpread(groups, trajectories);
        }
        int k = ranges.size();
        double[][] points = new double[trajectories * (k + 1)][];
        int n = 0;
        for (double[][] g : groups) {
            for (double[] x : g) {
                points[n++] = x;
            }
        }
        return points;
    }

    private double level(int j) {
        return j / (double) (levels - 1);
    }

    /** Morris (1991): B* = (J x* + Δ/2 [(2B − J) D* + J]) P*, built row by row. */
    private double[][] trajectory(SplittableRandom rng) {
        int k = ranges.size();
        int[] order = permutation(rng, k);
        double[] start = new double[k];
        double[] end = new double[k];
        for (int i = 0; i < k; i++) {
            int j = rng.nextInt(levels / 2); // x* in {0, …, 1 − Δ}
            double low = level(j);
            double high = level(j + levels / 2); // x* + Δ: Δ is p/2 grid intervals
            boolean up = rng.nextBoolean(); // D*_ii = +1: from x* up to x* + Δ
            start[i] = up ? low : high;
            end[i] = up ? high : low;
        }
        double[][] t = new double[k + 1][];
        t[0] = start.clone();
        for (int s = 0; s < k; s++) {
            t[s + 1] = t[s].clone();
            t[s + 1][order[s]] = end[order[s]];
        }
        return t;
    }

    private double[][] radial(SplittableRandom rng) {
        int k = ranges.size();
        double[] a = new double[k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            int la = rng.nextInt(levels);
            int lb = rng.nextInt(levels - 1);
            a[i] = level(la);
            b[i] = level(lb >= la ? lb + 1 : lb); // any other level, each equally likely
        }
        double[][] r = new double[k + 1][];
        r[0] = a;
        for (int i = 0; i < k; i++) {
            r[i + 1] = a.clone();
            r[i + 1][i] = b[i];
        }
        return r;
    }

    private static int[] permutation(SplittableRandom rng, int k) {
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /**
     * The {@code keep} groups of {@code candidates} with the largest spread D² = Σ d_ml² (Campolongo et al.
     * 2007 eq. 3, d_ml the sum of the Euclidean distances between the points of groups m and l), greedily:
     * removing a group lowers D² by the sum of its d² to the groups left, so the group with the smallest sum
     * goes first. Kept groups stay in their generated order.
     */
    static List<double[][]> mostSpread(List<double[][]> candidates, int keep) {
        int m = candidates.size();
        double[][] d2 = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double d = groupDistance(candidates.get(a), candidates.get(b));
                d2[a][b] = d * d;
                d2[b][a] = d * d;
            }
        }
        boolean[] removed = new boolean[m];
        double[] sum = new double[m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                sum[a] += d2[a][b];
            }
        }
        for (int left = m; left > keep; left--) {
            int worst = -1;
            for (int a = 0; a < m; a++) {
                if (!removed[a] && (worst < 0 || sum[a] < sum[worst])) {
                    worst = a;
                }
            }
            removed[worst] = true;
            for (int a = 0; a < m; a++) {
                sum[a] -= d2[a][worst];
            }
        }
        List<double[][]> kept = new ArrayList<>(keep);
        for (int a = 0; a < m; a++) {
            if (!removed[a]) {
                kept.add(candidates.get(a));
            }
        }
        return kept;
    }

    /** d_ml of Campolongo et al. (2007) eq. 3. */
    static double groupDistance(double[][] g1, double[][] g2) {
        double d = 0;
        for (double[] x : g1) {
            for (double[] z : g2) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                    double dx = x[i] - z[i];
                    s += dx * dx;
                }
                d += Math.sqrt(s);
            }
        }
        return d;
    }

    /** The spread D of a design's groups (Campolongo et al. 2007 eq. 3): √Σ_{m<l} d_ml². */
    static double spread(double[][] points, int groupSize) {
        List<double[][]> groups = new ArrayList<>();
        for (int first = 0; first < points.length; first += groupSize) {
            groups.add(Arrays.copyOfRange(points, first, first + groupSize));
        }
        double s = 0;
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                double d = groupDistance(groups.get(a), groups.get(b));
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    // --- statistics

    private static double[] column(double[][] y, int o) {
        double[] c = new double[y.length];
        for (int n = 0; n < y.length; n++) {
            c[n] = y[n][o];
        }
        return c;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sampleStandardDeviation(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** Configuration of a {@link MorrisScreening}; every setter checks its value and names what is allowed. */
    public static final class Builder {
        private final Parameters base;
        private final List<ParameterRange> ranges = new ArrayList<>();
        private int levels = 4;
        private int trajectories = 10;
        private int candidates = 0;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long seed = 1;
        private Design design = Design.TRAJECTORY;

        private Builder(Parameters base) {
            if (base == null) {
                throw new IllegalArgumentException("base parameters are null");
            }
            this.base = base;
        }

        /** Screens parameter {@code name} over its whole declared physical range. */
        public Builder vary(String name) {
            ParameterSpec spec = spec(name);
            if (!(spec.min() < spec.max())) {
                throw new IllegalArgumentException("parameter " + name + ": its declared range " + spec.min() + " to "
                        + spec.max() + " " + spec.unit() + " is a single value; nothing to screen");
            }
            return vary(new ParameterRange(name, spec.min(), spec.max()));
        }

        /** Screens parameter {@code name} from {@code low} to {@code high}, within its declared range. */
        public Builder vary(String name, double low, double high) {
            ParameterSpec spec = spec(name);
            if (!(low < high)) {
                throw new IllegalArgumentException("parameter " + name + ": screening range low = " + low
                        + " is not below high = " + high + " " + spec.unit() + "; allowed: low < high within "
                        + spec.min() + " to " + spec.max() + " " + spec.unit());
            }
            return vary(new ParameterRange(name, low, high));
        }

        /** Screens {@code range.name()} over {@code range}, which must lie within the declared range. */
        public Builder vary(ParameterRange range) {
            ParameterSpec spec = spec(range.name());
            for (double v : new double[] {range.low(), range.high()}) {
                if (!(v >= spec.min() && v <= spec.max())) {
                    throw new IllegalArgumentException("parameter " + spec.name() + ": screening bound " + v + " "
                            + spec.unit() + " is outside its physical range " + spec.min() + " to " + spec.max()
                            + " " + spec.unit());
                }
            }
            for (ParameterRange r : ranges) {
                if (r.name().equals(range.name())) {
                    throw new IllegalArgumentException("parameter " + range.name() + " is already screened, over "
                            + r.low() + " to " + r.high() + " " + spec.unit());
                }
            }
            ranges.add(range);
            return this;
        }

        /** Number of grid levels p per parameter: even, at least 2; default 4 (Morris 1991, Δ = 2/3). */
        public Builder levels(int p) {
            if (p < 2 || p % 2 != 0) {
                throw new IllegalArgumentException("levels = " + p + "; allowed: an even number, at least 2");
            }
            levels = p;
            return this;
        }

        /** Number of groups r (trajectories or radial groups), at least 2; default 10. */
        public Builder trajectories(int r) {
            if (r < 2) {
                throw new IllegalArgumentException("trajectories = " + r + "; allowed: at least 2");
            }
            trajectories = r;
            return this;
        }

        /**
         * Chooses the {@link #trajectories} groups among {@code m} random candidates for the largest spread
         * (Campolongo et al. 2007); 0 (default) takes the first r generated. Costs no model run; m² group
         * distances of (k + 1)² points each.
         */
        public Builder spreadCandidates(int m) {
            if (m < 0) {
                throw new IllegalArgumentException(
                        "spreadCandidates = " + m + "; allowed: 0 (off) or at least the number of trajectories");
            }
            candidates = m;
            return this;
        }

        /** Seed of the design; the same seed gives the same design and results. Default 1. */
        public Builder seed(long s) {
            seed = s;
            return this;
        }

        /** The design; default {@link Design#TRAJECTORY}. */
        public Builder design(Design d) {
            if (d == null) {
                throw new IllegalArgumentException("design = null; allowed: TRAJECTORY, RADIAL");
            }
            design = d;
            return this;
        }

        /** Threads evaluating the design, at least 1; default: the available processors. */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads = " + n + "; allowed: at least 1");
            }
            threads = n;
            return this;
        }

        /**
         * The screening and its design.
         *
         * @throws IllegalArgumentException if no parameter is screened, or spread candidates are fewer than
         *     the trajectories
         */
        public MorrisScreening build() {
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("no parameter to screen; add one with vary(...)");
            }
            if (candidates != 0 && candidates < trajectories) {
                throw new IllegalArgumentException("spreadCandidates = " + candidates + "; allowed: 0 (off) or at least"
                        + " the number of trajectories, " + trajectories);
            }
            return new MorrisScreening(this);
        }

        private ParameterSpec spec(String name) {
            ParameterSpec spec = base.specs().get(name);
            if (spec == null) {
                throw new IllegalArgumentException("unknown parameter '" + name + "'; known: "
                        + String.join(", ", new TreeSet<>(base.specs().keySet())));
            }
            return spec;
        }
    }
}
