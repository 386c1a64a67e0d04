package systems.rala.service.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.service.inventory.SensorKind;

/**
 * Which sensor each point of each gateway feeds, read from the database and kept for a few seconds, so
 * ingestion does not query per reading. A gateway's entry is reloaded when it is older than {@link #TTL_NANOS}
 * or, at most once a second, when a reading names a point it does not know (a sensor just registered).
 */
@Component
public class SensorDirectory {

    static final long TTL_NANOS = 10_000_000_000L;
    static final long MISS_RELOAD_NANOS = 1_000_000_000L;

    /**
     * Where a point's readings go and what they must satisfy.
     *
     * @param unit the sensor's canonical unit
     * @param min lowest plausible value in {@code unit}, or NaN for none
     * @param max highest plausible value in {@code unit}, or NaN for none
     */
    public record Target(UUID sensorId, SensorKind kind, String unit, double min, double max) {}

    /** A registered gateway, its facility and its points. */
    public record GatewayPoints(UUID gatewayId, UUID facilityId, Map<String, Target> points, long loadedAt) {}

    private final JdbcClient jdbc;
    private final Map<String, Optional<GatewayPoints>> byClientId = new ConcurrentHashMap<>();
    private final Map<String, Long> unknownUntil = new ConcurrentHashMap<>();

    SensorDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The gateway with this client id, or empty when none is registered (cached briefly either way). */
    public Optional<GatewayPoints> gateway(String clientId) {
        long now = System.nanoTime();
        Optional<GatewayPoints> cached = byClientId.get(clientId);
        if (cached != null) {
            long loaded = cached.map(GatewayPoints::loadedAt).orElseGet(() -> unknownUntil.getOrDefault(clientId, 0L));
            if (now - loaded < (cached.isPresent() ? TTL_NANOS : MISS_RELOAD_NANOS)) {
                return cached;
            }
        }
        return load(clientId, now);
    }

    /** The target of a point, reloading the gateway once a second at most when the point is unknown. */
    public Optional<Target> target(GatewayPoints gateway, String clientId, String point) {
        Target t = gateway.points().get(point);
        if (t != null) {
            return Optional.of(t);
        }
        long now = System.nanoTime();
        if (now - gateway.loadedAt() < MISS_RELOAD_NANOS) {
            return Optional.empty();
        }
        return load(clientId, now).map(g -> g.points().get(point));
    }

    /** Forgets everything, so the next message reads the database (tests, and after inventory changes). */
    public void invalidate() {
        byClientId.clear();
        unknownUntil.clear();
    }

    private Optional<GatewayPoints> load(String clientId, long now) {
        Optional<GatewayPoints> found = jdbc.sql("SELECT id, facility_id FROM gateways WHERE client_id = ?")
                .param(clientId)
                .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .optional()
                .map(ids -> new GatewayPoints(ids[0], ids[1], points(ids[0]), now));
        if (found.isEmpty()) {
            unknownUntil.put(clientId, now);
        }
        // bounded: only registered client ids stay; unknown ones are few-second entries, pruned when many
        if (byClientId.size() > 100_000) {
            byClientId.clear();
            unknownUntil.clear();
        }
        byClientId.put(clientId, found);
        return found;
    }

    private Map<String, Target> points(UUID gatewayId) {
        Map<String, Target> points = new HashMap<>();
        jdbc.sql("SELECT id, kind, unit, min_value, max_value, point FROM sensors WHERE gateway_id = ?")
                .param(gatewayId)
                .query(rs -> {
                    Optional<SensorKind> kind = SensorKind.fromWire(rs.getString(2));
                    if (kind.isEmpty()) {
                        return;
                    }
                    double min = rs.getDouble(4);
                    if (rs.wasNull()) {
                        min = Double.NaN;
                    }
                    double max = rs.getDouble(5);
                    if (rs.wasNull()) {
                        max = Double.NaN;
                    }
                    points.put(
                            rs.getString(6),
                            new Target(rs.getObject(1, UUID.class), kind.get(), rs.getString(3), min, max));
                });
        return points;
    }
}
