package systems.rala.service.timeseries;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The InfluxDB 1.x the tests talk to: {@code -Drala.test.influx=URL}, by default http://127.0.0.1:8086, or the
 * port in {@code RALA_INFLUX_PORT} (what {@code .ci/start-influxdb} starts). When it does not answer, tests that need it are skipped with a message,
 * or fail where {@code RALA_REQUIRE_INFLUXDB=true} (as in {@code .ci/run}).
 */
public final class InfluxServer {

    public static final String URL = System.getProperty(
            "rala.test.influx",
            "http://127.0.0.1:"
                    + (System.getenv("RALA_INFLUX_PORT") == null ? "8086" : System.getenv("RALA_INFLUX_PORT")));

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private InfluxServer() {}

    /** Skips (or fails, where required) unless the server answers its ping. */
    public static void require() {
        String problem;
        try {
            int status = HTTP.send(
                            HttpRequest.newBuilder(URI.create(URL + "/ping")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            problem = status == 204 ? null : "answered " + status;
        } catch (Exception e) {
            problem = e.toString();
        }
        if (problem != null) {
            String msg = "InfluxDB at " + URL + " not available (" + problem + "); start one with .ci/start-influxdb";
            if ("true".equals(System.getenv("RALA_REQUIRE_INFLUXDB"))) {
                fail(msg + " (RALA_REQUIRE_INFLUXDB=true)");
            }
            Assumptions.abort(msg);
        }
    }

    /** Runs an InfluxQL statement outside the store (set-up and clean-up), returning the JSON answer. */
    public static String query(String q) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(URL + "/query?epoch=ms"))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new IllegalStateException(q, e);
        }
    }
}
