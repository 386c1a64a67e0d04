package systems.rala.train.export;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import systems.rala.env.core.BoxSpace;
import systems.rala.env.core.Env;
import systems.rala.env.core.EnvRegistry;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.ppo.ActorCritic;
import systems.rala.train.ppo.PpoPolicy;

/** A trained PPO policy as an ONNX file ({@link OnnxExporter}) with its manifest. */
public final class PolicyExport {

    private PolicyExport() {}

    /** The deterministic part of {@code p} (normalisation, actor MLP, bounds) as an {@link MlpPolicy}. */
    public static MlpPolicy toMlp(PpoPolicy p) {
        ActorCritic net = p.network();
        float[] params = net.params();
        List<MlpPolicy.Dense> layers = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            ActorCritic.Tensor w = net.tensors().get(2 * l);
            ActorCritic.Tensor b = net.tensors().get(2 * l + 1);
            int out = w.shape()[0];
            int in = w.shape()[1];
            float[][] weight = new float[out][in];
            for (int o = 0; o < out; o++) {
                System.arraycopy(params, w.offset() + o * in, weight[o], 0, in);
            }
            float[] bias = new float[out];
            System.arraycopy(params, b.offset(), bias, 0, out);
            layers.add(new MlpPolicy.Dense(weight, bias));
        }
        int o = net.obsSize();
        MlpPolicy.Normalization norm;
        if (p.normObs()) {
            norm = new MlpPolicy.Normalization(p.obsMean(), p.obsVar(), MlpPolicy.DEFAULT_EPSILON, p.clipObs());
        } else {
            // identity: (x − 0) / √(1 − ε + ε), and a clip far outside any observation
            double[] var = new double[o];
            java.util.Arrays.fill(var, 1.0 - MlpPolicy.DEFAULT_EPSILON);
            norm = new MlpPolicy.Normalization(new double[o], var, MlpPolicy.DEFAULT_EPSILON, 1e30);
        }
        return new MlpPolicy(
                norm,
                layers.subList(0, layers.size() - 1),
                layers.get(layers.size() - 1),
                p.actionLow(),
                p.actionHigh());
    }

    /** The manifest of {@code p}: points from the environment's spaces, the run and the commit. */
    public static PolicyManifest manifest(PpoPolicy p, String runId, long seed) {
        List<Point> obs = new ArrayList<>();
        List<Point> act = new ArrayList<>();
        try (Env env = EnvRegistry.make(p.envId(), p.envOptions())) {
            for (BoxSpace.Component c : env.observationSpace().components()) {
                obs.add(new Point(c.name(), c.unit(), c.description(), c.low(), c.high()));
            }
            for (BoxSpace.Component c : ((BoxSpace) env.actionSpace()).components()) {
                act.add(new Point(c.name(), c.unit(), c.description(), c.low(), c.high()));
            }
        }
        String options = p.envOptions().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        String normalisation = p.normObs()
                ? String.format(Locale.ROOT, "running mean/std (SB3 VecNormalize), clip %s", p.clipObs())
                : "none";
        return new PolicyManifest(
                PolicyManifest.VERSION,
                p.envId(),
                options,
                obs,
                act,
                normalisation,
                runId,
                seed,
                System.getProperty("rala.git.commit", "unknown"),
                "");
    }

    /** Writes {@code p} to {@code file} as ONNX with its manifest. */
    public static PolicyManifest exportOnnx(
            PpoPolicy p, Path file, String runId, long seed, PrintStream err, boolean quiet) {
        try {
            PolicyManifest m = OnnxExporter.write(toMlp(p), manifest(p, runId, seed), file);
            if (!quiet) {
                err.println("exported " + file + " (sha-256 " + m.contentHash().substring(0, 12) + "…)");
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
