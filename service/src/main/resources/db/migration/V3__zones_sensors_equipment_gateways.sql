-- A facility's physical inventory (zones, sensors, equipment, gateways), its alerts and alert rules, and
-- its daily metrics. Same SQL on PostgreSQL and H2 (PostgreSQL mode).
--
-- Every row belongs to one facility and goes with it (ON DELETE CASCADE). References between rows of one
-- facility are composite foreign keys (facility_id, x_id) onto a UNIQUE (facility_id, id), so the database
-- itself refuses a sensor in another facility's zone, whatever the application checks. Those onto zones
-- cascade too: the API refuses to delete a zone that still holds anything (409), and H2 checks a NO ACTION key
-- in the middle of a facility's cascading delete, where PostgreSQL would wait for the end of the statement.

CREATE TABLE zones (
    id          UUID PRIMARY KEY,
    facility_id UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name        VARCHAR(200) NOT NULL,
    -- floor area of the zone, m²
    area_m2     DOUBLE PRECISION NOT NULL CHECK (area_m2 > 0),
    -- optional: the facility's crop when null
    crop        VARCHAR(100),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT zones_facility_id_uq UNIQUE (facility_id, id),
    CONSTRAINT zones_name_uq UNIQUE (facility_id, name)
);

-- A gateway is the on-site computer that talks to the field buses and to the service over MQTT. It proves
-- itself with client_id + a secret the service generated; only the secret's SHA-256 is kept (see
-- GatewayCredentials for why not BCrypt).
CREATE TABLE gateways (
    id                    UUID PRIMARY KEY,
    facility_id           UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name                  VARCHAR(200) NOT NULL,
    -- MQTT client id, unique across all facilities
    client_id             VARCHAR(64)  NOT NULL,
    -- hex SHA-256 of the current secret
    secret_hash           VARCHAR(64)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at          TIMESTAMP WITH TIME ZONE,
    credential_rotated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT gateways_facility_id_uq UNIQUE (facility_id, id),
    CONSTRAINT gateways_name_uq UNIQUE (facility_id, name),
    CONSTRAINT gateways_client_id_uq UNIQUE (client_id)
);

-- A sensor measures one quantity (kind, a wire-contract reading name such as air_temperature) in its
-- canonical unit. A gateway reports it under a point name; a point may be kept while no gateway is set.
CREATE TABLE sensors (
    id          UUID PRIMARY KEY,
    facility_id UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    zone_id     UUID         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    -- the kind's canonical unit (°C, %, ppm, kPa, umol/m2/s, W/m2, m/s)
    unit        VARCHAR(32)  NOT NULL,
    -- physical range of the instrument, in unit; a reading outside it is a fault, not a climate value
    min_value   DOUBLE PRECISION,
    max_value   DOUBLE PRECISION,
    -- ON DELETE SET NULL: the sensor outlives the gateway that reported it
    gateway_id  UUID REFERENCES gateways (id) ON DELETE SET NULL,
    point       VARCHAR(128),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sensors_facility_id_uq UNIQUE (facility_id, id),
    CONSTRAINT sensors_zone_fk FOREIGN KEY (facility_id, zone_id) REFERENCES zones (facility_id, id)
        ON DELETE CASCADE,
    CONSTRAINT sensors_name_uq UNIQUE (zone_id, name),
    CONSTRAINT sensors_point_uq UNIQUE (gateway_id, point),
    CONSTRAINT sensors_gateway_point CHECK (gateway_id IS NULL OR point IS NOT NULL),
    CONSTRAINT sensors_min_max CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);
CREATE INDEX sensors_zone_idx ON sensors (zone_id);
CREATE INDEX sensors_gateway_idx ON sensors (gateway_id);

-- An actuator. safety_min/safety_max bound every command sent to it, in its unit (e.g. '-' for a valve
-- position 0..1, °C for a heating set-point).
CREATE TABLE equipment (
    id          UUID PRIMARY KEY,
    facility_id UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    zone_id     UUID         NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(32)  NOT NULL
        CHECK (kind IN ('HEATING', 'VENTILATION', 'SCREEN', 'CO2_DOSING', 'LIGHTING', 'FOGGING', 'COOLING')),
    protocol    VARCHAR(16)  NOT NULL CHECK (protocol IN ('MODBUS_TCP', 'BACNET_IP', 'VIRTUAL')),
    -- where the gateway reaches it on the field bus, in the protocol's own notation
    address     VARCHAR(200) NOT NULL,
    point       VARCHAR(128) NOT NULL,
    unit        VARCHAR(32)  NOT NULL,
    safety_min  DOUBLE PRECISION NOT NULL,
    safety_max  DOUBLE PRECISION NOT NULL,
    -- the gateway that drives it, if any
    gateway_id  UUID REFERENCES gateways (id) ON DELETE SET NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT equipment_zone_fk FOREIGN KEY (facility_id, zone_id) REFERENCES zones (facility_id, id)
        ON DELETE CASCADE,
    CONSTRAINT equipment_name_uq UNIQUE (zone_id, name),
    CONSTRAINT equipment_min_max CHECK (safety_min <= safety_max)
);
CREATE INDEX equipment_zone_idx ON equipment (zone_id);
CREATE INDEX equipment_gateway_idx ON equipment (gateway_id);

-- Alerts keep their history: the zone, sensor or gateway they name may go away (SET NULL).
CREATE TABLE alerts (
    id              UUID PRIMARY KEY,
    facility_id     UUID          NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    zone_id         UUID REFERENCES zones (id) ON DELETE SET NULL,
    sensor_id       UUID REFERENCES sensors (id) ON DELETE SET NULL,
    gateway_id      UUID REFERENCES gateways (id) ON DELETE SET NULL,
    kind            VARCHAR(64)   NOT NULL,
    severity        VARCHAR(16)   NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    message         VARCHAR(1000) NOT NULL,
    state           VARCHAR(16)   NOT NULL CHECK (state IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by UUID REFERENCES users (id) ON DELETE SET NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    resolved_by     UUID REFERENCES users (id) ON DELETE SET NULL,
    resolved_at     TIMESTAMP WITH TIME ZONE,
    -- the state machine OPEN -> ACKNOWLEDGED -> RESOLVED (or OPEN -> RESOLVED), as the timestamps show it
    CONSTRAINT alerts_state_times CHECK (
        (state = 'OPEN' AND acknowledged_at IS NULL AND resolved_at IS NULL)
        OR (state = 'ACKNOWLEDGED' AND acknowledged_at IS NOT NULL AND resolved_at IS NULL)
        OR (state = 'RESOLVED' AND resolved_at IS NOT NULL))
);
CREATE INDEX alerts_facility_idx ON alerts (facility_id, raised_at);

-- Raise an alert when a sensor of this kind (in one zone, or anywhere in the facility) reads below
-- min_threshold or above max_threshold, both in the kind's canonical unit.
CREATE TABLE alert_rules (
    id            UUID PRIMARY KEY,
    facility_id   UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name          VARCHAR(200) NOT NULL,
    sensor_kind   VARCHAR(64)  NOT NULL,
    zone_id       UUID,
    min_threshold DOUBLE PRECISION,
    max_threshold DOUBLE PRECISION,
    severity      VARCHAR(16)  NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT alert_rules_zone_fk FOREIGN KEY (facility_id, zone_id) REFERENCES zones (facility_id, id)
        ON DELETE CASCADE,
    CONSTRAINT alert_rules_name_uq UNIQUE (facility_id, name),
    CONSTRAINT alert_rules_threshold CHECK (min_threshold IS NOT NULL OR max_threshold IS NOT NULL),
    CONSTRAINT alert_rules_min_max
        CHECK (min_threshold IS NULL OR max_threshold IS NULL OR min_threshold <= max_threshold)
);

-- One row per facility and local day, computed from the time series (a later job); per m² of the facility's
-- floor area. A metric that could not be computed is null.
CREATE TABLE daily_metrics (
    facility_id        UUID NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    -- the local day of the facility ('day' is reserved in H2)
    metric_day         DATE NOT NULL,
    -- heat delivered by the heating system, MJ m⁻²
    heat_mj_m2         DOUBLE PRECISION,
    -- electricity used (lamps, fans, pumps), kWh m⁻²
    electricity_kwh_m2 DOUBLE PRECISION,
    -- CO2 dosed, kg m⁻²
    co2_kg_m2          DOUBLE PRECISION,
    -- cost of heat, electricity and CO2, € m⁻²
    cost_eur_m2        DOUBLE PRECISION,
    -- fresh-weight harvest, kg m⁻²
    yield_kg_m2        DOUBLE PRECISION,
    -- mean vapour pressure deficit of the air, kPa
    mean_vpd_kpa       DOUBLE PRECISION,
    -- daily light integral at the canopy, mol m⁻² d⁻¹ of PAR photons
    dli_mol_m2_d       DOUBLE PRECISION,
    PRIMARY KEY (facility_id, metric_day)
);
