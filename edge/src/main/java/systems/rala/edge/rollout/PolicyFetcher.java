package systems.rala.edge.rollout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * Gets an announced policy file: an {@code https:} URL of the service, fetched with the gateway's credentials as
 * HTTP Basic ({@code clientId:secret}); {@code http:} only to a loopback address (the embedded service on
 * 127.0.0.1), so the secret never crosses a network in clear; or a path the gateway can read (absolute, or
 * relative to the gateway's configuration folder, or a {@code file:} URL). Redirects are not followed, so the
 * credentials go nowhere but the announced host. A file longer than allowed is refused before it is read whole.
 */
public final class PolicyFetcher {

    private final String clientId;
    private final char[] secret;
    private final Path baseDir;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param clientId the gateway's client id (user), or null to send no credentials
     * @param secret its secret (password)
     * @param baseDir the folder relative paths are taken from
     * @param timeout the longest a download may take
     * @param tls the TLS context for https (the broker's truststore, or the JVM's default)
     */
    public PolicyFetcher(String clientId, char[] secret, Path baseDir, Duration timeout, SSLContext tls) {
        this.clientId = clientId;
        this.secret = secret;
        this.baseDir = baseDir;
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout);
        if (tls != null) {
            b.sslContext(tls);
        }
        this.http = b.build();
    }

    /**
     * The file's bytes.
     *
     * @param maxBytes the most it may hold
     * @throws IOException naming the location and what went wrong
     */
    public byte[] fetch(String location, long maxBytes) throws IOException {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            return download(location, maxBytes);
        }
        Path p;
        try {
            p = location.startsWith("file:") ? Path.of(new URI(location)) : baseDir.resolve(location);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("policy location " + location + " is neither a URL nor a path: " + e.getMessage());
        }
        long size = Files.size(p);
        if (size > maxBytes) {
            throw new IOException(p + " holds " + size + " bytes, more than the " + maxBytes + " allowed");
        }
        return Files.readAllBytes(p);
    }

    private byte[] download(String location, long maxBytes) throws IOException {
        URI uri = URI.create(location);
        if (uri.getScheme().equals("http") && !loopback(uri.getHost())) {
            throw new IOException("refusing " + location + ": over plain http the gateway's credentials would cross"
                    + " the network in clear; the service must announce an https URL (http is allowed to loopback"
                    + " only)");
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (clientId != null && secret != null) {
            String token = Base64.getEncoder()
                    .encodeToString((clientId + ":" + new String(secret)).getBytes(StandardCharsets.UTF_8));
            req.header("Authorization", "Basic " + token);
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + location);
        }
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("GET " + location + " answered " + r.statusCode());
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[64 << 10];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (out.size() + (long) n > maxBytes) {
                    throw new IOException("GET " + location + " sent more than the " + maxBytes + " bytes allowed");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
