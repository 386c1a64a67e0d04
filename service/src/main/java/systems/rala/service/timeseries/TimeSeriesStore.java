package systems.rala.service.timeseries;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where sensor readings are kept and read back. Two implementations behave alike (one behaviour suite runs
 * against both): {@link RelationalTimeSeriesStore} in the service's own database (the embedded default) and
 * {@link InfluxTimeSeriesStore} on InfluxDB 1.x (production).
 *
 * <p>A reading is identified by (sensor, source time): writing it again, as at-least-once delivery and a
 * gateway's replay after an outage do, keeps one reading, with the value written last. Times are
 * milliseconds since the epoch (UTC).
 */
public interface TimeSeriesStore {

    /** How densely a query answers. */
    enum Resolution {
        /** Every stored reading. */
        RAW(0),
        /** One value per 5-minute bucket. */
        FIVE_MINUTES(300_000),
        /** One value per hour. */
        HOURLY(3_600_000);

        private final long bucketMs;

        Resolution(long bucketMs) {
            this.bucketMs = bucketMs;
        }

        /** Bucket length, ms; 0 for {@link #RAW}. */
        public long bucketMs() {
            return bucketMs;
        }
    }

    /** What one bucket reports. */
    enum Aggregate {
        MEAN,
        MIN,
        MAX
    }

    /**
     * One reading to store.
     *
     * @param facility the facility of the sensor
     * @param sensor the sensor
     * @param timeMs source time, ms since the epoch
     * @param value the value in the sensor's unit; NaN for a reading of bad quality
     * @param quality 0 good, 1 uncertain, 2 bad (the wire contract's {@code Quality} ordinal)
     */
    record Point(UUID facility, UUID sensor, long timeMs, double value, int quality) {}

    /**
     * One value of a series: a reading (raw) or a bucket's aggregate, stamped with the bucket's start.
     *
     * @param timeMs ms since the epoch
     * @param value in the sensor's unit
     */
    record Sample(long timeMs, double value) {}

    /**
     * Stores a batch, all or nothing as far as the store allows; returns once the batch is durable.
     *
     * @throws StoreUnavailableException when the store cannot be reached or refuses the batch
     */
    void write(List<Point> batch);

    /**
     * A sensor's series in {@code [fromMs, toMs)}, oldest first. Readings of bad quality are not answered;
     * buckets without a good reading are left out.
     */
    List<Sample> query(UUID sensor, long fromMs, long toMs, Resolution resolution, Aggregate aggregate);

    /** The newest good reading of each sensor of the facility that has one. */
    Map<UUID, Sample> latest(UUID facility);

    /** How many readings of the sensor lie in {@code [fromMs, toMs)}, bad ones included (for tests and checks). */
    long count(UUID sensor, long fromMs, long toMs);
}
