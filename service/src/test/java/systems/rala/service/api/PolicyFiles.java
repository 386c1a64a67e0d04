package systems.rala.service.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The exported policies under {@code src/test/resources/policies} (how they were made: the README there),
 * multipart bodies that upload them, and a download that keeps the bytes and headers.
 */
final class PolicyFiles {

    /** GreenhouseTomato-v0 set-point policy that always answers 17.5 °C, 25 °C, 1000 ppm, lamps 0. */
    static final String CONSTANT = "tomato-constant.onnx";
    /** The same with heating at 19.375 °C. */
    static final String WARM = "tomato-warm.onnx";
    /** A Pendulum-v1 policy: valid, but for another environment. */
    static final String PENDULUM = "pendulum-constant.onnx";
    /** tomato-constant.onnx with its metadata (the RALA manifest) removed: valid ONNX, not a RALA policy. */
    static final String NO_MANIFEST = "tomato-no-manifest.onnx";

    private PolicyFiles() {}

    static byte[] bytes(String name) {
        try (InputStream in = PolicyFiles.class.getResourceAsStream("/policies/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test policy " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** multipart/form-data with the part {@code file} (and {@code name}, unless null). */
    static Api.RawBody upload(String fileName, byte[] content, String name) {
        String boundary = "rala-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (name != null) {
            out.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n" + name + "\r\n")
                            .getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Api.RawBody("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    static Api.RawBody upload(String fixture, String name) {
        return upload(fixture, bytes(fixture), name);
    }

    record Download(int status, HttpHeaders headers, byte[] body) {}

    static Download download(int port, String path, String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token)
                .GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        try {
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
