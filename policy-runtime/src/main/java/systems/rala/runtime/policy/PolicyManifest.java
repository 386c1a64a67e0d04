package systems.rala.runtime.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import systems.rala.runtime.control.Point;

/**
 * What an exported policy expects and returns, carried in the metadata of its {@code .onnx} file so that
 * anyone holding the file can tell: observation names, units and bounds in input order; action names,
 * units and bounds in output order; how inputs are normalised (inside the graph); the environment id; the
 * training run, seed and git commit; and a content hash of the graph.
 *
 * <p>Metadata keys ({@code rala.*}) and encodings: points as {@code name|unit|low|high} joined by {@code ;}
 * (names and units may not contain {@code |} or {@code ;}); numbers in Java's shortest round-trip form.
 *
 * @param version manifest format version (1)
 * @param envId environment id and version, e.g. {@code GreenhouseTomato-v0}
 * @param envOptions the environment options the policy was trained with, {@code key=value} joined by {@code ;}
 * @param observations the input vector's components, in order
 * @param actions the output vector's components, in order, with the bounds the graph clips to
 * @param normalization how the graph normalises observations, in words (e.g. "running mean/std, clip 10")
 * @param runId training run identifier
 * @param seed training seed
 * @param gitCommit commit of the code that trained it
 * @param contentHash SHA-256 (hex) of the serialised model written with this field empty (exactly what is
 *     hashed: {@link PolicyFile})
 */
public record PolicyManifest(
        int version,
        String envId,
        String envOptions,
        List<Point> observations,
        List<Point> actions,
        String normalization,
        String runId,
        long seed,
        String gitCommit,
        String contentHash) {

    /** The manifest format this code writes and reads. */
    public static final int VERSION = 1;

    public PolicyManifest {
        observations = List.copyOf(observations);
        actions = List.copyOf(actions);
        if (observations.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("a policy manifest needs observations and actions");
        }
        for (Point p : observations) {
            checkText(p.name(), "observation name");
            checkText(p.unit(), "observation unit");
        }
        for (Point p : actions) {
            checkText(p.name(), "action name");
            checkText(p.unit(), "action unit");
        }
    }

    /** The manifest as ONNX metadata properties. */
    public Map<String, String> toMetadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rala.manifest_version", Integer.toString(version));
        m.put("rala.env_id", envId);
        m.put("rala.env_options", envOptions == null ? "" : envOptions);
        m.put("rala.observations", encode(observations));
        m.put("rala.actions", encode(actions));
        m.put("rala.normalization", normalization);
        m.put("rala.run_id", runId);
        m.put("rala.seed", Long.toString(seed));
        m.put("rala.git_commit", gitCommit);
        m.put("rala.content_hash", contentHash == null ? "" : contentHash);
        return m;
    }

    /** The same manifest with {@code hash} as its content hash. */
    public PolicyManifest withContentHash(String hash) {
        return new PolicyManifest(
                version, envId, envOptions, observations, actions, normalization, runId, seed, gitCommit, hash);
    }

    /**
     * Reads a manifest from ONNX metadata; a missing key, a newer version or a malformed point names the
     * problem.
     */
    public static PolicyManifest fromMetadata(Map<String, String> m) {
        String v = require(m, "rala.manifest_version");
        int version;
        try {
            version = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy manifest: rala.manifest_version '" + v + "' is not a number");
        }
        if (version > VERSION) {
            throw new IllegalArgumentException("policy manifest version " + version + " is newer than this runtime's ("
                    + VERSION + "); update the runtime");
        }
        long seed;
        try {
            seed = Long.parseLong(require(m, "rala.seed"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("policy manifest: rala.seed is not a number");
        }
        return new PolicyManifest(
                version,
                require(m, "rala.env_id"),
                m.getOrDefault("rala.env_options", ""),
                decode(require(m, "rala.observations"), "rala.observations"),
                decode(require(m, "rala.actions"), "rala.actions"),
                require(m, "rala.normalization"),
                require(m, "rala.run_id"),
                seed,
                require(m, "rala.git_commit"),
                m.getOrDefault("rala.content_hash", ""));
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException(
                    "policy manifest: metadata key " + key + " is missing (not a RALA policy?)");
        }
        return v;
    }

    private static void checkText(String s, String what) {
        if (s.contains("|") || s.contains(";")) {
            throw new IllegalArgumentException(what + " '" + s + "' may not contain | or ;");
        }
    }

    static String encode(List<Point> points) {
        StringBuilder sb = new StringBuilder();
        for (Point p : points) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(p.name())
                    .append('|')
                    .append(p.unit())
                    .append('|')
                    .append(p.min())
                    .append('|')
                    .append(p.max());
        }
        return sb.toString();
    }

    static List<Point> decode(String s, String key) {
        List<Point> out = new ArrayList<>();
        for (String item : s.split(";")) {
            String[] f = item.split("\\|", -1);
            if (f.length != 4) {
                throw new IllegalArgumentException(
                        "policy manifest: " + key + " entry '" + item + "' is not name|unit|low|high");
            }
            try {
                out.add(new Point(f[0], f[1], f[0], Double.parseDouble(f[2]), Double.parseDouble(f[3])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "policy manifest: " + key + " entry '" + item + "' has a bound that is not a number");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "policy for %s: %d observations -> %d actions (run %s, seed %d, commit %s)",
                envId,
                observations.size(),
                actions.size(),
                runId,
                seed,
                gitCommit);
    }
}
