package systems.rala.service.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import systems.rala.service.timeseries.TimeSeriesStore.Aggregate;
import systems.rala.service.timeseries.TimeSeriesStore.Point;
import systems.rala.service.timeseries.TimeSeriesStore.Resolution;
import systems.rala.service.timeseries.TimeSeriesStore.Sample;

/**
 * What every {@link TimeSeriesStore} does, run against each implementation on a real server. Every test
 * writes its own sensors (fresh ids), so the suite can share one database. Expected aggregates are computed
 * here, from the readings the test wrote, by plain grouping.
 */
abstract class TimeSeriesStoreContract {

    static final long HOUR = 3_600_000L;
    static final long MINUTE = 60_000L;

    /** Three days ago, on the hour: inside InfluxDB's raw retention, outside its continuous queries' window. */
    static final long T0 = (System.currentTimeMillis() - 3 * 24 * HOUR) / HOUR * HOUR;

    abstract TimeSeriesStore store();

    /** The same kind of store, pointed at a server that is not there. */
    abstract TimeSeriesStore unreachable();

    final UUID facility = UUID.randomUUID();

    /** Readings every 30 s over {@code minutes}, a random walk around 20 (°C, say), one in 20 of bad quality. */
    List<Point> series(UUID sensor, long start, int minutes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Point> points = new ArrayList<>();
        double v = 20;
        for (long t = start; t < start + minutes * MINUTE; t += 30_000) {
            v += random.nextDouble(-0.3, 0.3);
            boolean bad = random.nextInt(20) == 0;
            points.add(new Point(facility, sensor, t, bad ? Double.NaN : v, bad ? 2 : random.nextInt(2)));
        }
        return points;
    }

    /** Bucket start → {mean, min, max} of the good readings, computed without the store. */
    static Map<Long, double[]> reference(List<Point> points, long bucketMs, long from, long to) {
        Map<Long, List<Double>> groups = new TreeMap<>();
        for (Point p : points) {
            if (p.timeMs() >= from && p.timeMs() < to && !Double.isNaN(p.value())) {
                groups.computeIfAbsent(Math.floorDiv(p.timeMs(), bucketMs) * bucketMs, k -> new ArrayList<>())
                        .add(p.value());
            }
        }
        Map<Long, double[]> out = new TreeMap<>();
        groups.forEach((bucket, values) -> out.put(bucket, new double[] {
            values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
            values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
            values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
        }));
        return out;
    }

    static void assertMatches(List<Sample> answer, Map<Long, double[]> expected, int which) {
        assertThat(answer).extracting(Sample::timeMs).containsExactlyElementsOf(expected.keySet());
        for (Sample s : answer) {
            assertThat(s.value()).as("bucket %d", s.timeMs()).isCloseTo(expected.get(s.timeMs())[which], within(1e-9));
        }
    }

    @Test
    void rawReadingsComeBackInOrderWithoutTheBadOnes() {
        UUID sensor = UUID.randomUUID();
        List<Point> points = series(sensor, T0, 30, 1);
        List<Point> shuffled = new ArrayList<>(points);
        java.util.Collections.shuffle(shuffled, new java.util.Random(2));
        store().write(shuffled);
        List<Sample> raw = store().query(sensor, T0, T0 + HOUR, Resolution.RAW, Aggregate.MEAN);
        List<Point> good = points.stream().filter(p -> !Double.isNaN(p.value())).toList();
        assertThat(raw)
                .extracting(Sample::timeMs)
                .containsExactlyElementsOf(good.stream().map(Point::timeMs).toList());
        assertThat(raw)
                .extracting(Sample::value)
                .containsExactlyElementsOf(good.stream().map(Point::value).toList());
        assertThat(store().count(sensor, T0, T0 + HOUR))
                .as("bad readings are stored too")
                .isEqualTo(points.size());
        assertThat(good.size()).as("the series holds bad readings").isLessThan(points.size());
    }

    @Test
    void aReadingDeliveredAgainIsStoredOnceWithTheValueWrittenLast() {
        UUID sensor = UUID.randomUUID();
        List<Point> points = series(sensor, T0, 20, 3);
        store().write(points);
        store().write(points); // at-least-once delivery
        store().write(points.subList(5, 15)); // a replay overlapping what was stored
        assertThat(store().count(sensor, T0, T0 + HOUR)).isEqualTo(points.size());
        Point first = points.get(0);
        store().write(List.of(new Point(facility, sensor, first.timeMs(), 99.5, 0)));
        assertThat(store().count(sensor, T0, T0 + HOUR)).isEqualTo(points.size());
        assertThat(store().query(sensor, first.timeMs(), first.timeMs() + 1, Resolution.RAW, Aggregate.MEAN))
                .containsExactly(new Sample(first.timeMs(), 99.5));
    }

    @Test
    void fiveMinuteAndHourlyAggregatesMatchPlainGrouping() {
        UUID sensor = UUID.randomUUID();
        List<Point> points = series(sensor, T0, 150, 4);
        store().write(points);
        // a range that starts and ends inside buckets
        long from = T0 + 7 * MINUTE;
        long to = T0 + 143 * MINUTE;
        for (Aggregate a : Aggregate.values()) {
            assertMatches(
                    store().query(sensor, from, to, Resolution.FIVE_MINUTES, a),
                    reference(points, 5 * MINUTE, from, to),
                    a.ordinal());
            assertMatches(
                    store().query(sensor, from, to, Resolution.HOURLY, a),
                    reference(points, HOUR, from, to),
                    a.ordinal());
        }
        assertThat(reference(points, HOUR, from, to)).hasSize(3);
    }

    @Test
    void theRangeIsHalfOpen() {
        UUID sensor = UUID.randomUUID();
        store().write(List.of(
                new Point(facility, sensor, T0, 1.0, 0),
                new Point(facility, sensor, T0 + MINUTE, 2.0, 0),
                new Point(facility, sensor, T0 + 2 * MINUTE, 3.0, 0)));
        assertThat(store().query(sensor, T0, T0 + 2 * MINUTE, Resolution.RAW, Aggregate.MEAN))
                .extracting(Sample::value)
                .containsExactly(1.0, 2.0);
        assertThat(store().query(sensor, T0 + 1, T0 + 2 * MINUTE + 1, Resolution.RAW, Aggregate.MEAN))
                .extracting(Sample::value)
                .containsExactly(2.0, 3.0);
        assertThat(store().query(sensor, T0 + HOUR, T0 + 2 * HOUR, Resolution.RAW, Aggregate.MEAN))
                .isEmpty();
    }

    @Test
    void latestIsTheNewestGoodReadingOfEachSensorOfTheFacility() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        store().write(List.of(
                new Point(facility, a, T0, 1.0, 0),
                new Point(facility, a, T0 + 2 * MINUTE, 3.0, 1),
                new Point(facility, a, T0 + MINUTE, 2.0, 0),
                new Point(facility, a, T0 + 3 * MINUTE, Double.NaN, 2),
                new Point(facility, b, T0 + 5 * MINUTE, 7.5, 0),
                new Point(UUID.randomUUID(), UUID.randomUUID(), T0 + 9 * MINUTE, 9.0, 0)));
        Map<UUID, Sample> latest = store().latest(facility);
        assertThat(latest)
                .containsOnly(
                        Map.entry(a, new Sample(T0 + 2 * MINUTE, 3.0)), Map.entry(b, new Sample(T0 + 5 * MINUTE, 7.5)));
    }

    @Test
    void aStoreThatCannotBeReachedSaysSoAndTheBatchCanBeWrittenLater() {
        UUID sensor = UUID.randomUUID();
        List<Point> points = series(sensor, T0, 5, 5);
        assertThatThrownBy(() -> unreachable().write(points)).isInstanceOf(StoreUnavailableException.class);
        store().write(points);
        assertThat(store().count(sensor, T0, T0 + HOUR)).isEqualTo(points.size());
    }
}
