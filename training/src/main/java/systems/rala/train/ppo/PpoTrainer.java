package systems.rala.train.ppo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.env.core.Space;
import systems.rala.env.core.VectorEnv;
import systems.rala.train.eval.Evaluation;

/**
 * Proximal Policy Optimisation (Schulman et al. 2017) for continuous actions on a {@link VectorEnv}, with the
 * implementation details of Stable-Baselines3 and CleanRL listed by Huang et al. (2022, "The 37
 * implementation details of PPO"): Gaussian policy with state-independent log-std, separate orthogonally
 * initialised actor and critic, GAE, clipped surrogate, optional value clipping, entropy bonus, global
 * gradient-norm clipping, linear learning-rate annealing, optional target-KL early stop, per-minibatch
 * advantage normalisation, observation normalisation and reward scaling (SB3's VecNormalize), unclipped
 * actions stored while clipped actions are sent, and value bootstrapping on truncation.
 *
 * <p><b>Actions.</b> The policy acts in [−1, 1] per component; the action sent to an environment is the
 * sample clipped to [−1, 1] and mapped linearly to the action space's bounds.
 *
 * <p><b>Exact resume.</b> A checkpoint holds the parameters, Adam's moments and step count, the normalisers,
 * the running discounted returns, the random state, the counters and, per environment, the seed count and
 * the actions of its current episode; {@link VectorEnv#replay} rebuilds the environments from these, and the
 * replayed observations are checked against the saved ones. A run resumed from a checkpoint continues bit
 * for bit as the uninterrupted run.
 */
public final class PpoTrainer implements AutoCloseable {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final int RECENT = 100;

    /** What one iteration (rollout + update) did; handed to the listener and written to progress.csv. */
    public record Iteration(
            long totalTimesteps,
            long iteration,
            double fps,
            double elapsedSeconds,
            double epRewMean,
            double epLenMean,
            long episodes,
            double approxKl,
            double clipFraction,
            double explainedVariance,
            double entropyLoss,
            double policyLoss,
            double valueLoss,
            double learningRate,
            double std,
            long nUpdates,
            double evalMean,
            double evalStd,
            double baselineEval,
            boolean stoppedEarly) {}

    private final PpoConfig cfg;
    private final long seed;
    private final Path out;
    private final VectorEnv vec;
    private final int n;
    private final int obsSize;
    private final int actSize;
    private final double[] low;
    private final double[] high;
    private final ActorCritic net;
    private final DjlLearner learner;
    private final Adam adam;
    private final Rng rng;
    private final RunningMeanStd obsRms;
    private final RunningMeanStd retRms = new RunningMeanStd(1);
    private final double[] discounted;

    // rollout buffer, index t·n + e
    private final float[] bObs;
    private final float[] bAct;
    private final float[] bLogp;
    private final float[] bVal;
    private final double[] bValues;
    private final double[] bRew;
    private final boolean[] bDone;
    private final double[] bAdv;
    private final double[] bRet;
    private final int[] perm;
    // minibatch
    private final float[] mObs;
    private final float[] mAct;
    private final float[] mLogp;
    private final float[] mAdv;
    private final float[] mRet;
    private final float[] mVal;
    // per step
    private final double[] obsNorm;
    private final double[] finalNorm;
    private final double[] envActions;
    private final double[] mean;
    private final double[] oneReturn = new double[1];
    private final double[] lastValues;

    // episodes
    private final double[] epReturn;
    private final long[] epLength;
    private final double[] recentReturns = new double[RECENT];
    private final double[] recentLengths = new double[RECENT];
    private long episodes;
    private final double[][] actionLog;
    private final int[] actionLogSteps;

    // counters
    private long timesteps;
    private long iteration;
    private long nUpdates;
    private double bestEval = Double.NEGATIVE_INFINITY;
    private long lastEvalAt;
    private long lastCheckpointAt;
    private double elapsedBefore;
    private Double baselineEval;

    private PpoTrainer(PpoConfig cfg, long seed, Path out) {
        this.cfg = cfg;
        this.seed = seed;
        this.out = out;
        Map<String, String> trainOptions = splitOptions(cfg, "train");
        this.n = cfg.nEnvs();
        this.vec = new VectorEnv(i -> EnvRegistry.make(cfg.envId(), trainOptions), n, cfg.threads());
        Space as = vec.actionSpace();
        if (!(as instanceof BoxSpace box)) {
            throw new IllegalArgumentException(
                    cfg.envId() + " has a discrete action space; PPO here is for continuous actions");
        }
        this.obsSize = vec.observationSpace().size();
        this.actSize = box.size();
        this.low = new double[actSize];
        this.high = new double[actSize];
        for (int j = 0; j < actSize; j++) {
            low[j] = box.low(j);
            high[j] = box.high(j);
            if (!Double.isFinite(low[j]) || !Double.isFinite(high[j])) {
                throw new IllegalArgumentException(
                        cfg.envId() + ": action " + box.components().get(j).name() + " has unbounded range [" + low[j]
                                + ", " + high[j] + "]; PPO needs bounded actions");
            }
        }
        this.net = new ActorCritic(obsSize, actSize, cfg.hidden());
        this.rng = new Rng(seed);
        net.initialise(rng, cfg.logStdInit());
        this.learner = new DjlLearner(net);
        this.adam = new Adam(net.params().length, cfg.adamEps());
        this.obsRms = new RunningMeanStd(obsSize);
        this.discounted = new double[n];
        int steps = cfg.batchSteps();
        bObs = new float[steps * obsSize];
        bAct = new float[steps * actSize];
        bLogp = new float[steps];
        bVal = new float[steps];
        bValues = new double[steps];
        bRew = new double[steps];
        bDone = new boolean[steps];
        bAdv = new double[steps];
        bRet = new double[steps];
        perm = new int[steps];
        int mb = cfg.batchSize();
        mObs = new float[mb * obsSize];
        mAct = new float[mb * actSize];
        mLogp = new float[mb];
        mAdv = new float[mb];
        mRet = new float[mb];
        mVal = new float[mb];
        obsNorm = new double[n * obsSize];
        finalNorm = new double[obsSize];
        envActions = new double[n * actSize];
        mean = new double[actSize];
        lastValues = new double[n];
        epReturn = new double[n];
        epLength = new long[n];
        actionLog = new double[n][64 * actSize];
        actionLogSteps = new int[n];
    }

    /** Environment options for {@code split}, where the environment has splits. */
    static Map<String, String> splitOptions(PpoConfig cfg, String split) {
        Map<String, String> o = new LinkedHashMap<>(cfg.envOptions());
        if (EnvRegistry.entry(cfg.envId()).hasSplits() && !o.containsKey("split")) {
            o.put("split", split);
        }
        return o;
    }

    /** A fresh run of {@code cfg} with {@code seed}, writing into {@code out}. */
    public static PpoTrainer start(PpoConfig cfg, long seed, Path out) {
        PpoTrainer t = new PpoTrainer(cfg, seed, out);
        t.vec.reset(seed);
        t.observeReset();
        t.writeConfig();
        return t;
    }

    private void observeReset() {
        double[] obs = vec.observations();
        if (cfg.normObs()) {
            obsRms.update(obs, n);
        }
        normaliseAll(obs);
    }

    private void normaliseAll(double[] obs) {
        if (cfg.normObs()) {
            obsRms.normalize(obs, obsNorm, n, cfg.clipObs());
        } else {
            System.arraycopy(obs, 0, obsNorm, 0, obsNorm.length);
        }
    }

    /** Steps taken so far. */
    public long timesteps() {
        return timesteps;
    }

    public PpoConfig config() {
        return cfg;
    }

    public long seed() {
        return seed;
    }

    /** The networks being trained (live). */
    public ActorCritic network() {
        return net;
    }

    /** The current policy, deterministic, with the current normalisation statistics. */
    public PpoPolicy policy() {
        return new PpoPolicy(
                cfg.envId(), cfg.envOptions(), net, obsRms, cfg.normObs(), cfg.clipObs(), low, high, timesteps);
    }

    /**
     * Trains until {@code total_timesteps} (or until {@code stopAt} steps, whichever is first: a run cut short
     * there can be resumed), writing progress.csv, checkpoints and the best policy; {@code listener} sees
     * every iteration.
     */
    public void train(long stopAt, Consumer<Iteration> listener) {
        long limit = Math.min(cfg.totalTimesteps(), stopAt);
        long start = System.nanoTime();
        double elapsedAtStart = elapsedBefore;
        long timestepsAtStart = timesteps;
        while (timesteps < limit) {
            double lr = cfg.annealLr()
                    ? cfg.learningRate() * (1.0 - (double) timesteps / cfg.totalTimesteps())
                    : cfg.learningRate();
            rollout();
            double[] upd = update(lr);
            iteration++;
            double elapsed = elapsedAtStart + (System.nanoTime() - start) / 1e9;
            elapsedBefore = elapsed;
            // as Stable-Baselines3: steps of this session over its wall time, evaluations included
            double fps = (timesteps - timestepsAtStart) / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            double evalMean = Double.NaN;
            double evalStd = Double.NaN;
            if (cfg.evalFreq() > 0 && (timesteps - lastEvalAt >= cfg.evalFreq() || timesteps >= limit)) {
                double[] ev = evaluateAndKeepBest();
                evalMean = ev[0];
                evalStd = ev[1];
                lastEvalAt = timesteps;
            }
            Iteration it = new Iteration(
                    timesteps,
                    iteration,
                    fps,
                    elapsed,
                    recentMean(recentReturns),
                    recentMean(recentLengths),
                    episodes,
                    upd[0],
                    upd[1],
                    upd[2],
                    upd[3],
                    upd[4],
                    upd[5],
                    lr,
                    Math.exp(net.logStd(0)),
                    nUpdates,
                    evalMean,
                    evalStd,
                    Double.isNaN(evalMean) ? Double.NaN : baselineEval(),
                    upd[6] != 0);
            appendProgress(it);
            boolean last = timesteps >= limit;
            if (last || (cfg.checkpointFreq() > 0 && timesteps - lastCheckpointAt >= cfg.checkpointFreq())) {
                checkpoint();
            }
            if (listener != null) {
                listener.accept(it);
            }
        }
    }

    private double recentMean(double[] values) {
        long k = Math.min(episodes, RECENT);
        if (k == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += values[i];
        }
        return s / k;
    }

    private void rollout() {
        int steps = cfg.nSteps();
        double gamma = cfg.gamma();
        double logStdSum = 0;
        for (int j = 0; j < actSize; j++) {
            logStdSum += net.logStd(j);
        }
        double logpConst = -logStdSum - 0.5 * actSize * LOG_2PI;
        for (int t = 0; t < steps; t++) {
            int base = t * n;
            for (int e = 0; e < n; e++) {
                int idx = base + e;
                net.actionMean(obsNorm, e * obsSize, mean, 0);
                double v = net.value(obsNorm, e * obsSize);
                bValues[idx] = v;
                bVal[idx] = (float) v;
                double logp = logpConst;
                for (int j = 0; j < actSize; j++) {
                    double std = Math.exp(net.logStd(j));
                    float a = (float) (mean[j] + std * rng.nextGaussian());
                    double z = (a - mean[j]) / std;
                    logp -= 0.5 * z * z;
                    bAct[idx * actSize + j] = a;
                    double c = Math.max(-1.0, Math.min(1.0, a));
                    envActions[e * actSize + j] = low[j] + (c + 1.0) * 0.5 * (high[j] - low[j]);
                }
                bLogp[idx] = (float) logp;
                for (int i = 0; i < obsSize; i++) {
                    bObs[idx * obsSize + i] = (float) obsNorm[e * obsSize + i];
                }
            }
            vec.step(envActions);
            double[] rewards = vec.rewards();
            boolean[] term = vec.terminated();
            boolean[] trunc = vec.truncated();
            for (int e = 0; e < n; e++) {
                int idx = base + e;
                double r = rewards[e];
                epReturn[e] += r;
                epLength[e]++;
                logAction(e);
                double rn = r;
                if (cfg.normReward()) {
                    discounted[e] = discounted[e] * gamma + r;
                    oneReturn[0] = discounted[e];
                    retRms.update(oneReturn, 1);
                    rn = Math.max(-cfg.clipReward(), Math.min(cfg.clipReward(), r / Math.sqrt(retRms.var()[0] + 1e-8)));
                }
                boolean done = term[e] || trunc[e];
                if (done && trunc[e] && !term[e]) {
                    // bootstrap the truncated episode from its final observation (only termination cuts the return)
                    double[] fin = vec.finalObservations();
                    for (int i = 0; i < obsSize; i++) {
                        double x = fin[e * obsSize + i];
                        finalNorm[i] = cfg.normObs()
                                ? Math.max(
                                        -cfg.clipObs(),
                                        Math.min(
                                                cfg.clipObs(),
                                                (x - obsRms.mean()[i]) / Math.sqrt(obsRms.var()[i] + 1e-8)))
                                : x;
                    }
                    rn += gamma * net.value(finalNorm, 0);
                }
                bRew[idx] = rn;
                bDone[idx] = done;
                if (done) {
                    recentReturns[(int) (episodes % RECENT)] = epReturn[e];
                    recentLengths[(int) (episodes % RECENT)] = epLength[e];
                    episodes++;
                    epReturn[e] = 0;
                    epLength[e] = 0;
                    actionLogSteps[e] = 0;
                    discounted[e] = 0;
                }
            }
            double[] obs = vec.observations();
            if (cfg.normObs()) {
                obsRms.update(obs, n);
            }
            normaliseAll(obs);
            timesteps += n;
        }
        for (int e = 0; e < n; e++) {
            lastValues[e] = net.value(obsNorm, e * obsSize);
        }
        Gae.compute(bRew, bValues, bDone, lastValues, steps, n, gamma, cfg.gaeLambda(), bAdv, bRet);
    }

    private void logAction(int e) {
        int need = (actionLogSteps[e] + 1) * actSize;
        if (need > actionLog[e].length) {
            actionLog[e] = Arrays.copyOf(actionLog[e], Math.max(need, actionLog[e].length * 2));
        }
        System.arraycopy(envActions, e * actSize, actionLog[e], actionLogSteps[e] * actSize, actSize);
        actionLogSteps[e]++;
    }

    /** Returns {approx_kl, clip_fraction, explained_variance, entropy_loss, pg_loss, value_loss, stopped}. */
    private double[] update(double lr) {
        int total = cfg.batchSteps();
        int mb = cfg.batchSize();
        double klStop = cfg.targetKl() > 0 ? 1.5 * cfg.targetKl() : 0;
        double sumKl = 0;
        double sumClip = 0;
        double sumEnt = 0;
        double sumPg = 0;
        double sumV = 0;
        int count = 0;
        boolean stopped = false;
        for (int i = 0; i < total; i++) {
            perm[i] = i;
        }
        outer:
        for (int epoch = 0; epoch < cfg.nEpochs(); epoch++) {
            for (int i = total - 1; i > 0; i--) { // Fisher–Yates
                int j = rng.nextInt(i + 1);
                int tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
            for (int startIdx = 0; startIdx < total; startIdx += mb) {
                double advMean = 0;
                for (int k = 0; k < mb; k++) {
                    advMean += bAdv[perm[startIdx + k]];
                }
                advMean /= mb;
                double advVar = 0;
                for (int k = 0; k < mb; k++) {
                    double d = bAdv[perm[startIdx + k]] - advMean;
                    advVar += d * d;
                }
                // torch's std() is the unbiased estimate; SB3 divides by (std + 1e-8)
                double advStd = mb > 1 ? Math.sqrt(advVar / (mb - 1)) : 1.0;
                for (int k = 0; k < mb; k++) {
                    int idx = perm[startIdx + k];
                    System.arraycopy(bObs, idx * obsSize, mObs, k * obsSize, obsSize);
                    System.arraycopy(bAct, idx * actSize, mAct, k * actSize, actSize);
                    mLogp[k] = bLogp[idx];
                    mAdv[k] = (float)
                            (cfg.normalizeAdvantage() && mb > 1 ? (bAdv[idx] - advMean) / (advStd + 1e-8) : bAdv[idx]);
                    mRet[k] = (float) bRet[idx];
                    mVal[k] = bVal[idx];
                }
                DjlLearner.Stats s = learner.step(
                        mObs,
                        mAct,
                        mLogp,
                        mAdv,
                        mRet,
                        mVal,
                        mb,
                        cfg.clipRange(),
                        cfg.clipRangeVf(),
                        cfg.entCoef(),
                        cfg.vfCoef(),
                        klStop);
                sumKl += s.approxKl;
                sumClip += s.clipFraction;
                if (s.skipped) {
                    stopped = true;
                    count++;
                    break outer;
                }
                float[] g = learner.gradient();
                double norm = 0;
                for (float x : g) {
                    norm += (double) x * x;
                }
                norm = Math.sqrt(norm);
                double scale = norm > cfg.maxGradNorm() ? cfg.maxGradNorm() / (norm + 1e-6) : 1.0;
                adam.step(net.params(), g, scale, lr);
                nUpdates++;
                sumEnt += -s.entropy;
                sumPg += s.policyLoss;
                sumV += s.valueLoss;
                count++;
            }
        }
        int applied = stopped ? count - 1 : count;
        double ev = explainedVariance();
        return new double[] {
            sumKl / count,
            sumClip / count,
            ev,
            applied > 0 ? sumEnt / applied : Double.NaN,
            applied > 0 ? sumPg / applied : Double.NaN,
            applied > 0 ? sumV / applied : Double.NaN,
            stopped ? 1 : 0
        };
    }

    private double explainedVariance() {
        int total = cfg.batchSteps();
        double mr = 0;
        double md = 0;
        for (int i = 0; i < total; i++) {
            mr += bRet[i];
            md += bRet[i] - bValues[i];
        }
        mr /= total;
        md /= total;
        double vr = 0;
        double vd = 0;
        for (int i = 0; i < total; i++) {
            vr += (bRet[i] - mr) * (bRet[i] - mr);
            double d = bRet[i] - bValues[i] - md;
            vd += d * d;
        }
        return vr == 0 ? Double.NaN : 1 - vd / vr;
    }

    // ---------------------------------------------------------------- evaluation

    /**
     * Evaluates the current deterministic policy on the validation split (the same episode seeds every
     * time), keeping it as {@code best/policy.bin} when it beats the best so far. Evaluation draws nothing
     * from the trainer's random state, so it does not change the training run.
     */
    private double[] evaluateAndKeepBest() {
        PpoPolicy p = policy();
        Map<String, String> opts = splitOptions(cfg, "validation");
        Evaluation.AgentResult r = Evaluation.run(
                () -> EnvRegistry.make(cfg.envId(), opts), e -> p, cfg.evalEpisodes(), seed ^ 0x5EEDL, null);
        double[] ms = r.summary().get("return");
        if (ms[0] > bestEval) {
            bestEval = ms[0];
            try {
                Files.createDirectories(out.resolve("best"));
                p.save(out.resolve("best").resolve("policy.bin"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the best policy to " + out, e);
            }
        }
        return ms;
    }

    /**
     * The rule-based baseline's mean return on the validation episodes (the same seeds as the policy's
     * evaluations), for comparison in the progress lines; NaN where the environment has no such baseline.
     * Computed once per process: it does not depend on training.
     */
    public double baselineEval() {
        if (baselineEval == null) {
            Map<String, String> opts = splitOptions(cfg, "validation");
            double v = Double.NaN;
            try (Env probe = EnvRegistry.make(cfg.envId(), opts)) {
                Env inner = probe instanceof systems.rala.env.core.Wrapper w ? w.unwrapped() : probe;
                if (inner instanceof systems.rala.env.agents.HasBaselines hb
                        && hb.baselines().contains("rule-based")) {
                    v = Evaluation.run(
                                    () -> EnvRegistry.make(cfg.envId(), opts),
                                    e -> Evaluation.baseline(e, "rule-based"),
                                    cfg.evalEpisodes(),
                                    seed ^ 0x5EEDL,
                                    null)
                            .summary()
                            .get("return")[0];
                }
            }
            baselineEval = v;
        }
        return baselineEval;
    }

    /** Best validation return so far (−∞ before the first evaluation). */
    public double bestEval() {
        return bestEval;
    }

    // ---------------------------------------------------------------- progress.csv

    static final List<String> COLUMNS = List.of(
            "time/total_timesteps",
            "time/iterations",
            "time/fps",
            "time/elapsed_s",
            "rollout/ep_rew_mean",
            "rollout/ep_len_mean",
            "rollout/episodes",
            "train/approx_kl",
            "train/clip_fraction",
            "train/explained_variance",
            "train/entropy_loss",
            "train/policy_gradient_loss",
            "train/value_loss",
            "train/learning_rate",
            "train/std",
            "train/n_updates",
            "train/early_stop",
            "eval/mean_reward",
            "eval/std_reward",
            "eval/baseline_mean_reward");

    private void appendProgress(Iteration it) {
        Path f = out.resolve("progress.csv");
        StringBuilder sb = new StringBuilder();
        try {
            if (!Files.exists(f)) {
                sb.append(String.join(",", COLUMNS)).append('\n');
            }
            Object[] v = {
                it.totalTimesteps(),
                it.iteration(),
                it.fps(),
                it.elapsedSeconds(),
                it.epRewMean(),
                it.epLenMean(),
                it.episodes(),
                it.approxKl(),
                it.clipFraction(),
                it.explainedVariance(),
                it.entropyLoss(),
                it.policyLoss(),
                it.valueLoss(),
                it.learningRate(),
                it.std(),
                it.nUpdates(),
                it.stoppedEarly() ? 1 : 0,
                it.evalMean(),
                it.evalStd(),
                it.baselineEval()
            };
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                if (v[i] instanceof Double d) {
                    if (!Double.isNaN(d)) {
                        sb.append(d);
                    }
                } else {
                    sb.append(v[i]);
                }
            }
            sb.append('\n');
            Files.writeString(
                    f,
                    sb,
                    java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f, e);
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(out);
            StringBuilder sb = new StringBuilder("# the configuration of this run (rala train)\nseed=" + seed + "\n");
            cfg.toMap().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            Files.writeString(out.resolve("config.properties"), sb, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out, e);
        }
    }

    // ---------------------------------------------------------------- checkpoints

    /** Folder of periodic checkpoints. */
    public static Path checkpoints(Path runDir) {
        return runDir.resolve("checkpoints");
    }

    private void checkpoint() {
        BinaryState s = new BinaryState();
        StringBuilder c = new StringBuilder();
        cfg.toMap().forEach((k, v) -> c.append(k).append('=').append(v).append('\n'));
        s.put("config", c.toString());
        s.put("seed", seed);
        s.put("timesteps", timesteps);
        s.put("iteration", iteration);
        s.put("n_updates", nUpdates);
        s.put("episodes", episodes);
        s.put("best_eval", bestEval);
        s.put("last_eval_at", lastEvalAt);
        s.put("elapsed_s", elapsedBefore);
        s.put("params", net.params().clone());
        s.put("adam.m", adam.firstMoment().clone());
        s.put("adam.v", adam.secondMoment().clone());
        s.put("adam.t", adam.steps());
        s.put("obs_rms.mean", obsRms.mean().clone());
        s.put("obs_rms.var", obsRms.var().clone());
        s.put("obs_rms.count", obsRms.count());
        s.put("ret_rms.mean", retRms.mean().clone());
        s.put("ret_rms.var", retRms.var().clone());
        s.put("ret_rms.count", retRms.count());
        s.put("discounted", discounted.clone());
        s.put("rng", rng.state());
        s.put("ep_return", epReturn.clone());
        s.put("ep_length", epLength.clone());
        s.put("recent_returns", recentReturns.clone());
        s.put("recent_lengths", recentLengths.clone());
        s.put("obs_norm", obsNorm.clone());
        s.put("obs_raw", vec.observations().clone());
        long[] started = new long[n];
        long[] logSteps = new long[n];
        for (int e = 0; e < n; e++) {
            started[e] = vec.episodesStarted(e);
            logSteps[e] = actionLogSteps[e];
            s.put("actions." + e, Arrays.copyOf(actionLog[e], actionLogSteps[e] * actSize));
        }
        s.put("episodes_started", started);
        s.put("action_log_steps", logSteps);
        policy().write(s);
        try {
            Path dir = checkpoints(out);
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format(java.util.Locale.ROOT, "step-%012d.bin", timesteps));
            s.write(file);
            lastCheckpointAt = timesteps;
            pruneCheckpoints(dir, 3);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + out, e);
        }
    }

    private static void pruneCheckpoints(Path dir, int keep) throws IOException {
        List<Path> all = list(dir);
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (var stream = Files.list(dir)) {
                stream.filter(p -> p.getFileName().toString().matches("step-\\d+\\.bin"))
                        .sorted()
                        .forEach(all::add);
            }
        }
        return all;
    }

    /** The newest checkpoint of a run folder; an error naming the folder if there is none. */
    public static Path latestCheckpoint(Path runDir) {
        try {
            List<Path> all = list(checkpoints(runDir));
            if (all.isEmpty()) {
                throw new IllegalArgumentException(
                        runDir + " has no checkpoints (expected " + checkpoints(runDir) + "/step-*.bin)");
            }
            return all.get(all.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + checkpoints(runDir), e);
        }
    }

    /**
     * Resumes the run in {@code runDir} from its newest checkpoint. {@code overrides} may change
     * {@code total_timesteps} (to extend a finished run) and nothing that would change the past.
     */
    public static PpoTrainer resume(Path runDir, Map<String, String> overrides) {
        Path file = latestCheckpoint(runDir);
        BinaryState s;
        try {
            s = BinaryState.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : s.text("config").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String k : overrides.keySet()) {
            if (!k.equals("total_timesteps")) {
                throw new IllegalArgumentException(
                        "a resumed run keeps its configuration; only total_timesteps can change, not " + k);
            }
        }
        m.putAll(overrides);
        PpoConfig cfg = PpoConfig.of(m, file.toString());
        PpoTrainer t = new PpoTrainer(cfg, s.longValue("seed"), runDir);
        t.restore(s, file);
        return t;
    }

    private void restore(BinaryState s, Path file) {
        timesteps = s.longValue("timesteps");
        iteration = s.longValue("iteration");
        nUpdates = s.longValue("n_updates");
        episodes = s.longValue("episodes");
        bestEval = s.doubleValue("best_eval");
        lastEvalAt = s.longValue("last_eval_at");
        lastCheckpointAt = timesteps;
        elapsedBefore = s.doubleValue("elapsed_s");
        float[] p = s.floats("params");
        System.arraycopy(p, 0, net.params(), 0, p.length);
        adam.restore(s.doubles("adam.m"), s.doubles("adam.v"), s.longValue("adam.t"));
        obsRms.set(s.doubles("obs_rms.mean"), s.doubles("obs_rms.var"), s.doubleValue("obs_rms.count"));
        retRms.set(s.doubles("ret_rms.mean"), s.doubles("ret_rms.var"), s.doubleValue("ret_rms.count"));
        System.arraycopy(s.doubles("discounted"), 0, discounted, 0, n);
        rng.restore(s.longs("rng"));
        System.arraycopy(s.doubles("ep_return"), 0, epReturn, 0, n);
        System.arraycopy(s.longs("ep_length"), 0, epLength, 0, n);
        System.arraycopy(s.doubles("recent_returns"), 0, recentReturns, 0, RECENT);
        System.arraycopy(s.doubles("recent_lengths"), 0, recentLengths, 0, RECENT);
        long[] started = s.longs("episodes_started");
        long[] logSteps = s.longs("action_log_steps");
        double[][] actions = new double[n][];
        int[] steps = new int[n];
        for (int e = 0; e < n; e++) {
            actions[e] = s.doubles("actions." + e);
            steps[e] = (int) logSteps[e];
            actionLog[e] = Arrays.copyOf(actions[e], Math.max(64 * actSize, actions[e].length * 2));
            actionLogSteps[e] = steps[e];
        }
        vec.replay(seed, started, actions, steps);
        double[] raw = s.doubles("obs_raw");
        double[] now = vec.observations();
        for (int i = 0; i < raw.length; i++) {
            if (Double.doubleToLongBits(raw[i]) != Double.doubleToLongBits(now[i])) {
                throw new IllegalStateException(
                        file + ": replaying the environments gave observation component " + (i % obsSize)
                                + " of env " + (i / obsSize) + " = " + now[i] + ", the checkpoint has " + raw[i]
                                + "; the environment is not reproducible from its seed and actions");
            }
        }
        System.arraycopy(s.doubles("obs_norm"), 0, obsNorm, 0, obsNorm.length);
        truncateProgress();
    }

    /** Drops progress rows after the checkpoint (written by the interrupted run after its last checkpoint). */
    private void truncateProgress() {
        Path f = out.resolve("progress.csv");
        if (!Files.exists(f)) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(f);
            List<String> keep = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (i == 0 || l.isBlank()) {
                    keep.add(l);
                    continue;
                }
                long step = Long.parseLong(l.substring(0, l.indexOf(',')));
                if (step <= timesteps) {
                    keep.add(l);
                }
            }
            Files.write(f, keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + f, e);
        }
    }

    /** The run folder. */
    public Path out() {
        return out;
    }

    /** For tests: native arrays the learner still holds between minibatches. */
    int learnerLiveArrays() {
        return learner.liveArrays();
    }

    /** For tests: the actions sampled in the last rollout (unclipped, in [−1, 1] units). */
    float[] rolloutActions() {
        return bAct;
    }

    DjlLearner learner() {
        return learner;
    }

    @Override
    public void close() {
        vec.close();
        learner.close();
    }

    /** Makes one environment of the run's task for {@code split} (for evaluation after training). */
    public static Env makeEnv(PpoConfig cfg, String split) {
        return EnvRegistry.make(cfg.envId(), splitOptions(cfg, split));
    }
}
