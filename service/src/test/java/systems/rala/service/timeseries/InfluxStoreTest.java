package systems.rala.service.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import systems.rala.service.timeseries.TimeSeriesStore.Aggregate;
import systems.rala.service.timeseries.TimeSeriesStore.Point;
import systems.rala.service.timeseries.TimeSeriesStore.Resolution;

/** The InfluxDB store on a real InfluxDB 1.x, in a database made for this run and dropped after it. */
class InfluxStoreTest extends TimeSeriesStoreContract {

    static final String DATABASE = "rala_test_" + UUID.randomUUID().toString().substring(0, 8);
    static InfluxTimeSeriesStore store;

    @BeforeAll
    static void server() {
        InfluxServer.require();
        store = new InfluxTimeSeriesStore(
                new TimeSeriesProperties.Influx(InfluxServer.URL, DATABASE, null, null), Clock.systemUTC());
        store.ensureSchema();
    }

    @AfterAll
    static void drop() {
        if (store != null) {
            InfluxServer.query("DROP DATABASE " + DATABASE);
        }
    }

    @Override
    TimeSeriesStore store() {
        return store;
    }

    @Override
    TimeSeriesStore unreachable() {
        return new InfluxTimeSeriesStore(
                new TimeSeriesProperties.Influx("http://127.0.0.1:1", DATABASE, null, null), Clock.systemUTC());
    }

    @Test
    void retentionPoliciesAndContinuousQueriesAreInPlaceAndTheSchemaStepIsIdempotent() {
        store.ensureSchema();
        new InfluxTimeSeriesStore(
                        new TimeSeriesProperties.Influx(InfluxServer.URL, DATABASE, null, null), Clock.systemUTC())
                .ensureSchema();
        String policies = InfluxServer.query("SHOW RETENTION POLICIES ON " + DATABASE);
        assertThat(policies)
                .contains("\"raw\",\"720h0m0s\"")
                .contains("\"five_min\"")
                .contains("\"hourly\"");
        assertThat(policies).containsPattern("\"raw\",\"720h0m0s\",\"[^\"]+\",1,true");
        String queries = InfluxServer.query("SHOW CONTINUOUS QUERIES");
        assertThat(queries).contains("cq_five_min").contains("cq_hourly").contains("GROUP BY time(5m)");
    }

    /**
     * Readings three days old are past the continuous queries' look-back, so the store downsamples them when
     * they are written; a range older than the raw retention is answered from the downsampled policies, and
     * must agree with plain grouping of the readings.
     */
    @Test
    void aLateBatchIsDownsampledAndLongRangesReadTheDownsampledPolicies() {
        UUID sensor = UUID.randomUUID();
        List<Point> points = series(sensor, T0, 130, 6);
        store.write(points);
        long longAgo = T0 - 60L * 24 * HOUR; // before the raw retention: forces the downsampled policies
        long to = T0 + 3 * HOUR;
        for (Aggregate a : Aggregate.values()) {
            assertMatches(
                    store.query(sensor, longAgo, to, Resolution.FIVE_MINUTES, a),
                    reference(points, 5 * MINUTE, longAgo, to),
                    a.ordinal());
            assertMatches(
                    store.query(sensor, longAgo, to, Resolution.HOURLY, a),
                    reference(points, HOUR, longAgo, to),
                    a.ordinal());
        }
    }
}
