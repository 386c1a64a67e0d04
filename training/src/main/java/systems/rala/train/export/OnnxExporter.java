package systems.rala.train.export;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.export.onnx.OnnxModel.AttributeProto;
import systems.rala.train.export.onnx.OnnxModel.GraphProto;
import systems.rala.train.export.onnx.OnnxModel.ModelProto;
import systems.rala.train.export.onnx.OnnxModel.NodeProto;
import systems.rala.train.export.onnx.OnnxModel.OperatorSetIdProto;
import systems.rala.train.export.onnx.OnnxModel.StringStringEntryProto;
import systems.rala.train.export.onnx.OnnxModel.TensorProto;
import systems.rala.train.export.onnx.OnnxModel.TensorShapeProto;
import systems.rala.train.export.onnx.OnnxModel.TypeProto;
import systems.rala.train.export.onnx.OnnxModel.ValueInfoProto;

/**
 * Writes an {@link MlpPolicy} as an ONNX model (IR version 8, default-domain opset 13) that ONNX Runtime
 * and {@code systems.rala.runtime.policy.OnnxPolicy} run, with its {@link PolicyManifest} in the model's
 * {@code metadata_props}.
 *
 * <p>The graph has one input, {@value #INPUT} (float32 {@code [N, observations]}, N free), and one output,
 * {@value #OUTPUT} (float32 {@code [N, actions]}):
 *
 * <pre>
 * observation → Sub(obs_mean) → Div(Sqrt(Add(obs_var, obs_epsilon))) → Clip(-c, c)
 *             → Gemm(hidden0.weight, hidden0.bias, transB=1) → Tanh → … (each hidden layer)
 *             → Gemm(head.weight, head.bias, transB=1) → Clip(-1, 1)
 *             → Mul(action_scale) → Add(action_offset) → action
 * </pre>
 *
 * with {@code action_scale = (high - low) / 2} and {@code action_offset = (high + low) / 2}, which is
 * {@code low + (a + 1) / 2 (high - low)} rearranged. Weights keep their {@code [out][in]} layout
 * ({@code transB = 1}); every initializer is float32 in {@code raw_data}, little-endian.
 *
 * <p><b>Content hash.</b> The metadata entry {@code rala.content_hash} holds the lower-case hexadecimal
 * SHA-256 of the serialised model as written with that entry's value empty. The exporter serialises the
 * model once with {@code rala.content_hash = ""}, hashes those bytes, and serialises it again with the
 * hash; since every other field serialises to the same bytes, the file differs from the hashed bytes only
 * in that one {@code StringStringEntryProto} (its value field, field 2, and the entry's length prefix).
 * A reader recomputes the hash from the file by re-encoding that entry with a zero-length value field and
 * hashing the result ({@code systems.rala.runtime.policy.PolicyFile#contentHash}).
 */
public final class OnnxExporter {

    /** Name of the graph's input. */
    public static final String INPUT = "observation";
    /** Name of the graph's output. */
    public static final String OUTPUT = "action";
    /** ONNX IR version written. */
    public static final long IR_VERSION = 8;
    /** Version of the default ONNX operator set imported. */
    public static final long OPSET = 13;

    private static final String HASH_KEY = "rala.content_hash";
    private static final int FLOAT = TensorProto.DataType.FLOAT_VALUE;

    private OnnxExporter() {}

    /**
     * Writes {@code policy} with {@code manifest} to {@code file} (through a temporary file beside it, moved
     * into place). The manifest's content hash is ignored and replaced by the one computed here.
     *
     * @return the manifest as written, with its content hash
     * @throws IllegalArgumentException if the manifest's observation or action count, or an action's bounds,
     *     differ from the policy's
     * @throws IOException if the file cannot be written
     */
    public static PolicyManifest write(MlpPolicy policy, PolicyManifest manifest, Path file) throws IOException {
        Written w = serialize(policy, manifest);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, w.bytes());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return w.manifest();
    }

    /**
     * The bytes of the {@code .onnx} file {@link #write} would write.
     *
     * @throws IllegalArgumentException as {@link #write}
     */
    public static byte[] toBytes(MlpPolicy policy, PolicyManifest manifest) {
        return serialize(policy, manifest).bytes();
    }

    private record Written(byte[] bytes, PolicyManifest manifest) {}

    private static Written serialize(MlpPolicy policy, PolicyManifest manifest) {
        check(policy, manifest);
        GraphProto graph = graph(policy);
        PolicyManifest unhashed = manifest.withContentHash("");
        byte[] hashed = model(graph, unhashed).toByteArray();
        String hash = sha256(hashed);
        PolicyManifest complete = manifest.withContentHash(hash);
        return new Written(model(graph, complete).toByteArray(), complete);
    }

    private static void check(MlpPolicy policy, PolicyManifest manifest) {
        if (manifest.observations().size() != policy.observationSize()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "manifest lists %d observations, the policy takes %d",
                    manifest.observations().size(),
                    policy.observationSize()));
        }
        if (manifest.actions().size() != policy.actionSize()) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "manifest lists %d actions, the policy returns %d",
                    manifest.actions().size(),
                    policy.actionSize()));
        }
        double[] low = policy.actionLow();
        double[] high = policy.actionHigh();
        List<Point> actions = manifest.actions();
        for (int i = 0; i < low.length; i++) {
            Point a = actions.get(i);
            if (a.min() != low[i] || a.max() != high[i]) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "action %d (%s): manifest bounds [%s, %s], the policy maps to [%s, %s]",
                        i,
                        a.name(),
                        a.min(),
                        a.max(),
                        low[i],
                        high[i]));
            }
        }
    }

    private static ModelProto model(GraphProto graph, PolicyManifest manifest) {
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("rala")
                .setDomain("systems.rala")
                .setModelVersion(manifest.version())
                .setDocString("RALA climate-control policy for " + manifest.envId())
                .setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET));
        for (Map.Entry<String, String> e : manifest.toMetadata().entrySet()) {
            m.addMetadataProps(
                    StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    private static GraphProto graph(MlpPolicy p) {
        int obs = p.observationSize();
        int act = p.actionSize();
        MlpPolicy.Normalization n = p.normalization();
        GraphProto.Builder g = GraphProto.newBuilder().setName("rala_policy");
        g.addInput(value(INPUT, obs));
        g.addOutput(value(OUTPUT, act));

        g.addInitializer(tensor("obs_mean", toFloat(n.mean()), obs));
        g.addInitializer(tensor("obs_var", toFloat(n.variance()), obs));
        g.addInitializer(scalar("obs_epsilon", (float) n.epsilon()));
        g.addInitializer(scalar("obs_clip_min", (float) -n.clip()));
        g.addInitializer(scalar("obs_clip_max", (float) n.clip()));
        g.addNode(node("Sub", "obs_centered", INPUT, "obs_mean"));
        g.addNode(node("Add", "obs_var_eps", "obs_var", "obs_epsilon"));
        g.addNode(node("Sqrt", "obs_std", "obs_var_eps"));
        g.addNode(node("Div", "obs_scaled", "obs_centered", "obs_std"));
        g.addNode(node("Clip", "obs_normalized", "obs_scaled", "obs_clip_min", "obs_clip_max"));

        String x = "obs_normalized";
        for (int l = 0; l < p.hidden().size(); l++) {
            String name = "hidden" + l;
            x = gemm(g, name, x, p.hidden().get(l));
            g.addNode(node("Tanh", name + ".tanh", x));
            x = name + ".tanh";
        }
        x = gemm(g, "head", x, p.output());

        double[] low = p.actionLow();
        double[] high = p.actionHigh();
        float[] scale = new float[act];
        float[] offset = new float[act];
        for (int i = 0; i < act; i++) {
            scale[i] = (float) ((high[i] - low[i]) / 2.0);
            offset[i] = (float) ((high[i] + low[i]) / 2.0);
        }
        g.addInitializer(scalar("action_clip_min", -1f));
        g.addInitializer(scalar("action_clip_max", 1f));
        g.addInitializer(tensor("action_scale", scale, act));
        g.addInitializer(tensor("action_offset", offset, act));
        g.addNode(node("Clip", "action_mean", x, "action_clip_min", "action_clip_max"));
        g.addNode(node("Mul", "action_scaled", "action_mean", "action_scale"));
        g.addNode(node("Add", OUTPUT, "action_scaled", "action_offset"));
        return g.build();
    }

    /** Adds {@code name.weight}, {@code name.bias} and a Gemm node; returns the node's output name. */
    private static String gemm(GraphProto.Builder g, String name, String input, MlpPolicy.Dense d) {
        g.addInitializer(tensor(name + ".weight", d.weightRowMajor(), d.outputSize(), d.inputSize()));
        g.addInitializer(tensor(name + ".bias", d.biasView(), d.outputSize()));
        String out = name + ".linear";
        g.addNode(node("Gemm", out, input, name + ".weight", name + ".bias").toBuilder()
                .addAttribute(AttributeProto.newBuilder()
                        .setName("transB")
                        .setType(AttributeProto.AttributeType.INT)
                        .setI(1)));
        return out;
    }

    private static NodeProto node(String op, String output, String... inputs) {
        NodeProto.Builder b =
                NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String in : inputs) {
            b.addInput(in);
        }
        return b.build();
    }

    /** A float32 {@code [N, width]} graph input or output, N a free dimension. */
    private static ValueInfoProto value(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder()
                        .setTensorType(
                                TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(shape)))
                .build();
    }

    private static TensorProto scalar(String name, float v) {
        return tensor(name, new float[] {v});
    }

    private static TensorProto tensor(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t =
                TensorProto.newBuilder().setName(name).setDataType(FLOAT).setRawData(ByteString.copyFrom(raw));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            f[i] = (float) v[i];
        }
        return f;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
