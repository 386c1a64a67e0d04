package systems.rala.service.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service under test, on the loopback address only. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A response; {@code body} is its JSON (a missing node when not JSON), {@code raw} its text as sent. */
    record Response(int status, String contentType, JsonNode body, String raw) {
        String text(String field) {
            return body.path(field).asString();
        }
    }

    /** A body sent as given, for non-JSON requests such as multipart uploads. */
    record RawBody(String contentType, byte[] bytes) {}

    Response call(String method, String path, String token, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body instanceof RawBody raw) {
            request.header("Content-Type", raw.contentType());
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(raw.bytes()));
        } else if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json =
                    text == null || text.isBlank() || !type.contains("json") ? JSON.missingNode() : JSON.readTree(text);
            return new Response(response.statusCode(), type, json, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
