package systems.rala.service.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import systems.rala.service.inventory.InventoryRepository;
import systems.rala.service.inventory.Sensor;
import systems.rala.service.inventory.SensorKind;
import systems.rala.service.timeseries.TimeSeriesStore;
import systems.rala.service.timeseries.TimeSeriesStore.Aggregate;
import systems.rala.service.timeseries.TimeSeriesStore.Resolution;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;

/**
 * Computes a facility's daily metrics from its stored readings, for days in UTC: facilities have no time zone
 * of their own yet, so a "local day" is the UTC day.
 *
 * <ul>
 *   <li>{@code meanVpdKpa}: for every zone with air-temperature and air-humidity sensors, and every 5-minute
 *       bucket in which both report, the VPD ({@link Vpd}) of the zone's mean temperature and mean humidity;
 *       the mean of all these. Null without such a bucket.
 *   <li>{@code dliMolM2D}: for every canopy PAR sensor its {@link Dli}; per zone the mean of its sensors', per
 *       facility the mean of its zones'. Null when no PAR sensor covers enough of the day.
 *   <li>heat, electricity, CO2, cost and yield stay null: no sensor kind measures heat or electricity delivered,
 *       CO2 dosed or fruit harvested, and the service keeps no prices. Recomputing leaves them as they are.
 * </ul>
 *
 * <p>A nightly run at {@code rala.metrics.nightly-at} (UTC) computes yesterday and the day before, so readings
 * that a gateway forwards late after an outage still count.
 */
@Service
@EnableConfigurationProperties(MetricsProperties.class)
public class DailyMetricsCalculator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DailyMetricsCalculator.class);

    static final long BUCKET_MS = Resolution.FIVE_MINUTES.bucketMs();

    /** The two metrics computed for one day; null where they could not be. */
    record Computed(Double meanVpdKpa, Double dliMolM2D) {}

    private final JdbcClient jdbc;
    private final InventoryRepository inventory;
    private final TimeSeriesStore store;
    private final MetricsProperties props;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    DailyMetricsCalculator(
            JdbcClient jdbc,
            InventoryRepository inventory,
            TimeSeriesStore store,
            MetricsProperties props,
            Clock clock) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.store = store;
        this.props = props;
        this.clock = clock;
    }

    /** Computes and stores the days from {@code from} to {@code to}, both included. */
    public void recompute(UUID facility, LocalDate from, LocalDate to) {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            store(facility, d, compute(facility, d));
        }
    }

    /** The metrics of one UTC day, from the time-series store. */
    Computed compute(UUID facility, LocalDate day) {
        long start = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        Map<UUID, List<Sensor>> zones = new HashMap<>();
        for (Sensor s : inventory.sensors(facility, null)) {
            zones.computeIfAbsent(s.zoneId(), z -> new ArrayList<>()).add(s);
        }
        double vpdSum = 0;
        int vpdCount = 0;
        double dliSum = 0;
        int dliZones = 0;
        for (List<Sensor> sensors : zones.values()) {
            Map<Long, Double> temperature = zoneMeans(sensors, SensorKind.AIR_TEMPERATURE, start, end);
            Map<Long, Double> humidity = zoneMeans(sensors, SensorKind.AIR_RELATIVE_HUMIDITY, start, end);
            for (Map.Entry<Long, Double> t : temperature.entrySet()) {
                Double rh = humidity.get(t.getKey());
                if (rh != null) {
                    vpdSum += Vpd.deficitKpa(t.getValue(), rh);
                    vpdCount++;
                }
            }
            double zoneDli = 0;
            int parSensors = 0;
            for (Sensor s : sensors) {
                if (s.kind() == SensorKind.CANOPY_PAR) {
                    Double dli = Dli.molPerM2(
                            store.query(s.id(), start, end, Resolution.FIVE_MINUTES, Aggregate.MEAN),
                            start,
                            end,
                            BUCKET_MS);
                    if (dli != null) {
                        zoneDli += dli;
                        parSensors++;
                    }
                }
            }
            if (parSensors > 0) {
                dliSum += zoneDli / parSensors;
                dliZones++;
            }
        }
        return new Computed(vpdCount == 0 ? null : vpdSum / vpdCount, dliZones == 0 ? null : dliSum / dliZones);
    }

    /** Per 5-minute bucket (its start, ms), the mean over the zone's sensors of one kind that report in it. */
    private Map<Long, Double> zoneMeans(List<Sensor> sensors, SensorKind kind, long start, long end) {
        Map<Long, double[]> sums = new HashMap<>();
        for (Sensor s : sensors) {
            if (s.kind() != kind) {
                continue;
            }
            for (Sample m : store.query(s.id(), start, end, Resolution.FIVE_MINUTES, Aggregate.MEAN)) {
                double[] sum = sums.computeIfAbsent(m.timeMs(), t -> new double[2]);
                sum[0] += m.value();
                sum[1]++;
            }
        }
        Map<Long, Double> means = new HashMap<>();
        sums.forEach((t, sum) -> means.put(t, sum[0] / sum[1]));
        return means;
    }

    /** Writes the two computed columns; a day with neither and no row yet gets none. */
    private void store(UUID facility, LocalDate day, Computed c) {
        int updated = update(facility, day, c);
        if (updated == 0 && (c.meanVpdKpa() != null || c.dliMolM2D() != null)) {
            try {
                jdbc.sql("INSERT INTO daily_metrics (facility_id, metric_day, mean_vpd_kpa, dli_mol_m2_d)"
                                + " VALUES (?, ?, ?, ?)")
                        .params(facility, day, c.meanVpdKpa(), c.dliMolM2D())
                        .update();
            } catch (DuplicateKeyException writtenMeanwhile) {
                update(facility, day, c);
            }
        }
    }

    private int update(UUID facility, LocalDate day, Computed c) {
        return jdbc.sql("UPDATE daily_metrics SET mean_vpd_kpa = ?, dli_mol_m2_d = ? WHERE facility_id = ?"
                        + " AND metric_day = ?")
                .params(c.meanVpdKpa(), c.dliMolM2D(), facility, day)
                .update();
    }

    /**
     * The nightly run as of {@code now}: yesterday and the day before (UTC), for every facility.
     *
     * @return the facilities computed
     */
    public int nightly(Instant now) {
        LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
        List<UUID> facilities = jdbc.sql("SELECT id FROM facilities ORDER BY id")
                .query(UUID.class)
                .list();
        int done = 0;
        for (UUID f : facilities) {
            try {
                recompute(f, yesterday.minusDays(1), yesterday);
                done++;
            } catch (RuntimeException e) {
                log.warn("daily metrics of facility {} for {} not computed: {}", f, yesterday, e.toString());
            }
        }
        return done;
    }

    /** Milliseconds from {@code now} to the next {@code nightly-at} (UTC). */
    long untilNextRun(Instant now) {
        LocalDateTime at = LocalDate.ofInstant(now, ZoneOffset.UTC).atTime(props.nightlyAt());
        Instant next = at.toInstant(ZoneOffset.UTC);
        if (!next.isAfter(now)) {
            next = at.plusDays(1).toInstant(ZoneOffset.UTC);
        }
        return next.toEpochMilli() - now.toEpochMilli();
    }

    private void scheduleNext() {
        if (!running) {
            return;
        }
        try {
            timer.schedule(
                    () -> {
                        try {
                            int n = nightly(clock.instant());
                            log.info("daily metrics computed for {} facilities", n);
                        } catch (RuntimeException e) {
                            log.warn("nightly daily metrics failed: {}", e.toString());
                        } finally {
                            scheduleNext();
                        }
                    },
                    untilNextRun(clock.instant()),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the service is stopping
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rala-daily-metrics");
            t.setDaemon(true);
            return t;
        });
        running = true;
        scheduleNext();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
