package systems.rala.service.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import systems.rala.service.timeseries.TimeSeriesStore;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;

/**
 * Looks for silence every {@code rala.alerts.scan-interval} (30 s by default), on the injected {@link Clock}:
 *
 * <ul>
 *   <li>{@code gateway.offline} (CRITICAL): a gateway that has been heard from (its {@code last_seen_at}, renewed
 *       by every message and connection) has sent nothing for more than {@code gateway-offline-after} (5 min).
 *       Resolved once it has been heard from after the alert was raised, within that time. A gateway never
 *       heard from has not been commissioned and raises nothing.
 *   <li>{@code sensor.silent} (WARNING): a sensor with a gateway whose newest good reading in the time-series
 *       store is older than {@code sensor-silent-after} (10 min). Resolved when a reading within that time is
 *       stored. A sensor without any reading (never reported, or only beyond the store's retention) raises
 *       nothing.
 * </ul>
 *
 * <p>{@link #scan(Instant)} and {@link #scan(UUID, Instant)} take the moment to judge by, so tests move time
 * without waiting for it.
 */
@Component
public class AlertScanner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertScanner.class);

    static final String SILENT = "sensor.silent";

    /** What one scan changed. */
    public record Result(List<Alert> raised, List<Alert> resolved) {}

    private record SeenGateway(UUID id, UUID facility, String name, String clientId, OffsetDateTime lastSeen) {}

    private record ReportingSensor(UUID id, UUID facility, UUID zone, String name) {}

    private final JdbcClient jdbc;
    private final TimeSeriesStore store;
    private final Alerts alerts;
    private final AlertProperties props;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    AlertScanner(JdbcClient jdbc, TimeSeriesStore store, Alerts alerts, AlertProperties props, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.alerts = alerts;
        this.props = props;
        this.clock = clock;
    }

    /** Scans every facility as of {@code now}. */
    public Result scan(Instant now) {
        return scan(null, now);
    }

    /** Scans one facility ({@code null}: all of them) as of {@code now}. */
    public Result scan(UUID facility, Instant now) {
        Result result = new Result(new ArrayList<>(), new ArrayList<>());
        gateways(facility, now, result);
        sensors(facility, now, result);
        return result;
    }

    private void gateways(UUID facility, Instant now, Result result) {
        String sql =
                "SELECT id, facility_id, name, client_id, last_seen_at FROM gateways WHERE last_seen_at IS NOT NULL"
                        + (facility == null ? "" : " AND facility_id = ?");
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (facility != null) {
            spec = spec.param(facility);
        }
        List<SeenGateway> seen = spec.query((rs, n) -> new SeenGateway(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
        Map<String, OffsetDateTime> open = alerts.openSince(facility, GatewayAlerts.KIND + ":");
        Duration limit = props.gatewayOfflineAfter();
        for (SeenGateway g : seen) {
            String key = GatewayAlerts.key(g.id());
            Instant last = g.lastSeen().toInstant();
            boolean silent = Duration.between(last, now).compareTo(limit) > 0;
            OffsetDateTime raisedAt = open.get(key);
            if (silent && raisedAt == null) {
                alerts.raiseOnce(
                                key,
                                g.facility(),
                                null,
                                null,
                                g.id(),
                                GatewayAlerts.KIND,
                                Severity.CRITICAL,
                                "gateway " + g.name() + " (" + g.clientId() + ") has sent nothing since " + last
                                        + ", more than " + limit.toMinutes() + " min")
                        .ifPresent(result.raised()::add);
            } else if (!silent && raisedAt != null && last.isAfter(raisedAt.toInstant())) {
                alerts.resolveOnce(key).ifPresent(result.resolved()::add);
            }
        }
    }

    private void sensors(UUID facility, Instant now, Result result) {
        String sql = "SELECT id, facility_id, zone_id, name FROM sensors WHERE gateway_id IS NOT NULL"
                + (facility == null ? "" : " AND facility_id = ?");
        JdbcClient.StatementSpec spec = jdbc.sql(sql);
        if (facility != null) {
            spec = spec.param(facility);
        }
        Map<UUID, List<ReportingSensor>> byFacility = new LinkedHashMap<>();
        spec.query((rs, n) -> new ReportingSensor(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .list()
                .forEach(s -> byFacility
                        .computeIfAbsent(s.facility(), f -> new ArrayList<>())
                        .add(s));
        Duration limit = props.sensorSilentAfter();
        byFacility.forEach((f, list) -> {
            Map<UUID, Sample> latest;
            try {
                latest = store.latest(f);
            } catch (RuntimeException e) {
                log.warn("silent sensors of facility {} not checked: {}", f, e.toString());
                return;
            }
            Map<String, OffsetDateTime> open = alerts.openSince(f, SILENT + ":");
            for (ReportingSensor s : list) {
                Sample newest = latest.get(s.id());
                if (newest == null) {
                    continue;
                }
                String key = SILENT + ":" + s.id();
                Instant last = Instant.ofEpochMilli(newest.timeMs());
                boolean silent = Duration.between(last, now).compareTo(limit) > 0;
                if (silent && !open.containsKey(key)) {
                    alerts.raiseOnce(
                                    key,
                                    f,
                                    s.zone(),
                                    s.id(),
                                    null,
                                    SILENT,
                                    Severity.WARNING,
                                    s.name() + ": no reading since " + last + ", more than " + limit.toMinutes()
                                            + " min")
                            .ifPresent(result.raised()::add);
                } else if (!silent && open.containsKey(key)) {
                    alerts.resolveOnce(key).ifPresent(result.resolved()::add);
                }
            }
        });
    }

    private void scheduledScan() {
        try {
            Result r = scan(clock.instant());
            if (!r.raised().isEmpty() || !r.resolved().isEmpty()) {
                log.info(
                        "alert scan: {} raised, {} resolved",
                        r.raised().size(),
                        r.resolved().size());
            }
        } catch (RuntimeException e) {
            log.warn("alert scan failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rala-alert-scan");
            t.setDaemon(true);
            return t;
        });
        long every = props.scanInterval().toMillis();
        timer.scheduleWithFixedDelay(this::scheduledScan, every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
