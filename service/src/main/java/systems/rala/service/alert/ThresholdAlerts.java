package systems.rala.service.alert;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import systems.rala.service.ingest.Ingestion.LiveReading;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.inventory.Sensor;
import systems.rala.service.live.LiveEvents;

/**
 * Evaluates the facilities' alert rules on every reading that ingestion announces ({@link LiveEvents} type
 * {@code readings}), on a thread of its own so that ingestion never waits for it.
 *
 * <p>A rule applies to the sensors of its kind, in its zone or anywhere in the facility. A reading below the
 * rule's minimum or above its maximum (both in the kind's canonical unit) raises one alert, {@code
 * threshold.below} or {@code threshold.above}, per (rule, sensor): no second one while it is OPEN or
 * ACKNOWLEDGED. The first reading back inside the band, limits included, resolves it as the system; so does
 * the first reading after the rule was disabled, deleted or changed so that it no longer applies. There is no
 * hysteresis: a value that wanders across a limit raises and resolves an alert each time.
 */
@Component
class ThresholdAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ThresholdAlerts.class);

    static final String KEY_PREFIX = "threshold:";

    /** How long a facility's sensors are kept before they are read again, ns. */
    static final long SENSORS_TTL_NANOS = 10_000_000_000L;

    /** An unknown sensor (registered a moment ago) reloads the facility's sensors at most this often, ns. */
    static final long MISS_RELOAD_NANOS = 1_000_000_000L;

    private record Sensors(Map<UUID, Sensor> byId, long loadedAt) {}

    private final LiveEvents events;
    private final AlertRuleRepository rules;
    private final InventoryRepository inventory;
    private final Alerts alerts;
    private final Map<UUID, Sensors> sensors = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor worker;
    private Runnable unsubscribe;
    private volatile boolean running;

    ThresholdAlerts(LiveEvents events, AlertRuleRepository rules, InventoryRepository inventory, Alerts alerts) {
        this.events = events;
        this.rules = rules;
        this.inventory = inventory;
        this.alerts = alerts;
        // one thread keeps a sensor's readings in order; when it falls 10,000 batches behind, the oldest are
        // dropped: each batch carries the newest value of its sensors, so a later one decides as well
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(10_000),
                r -> {
                    Thread t = new Thread(r, "rala-alert-rules");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    @Override
    public synchronized void start() {
        unsubscribe = events.subscribe(e -> {
            if ("readings".equals(e.type()) && e.payload() instanceof List<?> list) {
                @SuppressWarnings("unchecked")
                List<LiveReading> readings = (List<LiveReading>) list;
                worker.execute(() -> evaluate(e.facility(), readings));
            }
        });
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (unsubscribe != null) {
            unsubscribe.run();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Applies the facility's enabled rules to its readings, raising and resolving alerts. */
    void evaluate(UUID facility, List<LiveReading> readings) {
        try {
            List<AlertRule> enabled =
                    rules.list(facility).stream().filter(AlertRule::enabled).toList();
            Set<String> open = new HashSet<>(alerts.openKeys(facility, KEY_PREFIX));
            if (enabled.isEmpty() && open.isEmpty()) {
                return;
            }
            for (LiveReading r : readings) {
                Sensor s = sensor(facility, r.sensorId());
                if (s != null && !Double.isNaN(r.value())) {
                    evaluate(s, r, enabled, open);
                }
            }
        } catch (RuntimeException e) {
            log.warn("alert rules of facility {} not evaluated: {}", facility, e.toString());
        }
    }

    private void evaluate(Sensor s, LiveReading r, List<AlertRule> enabled, Set<String> open) {
        Set<String> applicable = new HashSet<>();
        for (AlertRule rule : enabled) {
            if (rule.sensorKind() != s.kind()
                    || (rule.zoneId() != null && !rule.zoneId().equals(s.zoneId()))) {
                continue;
            }
            String key = key(rule.id(), s.id());
            applicable.add(key);
            boolean below = rule.minThreshold() != null && r.value() < rule.minThreshold();
            boolean above = rule.maxThreshold() != null && r.value() > rule.maxThreshold();
            if (below || above) {
                if (!open.contains(key)) {
                    String unit = s.kind().unit();
                    String message = s.name() + ": " + r.value() + " " + unit + (above ? " above " : " below ")
                            + (above ? rule.maxThreshold() : rule.minThreshold()) + " " + unit + " at " + r.time()
                            + " (rule " + rule.name() + ")";
                    alerts.raiseOnce(
                            key,
                            s.facilityId(),
                            s.zoneId(),
                            s.id(),
                            null,
                            above ? "threshold.above" : "threshold.below",
                            rule.severity(),
                            message);
                    open.add(key);
                }
            } else if (open.remove(key)) {
                alerts.resolveOnce(key);
            }
        }
        // alerts of rules that no longer apply to this sensor (disabled, deleted, another kind or zone)
        String suffix = ":" + s.id();
        for (String key : List.copyOf(open)) {
            if (key.endsWith(suffix) && !applicable.contains(key)) {
                alerts.resolveOnce(key);
                open.remove(key);
            }
        }
    }

    static String key(UUID rule, UUID sensor) {
        return KEY_PREFIX + rule + ":" + sensor;
    }

    /** The sensor, from a briefly kept copy of the facility's sensors; {@code null} if it has none such. */
    private Sensor sensor(UUID facility, UUID id) {
        long now = System.nanoTime();
        Sensors cached = sensors.get(facility);
        if (cached != null) {
            Sensor s = cached.byId().get(id);
            long age = now - cached.loadedAt();
            if ((s != null && age < SENSORS_TTL_NANOS) || (s == null && age < MISS_RELOAD_NANOS)) {
                return s;
            }
        }
        if (sensors.size() > 10_000) {
            sensors.clear();
        }
        Sensors loaded = new Sensors(
                inventory.sensors(facility, null).stream().collect(Collectors.toMap(Sensor::id, Function.identity())),
                now);
        sensors.put(facility, loaded);
        return loaded.byId().get(id);
    }
}
