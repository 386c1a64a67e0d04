package systems.rala.train.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import systems.rala.runtime.policy.OnnxPolicy;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.policy.PolicyFileException;
import systems.rala.train.export.onnx.OnnxModel.ModelProto;
import systems.rala.train.export.onnx.OnnxModel.StringStringEntryProto;

/** What {@link OnnxPolicy} refuses at load time and at decision time, and the messages it gives. */
class OnnxPolicyLoadTest {

    @TempDir
    Path dir;

    @Test
    void aModelWithoutManifestIsRefused() throws IOException {
        ModelProto model = exported().toBuilder().clearMetadataProps().build();
        Path file = dir.resolve("bare.onnx");
        Files.write(file, model.toByteArray());
        assertThatThrownBy(() -> OnnxPolicy.load(file))
                .isInstanceOf(PolicyFileException.class)
                .hasMessage(file + ": metadata key rala.content_hash is missing or empty, so the policy cannot be"
                        + " verified (not exported by RALA?)");
    }

    /** A manifest listing 15 observations on a graph that takes 16, consistently hashed. */
    @Test
    void aGraphThatDoesNotMatchItsManifestIsRefused() throws IOException {
        ModelProto.Builder b = exported().toBuilder();
        for (int i = 0; i < b.getMetadataPropsCount(); i++) {
            StringStringEntryProto e = b.getMetadataProps(i);
            if (e.getKey().equals("rala.observations")) {
                String v = e.getValue();
                b.setMetadataProps(i, e.toBuilder().setValue(v.substring(0, v.lastIndexOf(';'))));
            }
        }
        Path file = dir.resolve("narrow.onnx");
        Files.write(file, rehash(b));
        assertThatThrownBy(() -> OnnxPolicy.load(file))
                .isInstanceOf(PolicyFileException.class)
                .hasMessage(file + ": graph input observation is FLOAT [-1, 16] (-1: free), expected float32 [N, 15]"
                        + " (15 observations in the manifest)");
    }

    @Test
    void aFileThatIsNotOnnxIsRefused() throws IOException {
        Path file = dir.resolve("notes.onnx");
        Files.writeString(file, "{\"policy\": \"json\"}");
        assertThatThrownBy(() -> OnnxPolicy.load(file))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageStartingWith(file + ": not an ONNX model: at byte ");
    }

    @Test
    void nonFiniteReadingsWrongLengthsAndUseAfterCloseAreRefused() throws IOException {
        Path file = dir.resolve("policy.onnx");
        OnnxExporter.write(TestPolicies.random(1, 8), TestPolicies.manifest(), file);
        OnnxPolicy p = OnnxPolicy.load(file);
        double[] obs = new double[16];
        double[] action = new double[4];
        obs[2] = Double.NaN;
        assertThatThrownBy(() -> p.act(obs, action))
                .hasMessage("observation 2 (air_co2) is NaN, expected a finite float32 value");
        obs[2] = 1e39; // finite as a double, infinite as float32
        assertThatThrownBy(() -> p.act(obs, action))
                .hasMessage("observation 2 (air_co2) is 1.0E39, expected a finite float32 value");
        assertThatThrownBy(() -> p.act(new float[15], action))
                .hasMessage("observation has 15 values, the policy expects 16");
        assertThatThrownBy(() -> p.act(new float[16], new double[5]))
                .hasMessage("action array has 5 places, the policy writes 4");
        p.close();
        p.close(); // idempotent
        assertThatThrownBy(() -> p.act(new float[16], action))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("policy " + file + " is closed");
    }

    private static ModelProto exported() throws IOException {
        return ModelProto.parseFrom(OnnxExporter.toBytes(TestPolicies.random(1, 8), TestPolicies.manifest()));
    }

    /** Serialises the model with its content hash recomputed, as the exporter does. */
    private static byte[] rehash(ModelProto.Builder b) {
        int at = -1;
        for (int i = 0; i < b.getMetadataPropsCount(); i++) {
            if (b.getMetadataProps(i).getKey().equals(PolicyFile.HASH_KEY)) {
                at = i;
            }
        }
        b.setMetadataProps(at, b.getMetadataProps(at).toBuilder().setValue(""));
        String hash = sha256(b.build().toByteArray());
        b.setMetadataProps(at, b.getMetadataProps(at).toBuilder().setValue(hash));
        return b.build().toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
