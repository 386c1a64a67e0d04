package systems.rala.train.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.control.Point;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.policy.PolicyFileException;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.train.export.onnx.OnnxModel.ModelProto;
import systems.rala.train.export.onnx.OnnxModel.StringStringEntryProto;

/** An exported policy runs in ONNX Runtime as {@link MlpPolicy#act} computes it, and carries its manifest. */
class OnnxExportTest {

    private static final int SAMPLES = 10_000;

    @TempDir
    Path dir;

    /**
     * 10,000 random observations through ONNX Runtime (float32) and the double-precision reference. The
     * graph computes in float32, whose relative rounding is 6e-8; through two 64-wide layers the action mean
     * in [-1, 1] carries an error of a few 1e-7, and the output scaling multiplies it by half the action's
     * range (600 ppm for the CO2 set-point, where float32 itself cannot resolve 1e-5: its spacing near
     * 1000 ppm is 6e-5). So the tolerance is 1e-5 in the action mean's units, i.e. 1e-5 × (high − low) / 2
     * in physical units: 5e-6 for the [0, 1] lamp fraction, 7.5e-5 °C for the heating set-point, 6e-3 ppm
     * for the CO2 set-point.
     */
    @Test
    void onnxRuntimeMatchesTheReferenceForward() throws IOException {
        MlpPolicy policy = TestPolicies.random(7, 64, 64);
        Path file = dir.resolve("policy.onnx");
        OnnxExporter.write(policy, TestPolicies.manifest(), file);

        double[] low = policy.actionLow();
        double[] high = policy.actionHigh();
        int act = policy.actionSize();
        double[] maxAbs = new double[act];
        double maxRelative = 0;
        int clippedObservations = 0;
        int clippedActions = 0;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] obs = new double[policy.observationSize()];
        double[] expected = new double[act];
        double[] actual = new double[act];
        try (OnnxPolicy onnx = OnnxPolicy.load(file)) {
            for (int n = 0; n < SAMPLES; n++) {
                TestPolicies.observation(rnd, policy, obs);
                clippedObservations += countClipped(policy, obs);
                policy.act(obs, expected);
                onnx.act(obs, actual);
                for (int j = 0; j < act; j++) {
                    double d = Math.abs(actual[j] - expected[j]);
                    maxAbs[j] = Math.max(maxAbs[j], d);
                    maxRelative = Math.max(maxRelative, d / ((high[j] - low[j]) / 2));
                    if (expected[j] == low[j] || expected[j] == high[j]) {
                        clippedActions++;
                    }
                }
            }
        }
        System.out.printf(
                "ONNX vs reference over %d observations: max |difference| per action %s (physical units),"
                        + " max in action-mean units %.3g; %d observations clipped, %d actions at a bound%n",
                SAMPLES, Arrays.toString(maxAbs), maxRelative, clippedObservations, clippedActions);
        assertThat(maxRelative).as("max difference / half range").isLessThanOrEqualTo(1e-5);
        assertThat(maxAbs[3]).as("lamps, a [0, 1] fraction, in absolute terms").isLessThanOrEqualTo(1e-5);
        // the test data reach the clips on both sides
        assertThat(clippedObservations).isGreaterThan(100);
        assertThat(clippedActions).isGreaterThan(100);
    }

    private static int countClipped(MlpPolicy p, double[] obs) {
        double[] mean = p.normalization().mean();
        double[] var = p.normalization().variance();
        int n = 0;
        for (int i = 0; i < obs.length; i++) {
            if (Math.abs(obs[i] - mean[i])
                            / Math.sqrt(var[i] + p.normalization().epsilon())
                    > 10) {
                n++;
            }
        }
        return n;
    }

    /** The batch dimension is free: a [100, 16] input gives the same rows as 100 single decisions. */
    @Test
    void batchesGiveTheSameActions() throws IOException, OrtException {
        MlpPolicy policy = TestPolicies.random(3, 64, 64);
        byte[] bytes = OnnxExporter.toBytes(policy, TestPolicies.manifest());
        int n = 100;
        int obsSize = policy.observationSize();
        SplittableRandom rnd = new SplittableRandom(5);
        double[][] obs = new double[n][obsSize];
        FloatBuffer batch = ByteBuffer.allocateDirect(n * obsSize * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int r = 0; r < n; r++) {
            TestPolicies.observation(rnd, policy, obs[r]);
            for (int i = 0; i < obsSize; i++) {
                batch.put(r * obsSize + i, (float) obs[r][i]);
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] rows;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(bytes, options);
                OnnxTensor input = OnnxTensor.createTensor(env, batch, new long[] {n, obsSize});
                OrtSession.Result result = session.run(Map.of(OnnxExporter.INPUT, input))) {
            rows = (float[][]) result.get(OnnxExporter.OUTPUT).orElseThrow().getValue();
        }
        Path file = dir.resolve("batch.onnx");
        Files.write(file, bytes);
        double[] single = new double[policy.actionSize()];
        double[] low = policy.actionLow();
        double[] high = policy.actionHigh();
        try (OnnxPolicy onnx = OnnxPolicy.load(file)) {
            for (int r = 0; r < n; r++) {
                onnx.act(obs[r], single);
                for (int j = 0; j < single.length; j++) {
                    // a Gemm over 100 rows may sum in another order than over one: float32 rounding apart,
                    // within the tolerance of the reference comparison
                    assertThat((double) rows[r][j]).isCloseTo(single[j], Offset.offset(1e-5 * (high[j] - low[j]) / 2));
                }
            }
        }
    }

    @Test
    void theManifestRoundTrips() throws IOException {
        PolicyManifest manifest = TestPolicies.manifest();
        Path file = dir.resolve("policy.onnx");
        PolicyManifest written = OnnxExporter.write(TestPolicies.random(1, 64, 64), manifest, file);

        assertThat(written.contentHash()).matches("[0-9a-f]{64}");
        try (OnnxPolicy onnx = OnnxPolicy.load(file)) {
            PolicyManifest read = onnx.manifest();
            assertThat(read.toMetadata()).isEqualTo(written.toMetadata());
            assertThat(read.withContentHash("").toMetadata()).isEqualTo(manifest.toMetadata());
            assertThat(read.envId()).isEqualTo("GreenhouseTomato-v0");
            assertThat(read.seed()).isEqualTo(42L);
            assertThat(read.observations())
                    .extracting(Point::name, Point::unit, Point::min, Point::max)
                    .containsExactlyElementsOf(manifest.observations().stream()
                            .map(p -> Tuple.tuple(p.name(), p.unit(), p.min(), p.max()))
                            .toList());
            assertThat(onnx.observationSize()).isEqualTo(16);
            assertThat(onnx.actionSize()).isEqualTo(4);
        }
    }

    /**
     * The hash is what the exporter documents: SHA-256 of the model serialised with an empty
     * rala.content_hash. Checked here with the protobuf classes, independently of the runtime's reader.
     */
    @Test
    void theContentHashIsTheHashOfTheModelWithAnEmptyHashEntry() throws IOException {
        byte[] bytes = OnnxExporter.toBytes(TestPolicies.random(2, 64, 64), TestPolicies.manifest());
        ModelProto model = ModelProto.parseFrom(bytes);
        ModelProto.Builder emptied = model.toBuilder();
        String declared = null;
        for (int i = 0; i < emptied.getMetadataPropsCount(); i++) {
            StringStringEntryProto e = emptied.getMetadataProps(i);
            if (e.getKey().equals(PolicyFile.HASH_KEY)) {
                declared = e.getValue();
                emptied.setMetadataProps(i, e.toBuilder().setValue(""));
            }
        }
        String expected = sha256(emptied.build().toByteArray());

        assertThat(declared).isEqualTo(expected);
        assertThat(PolicyFile.contentHash(bytes)).isEqualTo(expected);
        assertThat(model.getIrVersion()).isEqualTo(8);
        assertThat(model.getOpsetImport(0).getVersion()).isEqualTo(13);
        assertThat(model.getGraph().getNodeList())
                .extracting(n -> n.getOpType())
                .containsExactly(
                        "Sub", "Add", "Sqrt", "Div", "Clip", "Gemm", "Tanh", "Gemm", "Tanh", "Gemm", "Clip", "Mul",
                        "Add");
    }

    /** Exporting the same policy twice gives the same bytes (and so the same hash). */
    @Test
    void exportIsDeterministic() {
        MlpPolicy policy = TestPolicies.random(4, 64, 64);
        assertThat(OnnxExporter.toBytes(policy, TestPolicies.manifest()))
                .isEqualTo(OnnxExporter.toBytes(policy, TestPolicies.manifest()));
    }

    @Test
    void aChangedWeightByteFailsTheHash() throws IOException {
        MlpPolicy policy = TestPolicies.random(5, 64, 64);
        byte[] bytes = OnnxExporter.toBytes(policy, TestPolicies.manifest());
        // the raw little-endian bytes of hidden1.weight[10][20] are in the file once
        float w = policy.hidden().get(1).weight()[10][20];
        int at = indexOf(
                bytes,
                ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putFloat(w)
                        .array());
        assertThat(at).as("offset of the weight's bytes").isPositive();
        bytes[at] ^= 0x01; // its least significant mantissa bit
        Path file = dir.resolve("tampered.onnx");
        Files.write(file, bytes);

        assertThatThrownBy(() -> OnnxPolicy.load(file))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("content hash mismatch")
                .hasMessageContaining("changed or damaged after export");
    }

    @Test
    void aChangedManifestFailsTheHash() throws IOException {
        byte[] bytes = OnnxExporter.toBytes(TestPolicies.random(6, 64, 64), TestPolicies.manifest());
        // same length: ppm -> ppb in the observations' units
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("air_co2|ppm");
        assertThat(at).isPositive();
        bytes[at + "air_co2|pp".length()] = 'b';
        Path file = dir.resolve("relabelled.onnx");
        Files.write(file, bytes);

        assertThatThrownBy(() -> OnnxPolicy.load(file))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("content hash mismatch");
    }

    @Test
    void theExporterRefusesAManifestThatDoesNotDescribeThePolicy() {
        MlpPolicy policy = TestPolicies.random(8, 64, 64);
        PolicyManifest m = TestPolicies.manifest();
        PolicyManifest fewer = new PolicyManifest(
                m.version(),
                m.envId(),
                m.envOptions(),
                m.observations().subList(0, 15),
                m.actions(),
                m.normalization(),
                m.runId(),
                m.seed(),
                m.gitCommit(),
                "");
        assertThatThrownBy(() -> OnnxExporter.toBytes(policy, fewer))
                .hasMessage("manifest lists 15 observations, the policy takes 16");

        List<Point> actions = new ArrayList<>(m.actions());
        actions.set(2, new Point("co2_setpoint", "ppm", "", 400, 1200));
        PolicyManifest otherBounds = new PolicyManifest(
                m.version(),
                m.envId(),
                m.envOptions(),
                m.observations(),
                actions,
                m.normalization(),
                m.runId(),
                m.seed(),
                m.gitCommit(),
                "");
        assertThatThrownBy(() -> OnnxExporter.toBytes(policy, otherBounds))
                .hasMessage(
                        "action 2 (co2_setpoint): manifest bounds [400.0, 1200.0], the policy maps to [400.0, 1600.0]");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
