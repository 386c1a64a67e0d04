package systems.rala.service.timeseries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Readings in the service's own database (H2 on the embedded default, or PostgreSQL), table {@code readings}.
 * Writes are one JDBC batch of standard SQL {@code MERGE} (H2 and PostgreSQL 15 both accept it) in one
 * transaction; 5-minute and hourly buckets are computed at query time over the primary key's index.
 */
public class RelationalTimeSeriesStore implements TimeSeriesStore {

    private static final String MERGE = "MERGE INTO readings r USING (VALUES (?, ?, ?, ?, ?))"
            + " AS v (sensor_id, ts_ms, facility_id, reading, quality)"
            + " ON r.sensor_id = v.sensor_id AND r.ts_ms = v.ts_ms"
            + " WHEN MATCHED THEN UPDATE SET reading = v.reading, quality = v.quality"
            + " WHEN NOT MATCHED THEN INSERT (sensor_id, ts_ms, facility_id, reading, quality)"
            + " VALUES (v.sensor_id, v.ts_ms, v.facility_id, v.reading, v.quality)";

    private final DataSource dataSource;

    public RelationalTimeSeriesStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(List<Point> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(MERGE)) {
                for (Point p : batch) {
                    s.setObject(1, p.sensor());
                    s.setLong(2, p.timeMs());
                    s.setObject(3, p.facility());
                    if (Double.isNaN(p.value())) {
                        s.setNull(4, Types.DOUBLE);
                    } else {
                        s.setDouble(4, p.value());
                    }
                    s.setShort(5, (short) p.quality());
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("readings not stored: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Sample> query(UUID sensor, long fromMs, long toMs, Resolution resolution, Aggregate aggregate) {
        String sql;
        if (resolution == Resolution.RAW) {
            sql = "SELECT ts_ms, reading FROM readings WHERE sensor_id = ? AND ts_ms >= ? AND ts_ms < ?"
                    + " AND reading IS NOT NULL ORDER BY ts_ms";
        } else {
            long b = resolution.bucketMs();
            // floor division, also for times before 1970
            String bucket = "(ts_ms - MOD(MOD(ts_ms, " + b + ") + " + b + ", " + b + "))";
            String function = switch (aggregate) {
                case MEAN -> "AVG";
                case MIN -> "MIN";
                case MAX -> "MAX";
            };
            sql = "SELECT " + bucket + " AS bucket, " + function + "(reading) FROM readings"
                    + " WHERE sensor_id = ? AND ts_ms >= ? AND ts_ms < ? AND reading IS NOT NULL"
                    + " GROUP BY " + bucket + " ORDER BY bucket";
        }
        List<Sample> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, sensor);
            s.setLong(2, fromMs);
            s.setLong(3, toMs);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Sample(r.getLong(1), r.getDouble(2)));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("readings not read: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public Map<UUID, Sample> latest(UUID facility) {
        String sql = "SELECT r.sensor_id, r.ts_ms, r.reading FROM readings r"
                + " JOIN (SELECT sensor_id, MAX(ts_ms) AS ts_ms FROM readings"
                + " WHERE facility_id = ? AND reading IS NOT NULL GROUP BY sensor_id) m"
                + " ON r.sensor_id = m.sensor_id AND r.ts_ms = m.ts_ms";
        Map<UUID, Sample> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, facility);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getObject(1, UUID.class), new Sample(r.getLong(2), r.getDouble(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("latest readings not read: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public long count(UUID sensor, long fromMs, long toMs) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT COUNT(*) FROM readings WHERE sensor_id = ? AND ts_ms >= ? AND ts_ms < ?")) {
            s.setObject(1, sensor);
            s.setLong(2, fromMs);
            s.setLong(3, toMs);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("readings not counted: " + e.getMessage(), e);
        }
    }
}
