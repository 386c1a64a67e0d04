package systems.rala.runtime.policy;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import systems.rala.runtime.control.Point;

/**
 * An exported policy ({@code .onnx} file with a {@link PolicyManifest} in its metadata), loaded and ready
 * to decide one action vector per observation vector.
 *
 * <p>{@link #load} reads the file, recomputes its content hash ({@link PolicyFile#contentHash}) and refuses
 * a file whose hash differs from the one in its manifest, reads the manifest, creates an ONNX Runtime
 * session and checks that the graph's input {@value #INPUT} is float32 {@code [N or 1, observations]} and
 * its output {@value #OUTPUT} float32 {@code [N or 1, actions]}, as many as the manifest lists.
 *
 * <p>Inference runs one observation at a time on the calling thread: the session has one intra-op and one
 * inter-op thread (so no worker thread exists to spin or to be woken), sequential execution, all graph
 * optimisations and memory-pattern planning. The input and output tensors are created once, over direct
 * float buffers that {@link #act} writes and reads in place; the output tensor is pinned, so ONNX Runtime
 * writes into it, and one {@code RunOptions} serves every run. {@code act} allocates nothing itself, but
 * ONNX Runtime's Java {@code OrtSession.run} creates a few small objects per call (name and handle arrays,
 * the flag array its native code returns, and its {@code Result} with a map and a list: 368 bytes); the
 * policy-runtime README says where each comes from and gives the measured times.
 *
 * <p>Not thread-safe: one thread calls {@code act} at a time. {@link #close} releases the tensors and the
 * session; ONNX Runtime's process-wide environment is left open (closing it is a no-op in ONNX Runtime's
 * Java API).
 */
public final class OnnxPolicy implements AutoCloseable, DecisionPolicy {

    /** Name of the graph input the observation vector feeds. */
    public static final String INPUT = "observation";
    /** Name of the graph output the action vector comes from. */
    public static final String OUTPUT = "action";

    private final Path file;
    private final PolicyManifest manifest;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final OrtSession.RunOptions runOptions;
    private final OnnxTensor input;
    private final OnnxTensor output;
    private final FloatBuffer in;
    private final FloatBuffer out;
    private final Map<String, OnnxTensor> inputs;
    private final Map<String, OnnxTensor> pinnedOutputs;
    /** Outputs ONNX Runtime is to allocate: none, the only output is pinned. */
    private final Set<String> allocatedOutputs = Collections.emptySet();

    private final int observationSize;
    private final int actionSize;
    private boolean closed;

    private OnnxPolicy(
            Path file,
            PolicyManifest manifest,
            OrtSession.SessionOptions options,
            OrtSession session,
            OrtSession.RunOptions runOptions,
            OnnxTensor input,
            FloatBuffer in,
            OnnxTensor output,
            FloatBuffer out) {
        this.file = file;
        this.manifest = manifest;
        this.options = options;
        this.session = session;
        this.runOptions = runOptions;
        this.input = input;
        this.in = in;
        this.output = output;
        this.out = out;
        // singleton maps cache their entry set: iterating one, as OrtSession.run does, allocates only the
        // iterator (Map.of's one-entry map builds a new entry and set each time)
        this.inputs = Collections.singletonMap(INPUT, input);
        this.pinnedOutputs = Collections.singletonMap(OUTPUT, output);
        this.observationSize = manifest.observations().size();
        this.actionSize = manifest.actions().size();
    }

    /**
     * Loads and checks an exported policy.
     *
     * @throws PolicyFileException if the content hash does not match, the manifest is missing or malformed,
     *     the graph's input or output is not as the manifest describes, or ONNX Runtime rejects the model;
     *     the message names the file and the problem
     * @throws IOException if the file cannot be read
     */
    public static OnnxPolicy load(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        PolicyManifest manifest = verify(file, bytes);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = null;
        OrtSession session = null;
        OrtSession.RunOptions runOptions = null;
        OnnxTensor input = null;
        OnnxTensor output = null;
        boolean loaded = false;
        try {
            options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // ONNX Runtime's default, set to say that it is relied on: without it every run plans its
            // intermediate buffers again, about 1 µs more per decision of a 36-128-128-4 policy
            options.setMemoryPatternOptimization(true);
            session = env.createSession(bytes, options);
            // without run options ONNX Runtime's C API builds default ones for every run
            runOptions = new OrtSession.RunOptions();
            int obs = manifest.observations().size();
            int act = manifest.actions().size();
            checkPort(file, "input", INPUT, session.getInputInfo(), obs, "observations");
            checkPort(file, "output", OUTPUT, session.getOutputInfo(), act, "actions");
            FloatBuffer in = directFloats(obs);
            FloatBuffer out = directFloats(act);
            input = OnnxTensor.createTensor(env, in, new long[] {1, obs});
            output = OnnxTensor.createTensor(env, out, new long[] {1, act});
            OnnxPolicy policy = new OnnxPolicy(file, manifest, options, session, runOptions, input, in, output, out);
            policy.run(); // first run sizes ONNX Runtime's buffers before the first real decision
            loaded = true;
            return policy;
        } catch (OrtException e) {
            throw new PolicyFileException(file + ": ONNX Runtime cannot load the policy: " + e.getMessage(), e);
        } finally {
            if (!loaded) {
                releaseAfterFailedLoad(input, output, session, runOptions, options);
            }
        }
    }

    /** Checks the content hash and reads the manifest, before ONNX Runtime sees the bytes. */
    private static PolicyManifest verify(Path file, byte[] bytes) throws PolicyFileException {
        Map<String, String> metadata;
        String computed;
        try {
            metadata = PolicyFile.metadata(bytes);
            computed = PolicyFile.contentHash(bytes);
        } catch (IllegalArgumentException e) {
            throw new PolicyFileException(file + ": " + e.getMessage(), e);
        }
        String declared = metadata.get(PolicyFile.HASH_KEY);
        if (declared == null || declared.isEmpty()) {
            throw new PolicyFileException(file + ": metadata key " + PolicyFile.HASH_KEY
                    + " is missing or empty, so the policy cannot be verified (not exported by RALA?)");
        }
        if (!declared.equalsIgnoreCase(computed)) {
            throw new PolicyFileException(file + ": content hash mismatch: " + PolicyFile.HASH_KEY + " is "
                    + declared + " but the file's content hashes to " + computed
                    + "; the file was changed or damaged after export");
        }
        try {
            return PolicyManifest.fromMetadata(metadata);
        } catch (IllegalArgumentException e) {
            throw new PolicyFileException(file + ": " + e.getMessage(), e);
        }
    }

    private static void checkPort(
            Path file, String kind, String name, Map<String, NodeInfo> ports, int width, String what)
            throws PolicyFileException {
        String expected = "float32 [N, " + width + "] (" + width + " " + what + " in the manifest)";
        NodeInfo node = ports.get(name);
        if (ports.size() != 1 || node == null) {
            throw new PolicyFileException(
                    file + ": graph " + kind + "s are " + ports.keySet() + ", expected one, " + name + " " + expected);
        }
        ValueInfo info = node.getInfo();
        if (!(info instanceof TensorInfo t)
                || t.type != OnnxJavaType.FLOAT
                || t.getShape().length != 2
                || !(t.getShape()[0] == -1 || t.getShape()[0] == 1)
                || t.getShape()[1] != width) {
            String found = info instanceof TensorInfo ti
                    ? ti.type + " " + Arrays.toString(ti.getShape()) + " (-1: free)"
                    : info.toString();
            throw new PolicyFileException(
                    file + ": graph " + kind + " " + name + " is " + found + ", expected " + expected);
        }
    }

    private static FloatBuffer directFloats(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /** The manifest read from the file (its content hash verified). */
    public PolicyManifest manifest() {
        return manifest;
    }

    /** The file the policy was loaded from. */
    public Path file() {
        return file;
    }

    /** Number of observation values {@link #act} takes. */
    public int observationSize() {
        return observationSize;
    }

    /** Number of action values {@link #act} writes. */
    public int actionSize() {
        return actionSize;
    }

    /**
     * Checks that the policy reads and writes a site's points: the same names, in the same order, with the
     * same units (bounds are not compared: observation bounds are informational, and commands are clamped
     * to the site's bounds by the safety layer).
     *
     * @param observations the site's readings, in the order it will pass them to {@link #act}
     * @param actions the site's commands, in the order it will take them from {@link #act}
     * @throws IllegalArgumentException listing every mismatch: position, name and unit on each side, and
     *     where a misplaced name is found on the other side
     */
    public void requireMatches(List<Point> observations, List<Point> actions) {
        List<String> problems = new ArrayList<>();
        compare("observation", manifest.observations(), observations, problems);
        compare("action", manifest.actions(), actions, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("policy " + file + " (" + manifest.envId() + ", run "
                    + manifest.runId() + ") does not match the site's points:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static void compare(String kind, List<Point> policy, List<Point> site, List<String> problems) {
        if (policy.size() != site.size()) {
            problems.add(
                    String.format(Locale.ROOT, "the policy has %d %ss, the site %d", policy.size(), kind, site.size()));
        }
        for (int i = 0; i < Math.max(policy.size(), site.size()); i++) {
            Point p = i < policy.size() ? policy.get(i) : null;
            Point s = i < site.size() ? site.get(i) : null;
            if (p == null) {
                problems.add(String.format(
                        Locale.ROOT, "%s %d: the site has %s, the policy has none", kind, i, describe(s)));
            } else if (s == null) {
                problems.add(String.format(
                        Locale.ROOT, "%s %d: the policy expects %s, the site has none", kind, i, describe(p)));
            } else if (!p.name().equals(s.name())) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s %d: the policy expects %s, the site has %s (%s; %s)",
                        kind,
                        i,
                        describe(p),
                        describe(s),
                        whereIs(p.name(), site, "site"),
                        whereIs(s.name(), policy, "policy")));
            } else if (!p.unit().equals(s.unit())) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s %d (%s): the policy expects unit '%s', the site gives '%s'",
                        kind,
                        i,
                        p.name(),
                        p.unit(),
                        s.unit()));
            }
        }
    }

    private static String describe(Point p) {
        return p.name() + " [" + p.unit() + "]";
    }

    private static String whereIs(String name, List<Point> points, String side) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).name().equals(name)) {
                return "the " + side + " has " + name + " at " + i;
            }
        }
        return "the " + side + " has no " + name;
    }

    /**
     * Decides the action for one observation.
     *
     * @param observation {@link #observationSize()} values in the manifest's order and units
     * @param action receives {@link #actionSize()} values in the manifest's order and units
     * @throws IllegalArgumentException if an array has the wrong length or an observation is not a finite
     *     float32 value (naming it)
     * @throws IllegalStateException if the policy is closed or ONNX Runtime fails
     */
    public void act(float[] observation, double[] action) {
        checkSizes(observation.length, action.length);
        for (int i = 0; i < observationSize; i++) {
            float v = observation[i];
            if (!Float.isFinite(v)) {
                throw notFinite(i, v);
            }
            in.put(i, v);
        }
        decide(action);
    }

    /**
     * Decides the action for one observation given in double precision (converted to float32, as the graph
     * computes in float32).
     *
     * @param observation {@link #observationSize()} values in the manifest's order and units
     * @param action receives {@link #actionSize()} values in the manifest's order and units
     * @throws IllegalArgumentException if an array has the wrong length or an observation is not finite as
     *     a float32 value (naming it)
     * @throws IllegalStateException if the policy is closed or ONNX Runtime fails
     */
    public void act(double[] observation, double[] action) {
        checkSizes(observation.length, action.length);
        for (int i = 0; i < observationSize; i++) {
            float v = (float) observation[i];
            if (!Float.isFinite(v)) {
                throw notFinite(i, observation[i]);
            }
            in.put(i, v);
        }
        decide(action);
    }

    private void checkSizes(int observations, int actions) {
        if (closed) {
            throw new IllegalStateException("policy " + file + " is closed");
        }
        if (observations != observationSize) {
            throw new IllegalArgumentException(
                    "observation has " + observations + " values, the policy expects " + observationSize);
        }
        if (actions != actionSize) {
            throw new IllegalArgumentException(
                    "action array has " + actions + " places, the policy writes " + actionSize);
        }
    }

    private IllegalArgumentException notFinite(int i, double v) {
        return new IllegalArgumentException("observation " + i + " ("
                + manifest.observations().get(i).name() + ") is " + v + ", expected a finite float32 value");
    }

    private void decide(double[] action) {
        run();
        for (int j = 0; j < actionSize; j++) {
            action[j] = out.get(j);
        }
    }

    private void run() {
        try (OrtSession.Result r = session.run(inputs, allocatedOutputs, pinnedOutputs, runOptions)) {
            // the action is in the pinned output tensor's buffer
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to run policy " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Releases the tensors, the session, its run options and its options; further {@code act} calls fail.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(input, output, session, runOptions, options);
        }
    }

    /** Closes the tensors, then the session, then the run options and the session options. */
    private static void release(
            OnnxTensor input,
            OnnxTensor output,
            OrtSession session,
            OrtSession.RunOptions runOptions,
            OrtSession.SessionOptions options) {
        input.close();
        output.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed to close its session: " + e.getMessage(), e);
        } finally {
            runOptions.close();
            options.close();
        }
    }

    /**
     * Closes whatever a failed {@link #load} had created. A failure to close the session is not reported:
     * the load has already failed, and its exception is the one to report.
     */
    private static void releaseAfterFailedLoad(
            OnnxTensor input,
            OnnxTensor output,
            OrtSession session,
            OrtSession.RunOptions runOptions,
            OrtSession.SessionOptions options) {
        if (input != null) {
            input.close();
        }
        if (output != null) {
            output.close();
        }
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // dropped on purpose, see above
            }
        }
        if (runOptions != null) {
            runOptions.close();
        }
        if (options != null) {
            options.close();
        }
    }

    @Override
    public String toString() {
        return "OnnxPolicy(" + file + ": " + manifest + ")";
    }
}
