-- Sensor readings for the embedded default's time-series store (production keeps them in InfluxDB).
-- One row per (sensor, source time): re-delivered and replayed readings merge onto it. Times are ms since
-- the epoch (UTC), which both H2 and PostgreSQL bucket with integer arithmetic. No foreign keys: ingestion
-- has checked the sensor, and this table is written at thousands of rows a second.
CREATE TABLE readings (
    sensor_id   UUID             NOT NULL,
    ts_ms       BIGINT           NOT NULL,
    facility_id UUID             NOT NULL,
    -- in the sensor's unit; NULL for a reading of bad quality
    reading     DOUBLE PRECISION,
    -- 0 good, 1 uncertain, 2 bad (the wire contract's Quality)
    quality     SMALLINT         NOT NULL CHECK (quality BETWEEN 0 AND 2),
    PRIMARY KEY (sensor_id, ts_ms)
);
CREATE INDEX readings_facility_idx ON readings (facility_id, sensor_id, ts_ms);
