package systems.rala.train.ppo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * PPO's hyper-parameters. Defaults are those of Stable-Baselines3 and CleanRL's ppo_continuous_action (Huang et
 * al. 2022, "The 37 implementation details of PPO"); a config file per environment
 * ({@code training/configs/ID.properties}) and command-line overrides change them by name. Keys starting
 * with {@code env.} are options of the environment. Every value is checked against its range when loaded.
 *
 * @param envId environment id
 * @param envOptions environment options (keys without the {@code env.} prefix)
 * @param totalTimesteps environment steps to train for
 * @param nEnvs parallel environments
 * @param threads threads stepping them
 * @param nSteps steps per environment per rollout (the batch is nEnvs × nSteps)
 * @param batchSize minibatch size
 * @param nEpochs passes over each batch
 * @param gamma discount factor
 * @param gaeLambda GAE λ
 * @param clipRange PPO clip ε
 * @param clipRangeVf value clipping ε (0: off, as SB3's default)
 * @param entCoef entropy bonus coefficient
 * @param vfCoef value loss coefficient
 * @param maxGradNorm global gradient-norm clip
 * @param learningRate Adam step size (linearly annealed to 0 when annealLr)
 * @param annealLr linear learning-rate annealing (CleanRL)
 * @param targetKl early stop of the epochs when the approximate KL exceeds 1.5 × this (0: off)
 * @param normalizeAdvantage per-minibatch advantage normalisation
 * @param normObs observation normalisation by running statistics
 * @param normReward reward scaling by the running std of the discounted return
 * @param clipObs clip of normalised observations
 * @param clipReward clip of scaled rewards
 * @param hidden hidden layer sizes (tanh), the same for actor and critic
 * @param logStdInit initial log standard deviation of the Gaussian policy
 * @param adamEps Adam's ε
 * @param evalFreq steps between evaluations on the validation split (0: none)
 * @param evalEpisodes episodes per evaluation
 * @param checkpointFreq steps between checkpoints (0: only at the end)
 */
public record PpoConfig(
        String envId,
        Map<String, String> envOptions,
        long totalTimesteps,
        int nEnvs,
        int threads,
        int nSteps,
        int batchSize,
        int nEpochs,
        double gamma,
        double gaeLambda,
        double clipRange,
        double clipRangeVf,
        double entCoef,
        double vfCoef,
        double maxGradNorm,
        double learningRate,
        boolean annealLr,
        double targetKl,
        boolean normalizeAdvantage,
        boolean normObs,
        boolean normReward,
        double clipObs,
        double clipReward,
        int[] hidden,
        double logStdInit,
        double adamEps,
        long evalFreq,
        int evalEpisodes,
        long checkpointFreq) {

    private static final List<String> KEYS = List.of(
            "env",
            "total_timesteps",
            "n_envs",
            "threads",
            "n_steps",
            "batch_size",
            "n_epochs",
            "gamma",
            "gae_lambda",
            "clip_range",
            "clip_range_vf",
            "ent_coef",
            "vf_coef",
            "max_grad_norm",
            "learning_rate",
            "anneal_lr",
            "target_kl",
            "normalize_advantage",
            "norm_obs",
            "norm_reward",
            "clip_obs",
            "clip_reward",
            "net_arch",
            "log_std_init",
            "adam_eps",
            "eval_freq",
            "eval_episodes",
            "checkpoint_freq");

    /** Reads a config file (properties); {@code overrides} (key=value) win over it. */
    public static PpoConfig load(Path file, Map<String, String> overrides) {
        Map<String, String> m = new LinkedHashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read config " + file, e);
            }
            for (String k : p.stringPropertyNames()) {
                m.put(k, p.getProperty(k).strip());
            }
        }
        m.putAll(overrides);
        return of(m, file == null ? "overrides" : file.toString());
    }

    /** A config from key/value pairs; unknown keys and bad values are errors naming them. */
    public static PpoConfig of(Map<String, String> m, String source) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : m.entrySet()) {
            if (e.getKey().startsWith("env.")) {
                env.put(e.getKey().substring(4), e.getValue());
            } else if (!KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(source + ": unknown key '" + e.getKey() + "'; known: "
                        + new TreeSet<>(KEYS) + " and env.* for environment options");
            }
        }
        V v = new V(m, source);
        String envId = v.text("env");
        int nEnvs = v.integer("n_envs", 8, 1, 1024);
        int nSteps = v.integer("n_steps", 256, 1, 1_000_000);
        int batch = v.integer("batch_size", 64, 1, 10_000_000);
        if ((nEnvs * nSteps) % batch != 0) {
            throw new IllegalArgumentException(
                    source + ": batch_size " + batch + " must divide n_envs × n_steps = " + nEnvs * nSteps);
        }
        String arch = m.getOrDefault("net_arch", "64,64");
        List<Integer> sizes = new ArrayList<>();
        for (String s : arch.split(",")) {
            try {
                int h = Integer.parseInt(s.strip());
                if (h < 1 || h > 4096) {
                    throw new NumberFormatException();
                }
                sizes.add(h);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        source + ": net_arch '" + arch + "' must list layer sizes 1..4096, e.g. 64,64");
            }
        }
        int threads = v.integer("threads", Math.min(nEnvs, Runtime.getRuntime().availableProcessors()), 1, nEnvs);
        return new PpoConfig(
                envId,
                env,
                (long) v.number("total_timesteps", 1_000_000, 1, 1e12),
                nEnvs,
                threads,
                nSteps,
                batch,
                v.integer("n_epochs", 10, 1, 1000),
                v.number("gamma", 0.99, 0, 1),
                v.number("gae_lambda", 0.95, 0, 1),
                v.number("clip_range", 0.2, 1e-6, 10),
                v.number("clip_range_vf", 0, 0, 1e6),
                v.number("ent_coef", 0, 0, 10),
                v.number("vf_coef", 0.5, 0, 100),
                v.number("max_grad_norm", 0.5, 1e-6, 1e6),
                v.number("learning_rate", 3e-4, 1e-9, 1),
                v.bool("anneal_lr", true),
                v.number("target_kl", 0, 0, 10),
                v.bool("normalize_advantage", true),
                v.bool("norm_obs", true),
                v.bool("norm_reward", true),
                v.number("clip_obs", 10, 0.1, 1e6),
                v.number("clip_reward", 10, 0.1, 1e6),
                sizes.stream().mapToInt(Integer::intValue).toArray(),
                v.number("log_std_init", 0, -20, 5),
                v.number("adam_eps", 1e-5, 1e-12, 1),
                (long) v.number("eval_freq", 0, 0, 1e12),
                v.integer("eval_episodes", 5, 1, 10_000),
                (long) v.number("checkpoint_freq", 0, 0, 1e12));
    }

    /** Steps per rollout, over all environments. */
    public int batchSteps() {
        return nEnvs * nSteps;
    }

    /** The config as key/value pairs, for the run's record and resume. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("env", envId);
        envOptions.forEach((k, val) -> m.put("env." + k, val));
        m.put("total_timesteps", Long.toString(totalTimesteps));
        m.put("n_envs", Integer.toString(nEnvs));
        m.put("threads", Integer.toString(threads));
        m.put("n_steps", Integer.toString(nSteps));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("n_epochs", Integer.toString(nEpochs));
        m.put("gamma", Double.toString(gamma));
        m.put("gae_lambda", Double.toString(gaeLambda));
        m.put("clip_range", Double.toString(clipRange));
        m.put("clip_range_vf", Double.toString(clipRangeVf));
        m.put("ent_coef", Double.toString(entCoef));
        m.put("vf_coef", Double.toString(vfCoef));
        m.put("max_grad_norm", Double.toString(maxGradNorm));
        m.put("learning_rate", Double.toString(learningRate));
        m.put("anneal_lr", Boolean.toString(annealLr));
        m.put("target_kl", Double.toString(targetKl));
        m.put("normalize_advantage", Boolean.toString(normalizeAdvantage));
        m.put("norm_obs", Boolean.toString(normObs));
        m.put("norm_reward", Boolean.toString(normReward));
        m.put("clip_obs", Double.toString(clipObs));
        m.put("clip_reward", Double.toString(clipReward));
        StringBuilder arch = new StringBuilder();
        for (int h : hidden) {
            arch.append(arch.length() > 0 ? "," : "").append(h);
        }
        m.put("net_arch", arch.toString());
        m.put("log_std_init", Double.toString(logStdInit));
        m.put("adam_eps", Double.toString(adamEps));
        m.put("eval_freq", Long.toString(evalFreq));
        m.put("eval_episodes", Integer.toString(evalEpisodes));
        m.put("checkpoint_freq", Long.toString(checkpointFreq));
        return m;
    }

    private record V(Map<String, String> m, String source) {
        String text(String key) {
            String s = m.get(key);
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(source + ": " + key + " is required");
            }
            return s.strip();
        }

        double number(String key, double def, double min, double max) {
            String s = m.get(key);
            if (s == null) {
                return def;
            }
            double d;
            try {
                d = Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": " + key + " = '" + s + "' is not a number");
            }
            if (!(d >= min && d <= max)) {
                throw new IllegalArgumentException(
                        source + ": " + key + " = " + s + " is outside the allowed range " + min + " to " + max);
            }
            return d;
        }

        int integer(String key, int def, int min, int max) {
            double d = number(key, def, min, max);
            if (d != Math.rint(d)) {
                throw new IllegalArgumentException(source + ": " + key + " = " + d + " is not an integer");
            }
            return (int) d;
        }

        boolean bool(String key, boolean def) {
            String s = m.get(key);
            if (s == null) {
                return def;
            }
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default ->
                    throw new IllegalArgumentException(source + ": " + key + " = '" + s + "' is not true or false");
            };
        }
    }
}
