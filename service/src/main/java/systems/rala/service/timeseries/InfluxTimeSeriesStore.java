package systems.rala.service.timeseries;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readings in InfluxDB 1.x over its HTTP API (line protocol in, InfluxQL out), as in RALA's original design.
 *
 * <p>Layout: measurement {@code reading}, tags {@code facility} and {@code sensor}, fields {@code value}
 * (float; absent for a reading of bad quality) and {@code quality} (integer), time in ms. InfluxDB identifies
 * a point by measurement, tags and time, so a re-delivered reading overwrites itself: stored once.
 *
 * <p>Three retention policies: {@code raw} (the default, {@link #RAW_RETENTION}), {@code five_min} and
 * {@code hourly}, filled by two continuous queries with mean, min and max per bucket. A continuous query
 * only looks back over its {@code FOR} window, so a batch holding older readings (a gateway's replay after an
 * outage) is downsampled at once by running the same {@code SELECT … INTO} over the batch's hours. Queries
 * for 5-minute and hourly values aggregate the raw readings while the range lies within the raw retention
 * (exact, whatever the queries have done yet) and read the downsampled policies beyond it.
 */
public class InfluxTimeSeriesStore implements TimeSeriesStore {

    /** How long raw readings are kept. */
    public static final Duration RAW_RETENTION = Duration.ofDays(30);

    /** Continuous queries re-aggregate this far back on every run ({@code RESAMPLE … FOR}). */
    static final Duration CQ_WINDOW = Duration.ofHours(2);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private final String db;
    private final String authorization;
    private final Clock clock;
    private volatile boolean schemaReady;

    public InfluxTimeSeriesStore(TimeSeriesProperties.Influx config, Clock clock) {
        String url = config.url();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.db = config.database();
        this.clock = clock;
        this.authorization = config.username() == null || config.username().isBlank()
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (config.username() + ":" + (config.password() == null ? "" : config.password()))
                                                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates the database, retention policies and continuous queries if missing. Idempotent; called before
     * the first write, and again after a failure.
     */
    public synchronized void ensureSchema() {
        if (schemaReady) {
            return;
        }
        command("CREATE DATABASE " + db);
        retentionPolicy("raw", RAW_RETENTION.toDays() + "d", true);
        retentionPolicy("five_min", "400d", false);
        retentionPolicy("hourly", "INF", false);
        Set<String> existing = new LinkedHashSet<>();
        for (JsonNode series : statement("SHOW CONTINUOUS QUERIES").path("series")) {
            if (db.equals(series.path("name").asString())) {
                for (JsonNode row : series.path("values")) {
                    existing.add(row.get(0).asString());
                }
            }
        }
        if (!existing.contains("cq_five_min")) {
            command("CREATE CONTINUOUS QUERY cq_five_min ON " + db + " RESAMPLE EVERY 5m FOR " + CQ_WINDOW.toMinutes()
                    + "m BEGIN " + downsample("five_min", "5m", null) + " END");
        }
        if (!existing.contains("cq_hourly")) {
            command("CREATE CONTINUOUS QUERY cq_hourly ON " + db + " RESAMPLE EVERY 1h FOR " + CQ_WINDOW.toMinutes()
                    + "m BEGIN " + downsample("hourly", "1h", null) + " END");
        }
        schemaReady = true;
    }

    private void retentionPolicy(String name, String duration, boolean isDefault) {
        String spec = " ON " + db + " DURATION " + duration + " REPLICATION 1" + (isDefault ? " DEFAULT" : "");
        JsonNode created = statement("CREATE RETENTION POLICY " + name + spec);
        if (created.has("error")) {
            // exists with other settings: bring it to these
            command("ALTER RETENTION POLICY " + name + spec);
        }
    }

    /** The SELECT … INTO a continuous query runs, optionally restricted to a time range and some sensors. */
    private String downsample(String policy, String bucket, String where) {
        return "SELECT mean(value) AS mean, min(value) AS min, max(value) AS max INTO " + db + "." + policy
                + ".reading FROM " + db + ".raw.reading" + (where == null ? "" : " WHERE " + where)
                + " GROUP BY time(" + bucket + "), *";
    }

    @Override
    public void write(List<Point> batch) {
        if (batch.isEmpty()) {
            return;
        }
        ensureSchema();
        StringBuilder lines = new StringBuilder(batch.size() * 110);
        long oldest = Long.MAX_VALUE;
        long newest = Long.MIN_VALUE;
        for (Point p : batch) {
            lines.append("reading,facility=")
                    .append(p.facility())
                    .append(",sensor=")
                    .append(p.sensor())
                    .append(' ');
            if (!Double.isNaN(p.value())) {
                lines.append("value=").append(p.value()).append(',');
            }
            lines.append("quality=")
                    .append(p.quality())
                    .append("i ")
                    .append(p.timeMs())
                    .append('\n');
            oldest = Math.min(oldest, p.timeMs());
            newest = Math.max(newest, p.timeMs());
        }
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(base + "/write?db=" + db + "&rp=raw&precision=ms"))
                        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())));
        if (response.statusCode() != 204) {
            throw new StoreUnavailableException(
                    "InfluxDB refused the batch (" + response.statusCode() + "): " + response.body(), null);
        }
        if (oldest < clock.millis() - CQ_WINDOW.toMillis() + Resolution.HOURLY.bucketMs()) {
            backfill(batch, oldest, newest);
        }
    }

    /** Downsamples the hours a late batch touched, as the continuous queries would have. */
    private void backfill(List<Point> batch, long oldest, long newest) {
        long hour = Resolution.HOURLY.bucketMs();
        long from = Math.floorDiv(oldest, hour) * hour;
        long to = Math.floorDiv(newest, hour) * hour + hour;
        Set<UUID> sensors = new LinkedHashSet<>();
        for (Point p : batch) {
            sensors.add(p.sensor());
        }
        StringBuilder any = new StringBuilder("(");
        for (UUID s : sensors) {
            any.append(any.length() > 1 ? " OR " : "")
                    .append("sensor = '")
                    .append(s)
                    .append('\'');
        }
        any.append(')');
        String where = "time >= " + from + "ms AND time < " + to + "ms AND " + any;
        command(downsample("five_min", "5m", where));
        command(downsample("hourly", "1h", where));
    }

    @Override
    public List<Sample> query(UUID sensor, long fromMs, long toMs, Resolution resolution, Aggregate aggregate) {
        String range = "sensor = '" + sensor + "' AND time >= " + fromMs + "ms AND time < " + toMs + "ms";
        String q;
        if (resolution == Resolution.RAW) {
            q = "SELECT value FROM " + db + ".raw.reading WHERE " + range;
        } else {
            String bucket = resolution == Resolution.HOURLY ? "1h" : "5m";
            String function = aggregate.name().toLowerCase(java.util.Locale.ROOT);
            if (fromMs >= clock.millis() - RAW_RETENTION.toMillis()) {
                q = "SELECT " + function + "(value) FROM " + db + ".raw.reading WHERE " + range + " GROUP BY time("
                        + bucket + ") fill(none)";
            } else {
                String policy = resolution == Resolution.HOURLY ? "hourly" : "five_min";
                q = "SELECT " + function + " FROM " + db + "." + policy + ".reading WHERE " + range;
            }
        }
        List<Sample> out = new ArrayList<>();
        for (JsonNode series : statement(q).path("series")) {
            for (JsonNode row : series.path("values")) {
                if (!row.get(1).isNull()) {
                    out.add(new Sample(row.get(0).asLong(), row.get(1).asDouble()));
                }
            }
        }
        return out;
    }

    @Override
    public Map<UUID, Sample> latest(UUID facility) {
        Map<UUID, Sample> out = new LinkedHashMap<>();
        String q = "SELECT last(value) FROM " + db + ".raw.reading WHERE facility = '" + facility + "' GROUP BY sensor";
        for (JsonNode series : statement(q).path("series")) {
            JsonNode row = series.path("values").get(0);
            out.put(
                    UUID.fromString(series.path("tags").path("sensor").asString()),
                    new Sample(row.get(0).asLong(), row.get(1).asDouble()));
        }
        return out;
    }

    @Override
    public long count(UUID sensor, long fromMs, long toMs) {
        String q = "SELECT count(quality) FROM " + db + ".raw.reading WHERE sensor = '" + sensor + "' AND time >= "
                + fromMs + "ms AND time < " + toMs + "ms";
        for (JsonNode series : statement(q).path("series")) {
            return series.path("values").get(0).get(1).asLong();
        }
        return 0;
    }

    /** Runs a statement that must succeed. */
    private void command(String q) {
        JsonNode result = statement(q);
        if (result.has("error")) {
            throw new StoreUnavailableException(
                    "InfluxDB: " + result.path("error").asString() + " (" + q + ")", null);
        }
    }

    /** Runs one InfluxQL statement and returns its result object ({@code series} or {@code error}). */
    private JsonNode statement(String q) {
        String form = "db=" + db + "&epoch=ms&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("InfluxDB answered " + response.statusCode() + ": not JSON", e);
        }
        if (body.has("error")) {
            throw new StoreUnavailableException(
                    "InfluxDB: " + body.path("error").asString(), null);
        }
        return body.path("results").path(0);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            schemaReady = false;
            throw new StoreUnavailableException("InfluxDB at " + base + " not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while talking to InfluxDB", e);
        }
    }
}
