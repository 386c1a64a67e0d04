package systems.rala.train.ppo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import systems.rala.env.agents.Agent;
import systems.rala.env.core.Step;

/**
 * A trained PPO policy, deterministic: the observation is normalised with the statistics frozen at the end of
 * training, the actor gives the action mean in [−1, 1], which is clipped and mapped linearly to the
 * environment's physical bounds — the same computation the exported ONNX graph does. {@link #act} allocates
 * nothing; an instance is not for two threads at once.
 */
public final class PpoPolicy implements Agent {

    private final String envId;
    private final Map<String, String> envOptions;
    private final ActorCritic net;
    private final double[] obsMean;
    private final double[] obsVar;
    private final boolean normObs;
    private final double clipObs;
    private final double[] low;
    private final double[] high;
    private final long trainedSteps;
    private final double[] z;
    private final double[] mean;

    PpoPolicy(
            String envId,
            Map<String, String> envOptions,
            ActorCritic source,
            RunningMeanStd obsRms,
            boolean normObs,
            double clipObs,
            double[] low,
            double[] high,
            long trainedSteps) {
        this.envId = envId;
        this.envOptions = Map.copyOf(envOptions);
        this.net = new ActorCritic(source.obsSize(), source.actSize(), source.hidden());
        System.arraycopy(source.params(), 0, net.params(), 0, net.params().length);
        this.obsMean = obsRms.mean().clone();
        this.obsVar = obsRms.var().clone();
        this.normObs = normObs;
        this.clipObs = clipObs;
        this.low = low.clone();
        this.high = high.clone();
        this.trainedSteps = trainedSteps;
        this.z = new double[net.obsSize()];
        this.mean = new double[net.actSize()];
    }

    /** Writes the action for the raw observation {@code obs} into {@code action} (physical units). */
    public void act(double[] obs, double[] action) {
        normalise(obs, z);
        net.actionMean(z, 0, mean, 0);
        for (int j = 0; j < mean.length; j++) {
            double a = Math.max(-1.0, Math.min(1.0, mean[j]));
            action[j] = low[j] + (a + 1.0) * 0.5 * (high[j] - low[j]);
        }
    }

    /**
     * The deterministic actions for {@code b} raw observations (row after row) computed by DJL on the PyTorch
     * engine in float32 — normalisation, actor, clip, scaling — the reference an exported graph is checked
     * against.
     */
    public float[] actionsByDjl(float[] observations, int b) {
        return DjlLearner.policyActions(this, observations, b);
    }

    /** The observation as the network sees it: normalised and clipped (or unchanged without normalisation). */
    public void normalise(double[] obs, double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = normObs
                    ? Math.max(-clipObs, Math.min(clipObs, (obs[i] - obsMean[i]) / Math.sqrt(obsVar[i] + 1e-8)))
                    : obs[i];
        }
    }

    @Override
    public void act(Step step, double[] action) {
        act(step.observation, action);
    }

    @Override
    public String name() {
        return "ppo";
    }

    public String envId() {
        return envId;
    }

    public Map<String, String> envOptions() {
        return envOptions;
    }

    /** The networks (a private copy). */
    public ActorCritic network() {
        return net;
    }

    public double[] obsMean() {
        return obsMean.clone();
    }

    public double[] obsVar() {
        return obsVar.clone();
    }

    public boolean normObs() {
        return normObs;
    }

    public double clipObs() {
        return clipObs;
    }

    public double[] actionLow() {
        return low.clone();
    }

    public double[] actionHigh() {
        return high.clone();
    }

    public long trainedSteps() {
        return trainedSteps;
    }

    void write(BinaryState s) {
        s.put("policy.env", envId);
        StringBuilder opts = new StringBuilder();
        envOptions.forEach((k, v) -> opts.append(k).append('=').append(v).append('\n'));
        s.put("policy.env_options", opts.toString());
        s.put("policy.sizes", new long[] {net.obsSize(), net.actSize()});
        long[] hidden = new long[net.hidden().length];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = net.hidden()[i];
        }
        s.put("policy.hidden", hidden);
        s.put("policy.params", net.params().clone());
        s.put("policy.obs_mean", obsMean.clone());
        s.put("policy.obs_var", obsVar.clone());
        s.put("policy.norm_obs", normObs ? 1L : 0L);
        s.put("policy.clip_obs", clipObs);
        s.put("policy.action_low", low.clone());
        s.put("policy.action_high", high.clone());
        s.put("policy.trained_steps", trainedSteps);
    }

    static PpoPolicy read(BinaryState s) {
        long[] sizes = s.longs("policy.sizes");
        long[] h = s.longs("policy.hidden");
        int[] hidden = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            hidden[i] = (int) h[i];
        }
        ActorCritic net = new ActorCritic((int) sizes[0], (int) sizes[1], hidden);
        float[] p = s.floats("policy.params");
        if (p.length != net.params().length) {
            throw new IllegalStateException(
                    "policy has " + p.length + " parameters; its layout needs " + net.params().length);
        }
        System.arraycopy(p, 0, net.params(), 0, p.length);
        RunningMeanStd rms = new RunningMeanStd(net.obsSize());
        rms.set(s.doubles("policy.obs_mean"), s.doubles("policy.obs_var"), 1);
        Map<String, String> opts = new LinkedHashMap<>();
        for (String line : s.text("policy.env_options").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                opts.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new PpoPolicy(
                s.text("policy.env"),
                opts,
                net,
                rms,
                s.longValue("policy.norm_obs") != 0,
                s.doubleValue("policy.clip_obs"),
                s.doubles("policy.action_low"),
                s.doubles("policy.action_high"),
                s.longValue("policy.trained_steps"));
    }

    /** Saves the policy alone to {@code file}. */
    public void save(Path file) {
        BinaryState s = new BinaryState();
        write(s);
        try {
            s.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write policy " + file, e);
        }
    }

    /** Loads a policy from a policy file or a training checkpoint's state file. */
    public static PpoPolicy load(Path file) {
        try {
            return read(BinaryState.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
    }
}
