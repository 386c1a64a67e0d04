package systems.rala.twin.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937c;
import org.hipparchus.util.Pair;
import systems.rala.twin.model.ParameterSpec;
import systems.rala.twin.model.Parameters;

/**
 * Fits chosen parameters of the tomato twin to a {@link History} over a training window: the residuals are
 * simulated minus measured values of every measured variable at every row of the window after the warm-up,
 * each divided by its variable's noise scale (so °C, % and ppm weigh alike), and the parameters move within
 * their bounds.
 *
 * <ul>
 *   <li>{@code lm}: Levenberg–Marquardt (Hipparchus; Moré 1978) on the residuals, with a forward-difference
 *       Jacobian whose columns are simulated in parallel; parameter standard errors from the Jacobian at
 *       the optimum, σ_j = √((JᵀJ)⁻¹_jj · s²) with s² = Σr²/(n − p) (Bates &amp; Watts 1988 §2.3).
 *   <li>{@code cmaes}: CMA-ES (Hansen 2006; Hipparchus) on the sum of squares, for rough objectives; no
 *       standard errors.
 * </ul>
 *
 * <p>Parameters are optimised in coordinates scaled to their bounds, z = (p − low)/(high − low). {@code starts}
 * &gt; 1 adds starts drawn uniformly from the middle 80 % of the box (seeded) and keeps the best.
 */
public final class Calibrator {

    /**
     * A parameter to fit and its bounds.
     *
     * @param name parameter name of the model
     * @param low lowest allowed value (in the parameter's unit)
     * @param high highest allowed value
     */
    public record Param(String name, double low, double high) {}

    /**
     * The settings of a fit.
     *
     * @param params parameters to fit
     * @param trainTo rows {@code [warmup, trainTo)} are scored
     * @param warmupRows rows simulated before scoring starts
     * @param noise noise scale per measured variable (°C, %, ppm) that divides its residuals
     * @param method {@code lm} or {@code cmaes}
     * @param starts number of starts (the first at the nominal values)
     * @param seed seed of the extra starts and of CMA-ES
     * @param threads threads for parallel simulations
     * @param maxEvaluations most objective evaluations per start
     */
    public record Settings(
            List<Param> params,
            int trainTo,
            int warmupRows,
            Map<String, Double> noise,
            String method,
            int starts,
            long seed,
            int threads,
            int maxEvaluations) {}

    /**
     * One fitted parameter.
     *
     * @param nominal the value before fitting
     * @param value the fitted value
     * @param low lower bound
     * @param high upper bound
     * @param stdError standard error (NaN where not available)
     */
    public record Fitted(double nominal, double value, double low, double high, double stdError) {}

    /**
     * The outcome.
     *
     * @param params fitted parameters by name
     * @param cost root of the sum of squared scaled residuals at the optimum
     * @param residuals number of residuals
     * @param evaluations simulations run (all starts, Jacobian columns included)
     */
    public record Result(Map<String, Fitted> params, double cost, int residuals, int evaluations) {

        /** The fitted values as parameter overrides. */
        public Map<String, Double> values() {
            Map<String, Double> m = new LinkedHashMap<>();
            params.forEach((k, v) -> m.put(k, v.value()));
            return m;
        }
    }

    private final String modelId;
    private final Parameters base;
    private final History history;
    private final Settings s;
    private final Consumer<String> progress;
    private final double[] low;
    private final double[] high;
    private final int p;
    /** Residuals per evaluation: the measured, non-missing values of the scored rows. */
    private final int residualCount;

    private int evaluations;

    private Calibrator(String modelId, Parameters base, History history, Settings s, Consumer<String> progress) {
        this.modelId = modelId;
        this.base = base;
        this.history = history;
        this.s = s;
        this.progress = progress;
        this.p = s.params().size();
        this.low = new double[p];
        this.high = new double[p];
        for (int j = 0; j < p; j++) {
            Param q = s.params().get(j);
            ParameterSpec spec = base.specs().get(q.name());
            if (spec == null) {
                throw new IllegalArgumentException("unknown parameter '" + q.name() + "' of " + modelId);
            }
            if (!(q.low() < q.high()) || q.low() < spec.min() || q.high() > spec.max()) {
                throw new IllegalArgumentException("parameter " + q.name() + ": bounds [" + q.low() + ", " + q.high()
                        + "] must be increasing and within its physical range [" + spec.min() + ", " + spec.max() + "] "
                        + spec.unit());
            }
            low[j] = q.low();
            high[j] = q.high();
        }
        if (s.trainTo() - s.warmupRows() < 10 * p || s.trainTo() > history.times().length) {
            throw new IllegalArgumentException("training window: rows " + s.warmupRows() + " to " + s.trainTo() + " of "
                    + history.times().length + " are too few for " + p + " parameters");
        }
        for (String v : history.measured().keySet()) {
            Double sigma = s.noise().get(v);
            if (sigma == null || !(sigma > 0)) {
                throw new IllegalArgumentException("noise scale of " + v + " = " + sigma + " must be positive");
            }
        }
        int k = 0;
        for (double[] meas : history.measured().values()) {
            for (int i = s.warmupRows(); i < s.trainTo(); i++) {
                if (!Double.isNaN(meas[i])) {
                    k++;
                }
            }
        }
        this.residualCount = k;
    }

    /** Default bounds for {@code name}: half to twice its nominal value, within its physical range. */
    public static Param defaultBounds(Parameters params, String name) {
        ParameterSpec spec = params.specs().get(name);
        if (spec == null) {
            throw new IllegalArgumentException(
                    "unknown parameter '" + name + "'; known: " + params.specs().keySet());
        }
        double v = params.get(name);
        double a = Math.max(spec.min(), Math.min(0.5 * v, 2 * v));
        double b = Math.min(spec.max(), Math.max(0.5 * v, 2 * v));
        if (!(a < b)) {
            throw new IllegalArgumentException("parameter " + name + " = " + v + ": give its bounds explicitly");
        }
        return new Param(name, a, b);
    }

    /** Fits the parameters; {@code progress} receives one line per iteration and start. */
    public static Result fit(String modelId, Parameters base, History history, Settings s, Consumer<String> progress) {
        return new Calibrator(modelId, base, history, s, progress).run();
    }

    private Result run() {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, s.threads()), r -> {
            Thread t = new Thread(r, "rala-calibrate");
            t.setDaemon(true);
            return t;
        });
        try {
            SplittableRandom rng = new SplittableRandom(s.seed());
            double[] bestZ = null;
            double bestCost = Double.POSITIVE_INFINITY;
            double[] bestSe = null;
            for (int k = 0; k < Math.max(1, s.starts()); k++) {
                double[] z0 = new double[p];
                for (int j = 0; j < p; j++) {
                    z0[j] = k == 0 ? toZ(j, base.get(s.params().get(j).name())) : 0.1 + 0.8 * rng.nextDouble();
                }
                int start = k + 1;
                double[][] out = s.method().equals("cmaes") ? cmaes(z0, start) : lm(z0, pool, start);
                progress.accept(String.format(Locale.ROOT, "start %d of %d: cost %.6g", start, s.starts(), out[1][0]));
                if (out[1][0] < bestCost) {
                    bestCost = out[1][0];
                    bestZ = out[0];
                    bestSe = out[2];
                }
            }
            Map<String, Fitted> fitted = new LinkedHashMap<>();
            for (int j = 0; j < p; j++) {
                Param q = s.params().get(j);
                fitted.put(
                        q.name(),
                        new Fitted(
                                base.get(q.name()),
                                fromZ(j, bestZ[j]),
                                low[j],
                                high[j],
                                bestSe[j] * (high[j] - low[j])));
            }
            return new Result(fitted, bestCost, residualCount, evaluations);
        } finally {
            pool.shutdownNow();
        }
    }

    private double[][] lm(double[] z0, ExecutorService pool, int start) {
        int m = residualCount;
        double h = 1e-3; // forward-difference step in scaled coordinates
        int[] iteration = {0};
        LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-6)
                .withParameterRelativeTolerance(1e-5)
                .optimize(new LeastSquaresBuilder()
                        .start(z0)
                        .target(new double[m])
                        .model(point -> {
                            double[] z = clamp(point.toArray());
                            List<Future<double[]>> cols = new ArrayList<>();
                            cols.add(pool.submit(() -> residuals(z)));
                            for (int j = 0; j < p; j++) {
                                double[] zj = z.clone();
                                // step inwards at the upper bound
                                zj[j] += zj[j] + h <= 1 ? h : -h;
                                cols.add(pool.submit(() -> residuals(zj)));
                            }
                            try {
                                double[] r0 = cols.get(0).get();
                                RealMatrix jac = new Array2DRowRealMatrix(m, p);
                                for (int j = 0; j < p; j++) {
                                    double[] rj = cols.get(j + 1).get();
                                    double step = (z[j] + h <= 1 ? h : -h);
                                    for (int i = 0; i < m; i++) {
                                        jac.setEntry(i, j, (rj[i] - r0[i]) / step);
                                    }
                                }
                                iteration[0]++;
                                progress.accept(String.format(
                                        Locale.ROOT,
                                        "start %d, iteration %d: cost %.6g at %s",
                                        start,
                                        iteration[0],
                                        norm(r0),
                                        describe(z)));
                                return new Pair<>(new ArrayRealVector(r0, false), jac);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException("calibration interrupted", e);
                            } catch (ExecutionException e) {
                                throw new IllegalStateException("a simulation failed: " + e.getCause(), e.getCause());
                            }
                        })
                        .parameterValidator(v -> new ArrayRealVector(clamp(v.toArray()), false))
                        .maxEvaluations(s.maxEvaluations())
                        .maxIterations(s.maxEvaluations())
                        .lazyEvaluation(false)
                        .build());
        double[] z = clamp(opt.getPoint().toArray());
        double[] se = new double[p];
        int n = opt.getResiduals().getDimension();
        double s2 = opt.getCost() * opt.getCost() / Math.max(1, n - p);
        try {
            RealMatrix cov = opt.getCovariances(1e-14);
            for (int j = 0; j < p; j++) {
                se[j] = Math.sqrt(cov.getEntry(j, j) * s2);
            }
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(se, Double.NaN); // a parameter the data do not determine
        }
        return new double[][] {z, {opt.getCost()}, se};
    }

    private double[][] cmaes(double[] z0, int start) {
        double[] sigma = new double[p];
        java.util.Arrays.fill(sigma, 0.2);
        double[] lo = new double[p];
        double[] hi = new double[p];
        java.util.Arrays.fill(hi, 1);
        int[] count = {0};
        PointValuePair best = new CMAESOptimizer(
                        s.maxEvaluations(),
                        0,
                        true,
                        0,
                        0,
                        new Well19937c(s.seed() + start),
                        false,
                        new SimpleValueChecker(1e-8, 1e-10))
                .optimize(
                        new MaxEval(s.maxEvaluations()),
                        new MaxIter(s.maxEvaluations()),
                        new ObjectiveFunction(z -> {
                            double c = norm(residuals(clamp(z)));
                            if (++count[0] % 10 == 0) {
                                progress.accept(String.format(
                                        Locale.ROOT, "start %d, evaluation %d: cost %.6g", start, count[0], c));
                            }
                            return c * c;
                        }),
                        GoalType.MINIMIZE,
                        new InitialGuess(z0),
                        new SimpleBounds(lo, hi),
                        new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(p))));
        double[] se = new double[p];
        java.util.Arrays.fill(se, Double.NaN);
        return new double[][] {clamp(best.getPoint()), {Math.sqrt(best.getValue())}, se};
    }

    /** Scaled residuals at scaled coordinates {@code z}. */
    double[] residuals(double[] z) {
        Map<String, Double> overrides = new LinkedHashMap<>();
        for (int j = 0; j < p; j++) {
            overrides.put(s.params().get(j).name(), fromZ(j, z[j]));
        }
        Map<String, double[]> sim = Replay.run(modelId, base.with(overrides), history, s.trainTo());
        synchronized (this) {
            evaluations++;
        }
        double[] r = new double[residualCount];
        int k = 0;
        for (Map.Entry<String, double[]> e : history.measured().entrySet()) {
            double sigma = s.noise().get(e.getKey());
            double[] meas = e.getValue();
            double[] y = sim.get(e.getKey());
            for (int i = s.warmupRows(); i < s.trainTo(); i++) {
                if (!Double.isNaN(meas[i])) {
                    double d = (y[i] - meas[i]) / sigma;
                    r[k++] = Double.isFinite(d) ? d : 1e6;
                }
            }
        }
        return r;
    }

    private double toZ(int j, double v) {
        return Math.max(0, Math.min(1, (v - low[j]) / (high[j] - low[j])));
    }

    private double fromZ(int j, double z) {
        return low[j] + z * (high[j] - low[j]);
    }

    private static double[] clamp(double[] z) {
        double[] c = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            c[j] = Double.isNaN(z[j]) ? 0.5 : Math.max(0, Math.min(1, z[j]));
        }
        return c;
    }

    private static double norm(double[] r) {
        double s = 0;
        for (double x : r) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private String describe(double[] z) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < p; j++) {
            b.append(j == 0 ? "" : ", ")
                    .append(s.params().get(j).name())
                    .append(String.format(Locale.ROOT, " %.5g", fromZ(j, z[j])));
        }
        return b.toString();
    }
}
