package systems.rala.train.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.export.PolicyExport;
import systems.rala.train.ppo.PpoPolicy;
import systems.rala.train.ppo.PpoTrainer;

/** {@code rala export}: a trained policy as an ONNX file with its manifest. */
@Command(
        name = "export",
        description = {
            "Export a trained policy to ONNX with its manifest.",
            "Normalisation, the deterministic action, clipping and scaling to physical units are inside the graph;",
            "the policy manifest is in its metadata."
        },
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--checkpoint",
            required = true,
            paramLabel = "DIR|FILE",
            description =
                    "A run folder (its best policy, else its newest checkpoint), a checkpoint file or a policy.bin.")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "The ONNX file to write.")
    Path out;

    @Override
    public Integer call() {
        Path file = resolve(checkpoint);
        PpoPolicy p = PpoPolicy.load(file);
        if (!out.getFileName().toString().endsWith(".onnx")) {
            throw new IllegalArgumentException("--out " + out + " must end in .onnx");
        }
        Path parent = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + parent, e);
        }
        Path run = Files.isDirectory(checkpoint) ? checkpoint : file.getParent();
        String runId = run == null
                ? "unknown"
                : run.toAbsolutePath().normalize().getFileName().toString();
        PolicyManifest m = PolicyExport.exportOnnx(p, out, runId, seedOf(run), System.err, true);
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %s: %s, %d observations → %d actions, trained %,d steps, sha-256 %s%n",
                        out, m.envId(), m.observations().size(), m.actions().size(), p.trainedSteps(), m.contentHash());
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The policy file behind {@code path}: a run folder's best policy, else its newest checkpoint; or the file. */
    static Path resolve(Path path) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("--checkpoint " + path + " does not exist");
        }
        Path best = path.resolve("best").resolve("policy.bin");
        if (Files.isRegularFile(best)) {
            return best;
        }
        Path policy = path.resolve("policy.bin");
        if (Files.isRegularFile(policy)) {
            return policy;
        }
        return PpoTrainer.latestCheckpoint(path);
    }

    /** The seed recorded in a run folder's config.properties (0 if there is none). */
    private static long seedOf(Path run) {
        if (run == null) {
            return 0;
        }
        for (Path p : new Path[] {run.resolve("config.properties"), run.resolveSibling("config.properties")}) {
            if (Files.isRegularFile(p)) {
                java.util.Properties props = new java.util.Properties();
                try (java.io.Reader r = Files.newBufferedReader(p)) {
                    props.load(r);
                    return Long.parseLong(props.getProperty("seed", "0").strip());
                } catch (java.io.IOException | NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }
}
