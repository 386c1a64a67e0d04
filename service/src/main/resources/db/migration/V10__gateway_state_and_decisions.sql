-- What each gateway last said about itself (its GatewayState uplink, also its MQTT last will) and its recent
-- control decisions (one AuditRecord uplink per control tick), for the grower's dashboard.

-- One row per gateway: the latest state received, in arrival order (a last will carries the time of its
-- connect, so the gateway's own clock cannot order it after the heartbeats it follows).
CREATE TABLE gateway_states (
    gateway_id     UUID PRIMARY KEY REFERENCES gateways (id) ON DELETE CASCADE,
    facility_id    UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    online         BOOLEAN     NOT NULL,
    -- the wire's mode: policy, advisory, manual or fallback (the rule-based controller acts)
    mode           VARCHAR(16) NOT NULL,
    -- the loaded policy's version label, NULL when none is loaded
    policy_version VARCHAR(128),
    last_tick_at   TIMESTAMP WITH TIME ZONE,
    -- when the gateway made the message (its clock) and when the service stored it (the service's)
    sent_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per control tick, keyed by the audit record's message id (per gateway) so that a redelivered record
-- is stored once. Only the newest few thousand per gateway are kept (Decisions prunes the rest).
CREATE TABLE decisions (
    id             VARCHAR(64) NOT NULL,
    gateway_id     UUID        NOT NULL REFERENCES gateways (id) ON DELETE CASCADE,
    facility_id    UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    tick_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    mode           VARCHAR(16) NOT NULL,
    policy_version VARCHAR(128),
    -- point name -> value as JSON objects in the site's order, in each point's canonical unit; null for a
    -- missing input or a proposal that was not a number
    inputs         VARCHAR NOT NULL,
    raw_action     VARCHAR NOT NULL,
    safe_action    VARCHAR NOT NULL,
    -- the safety layer's intervention codes (e.g. clamp_max:uRoof), one a line; empty when it changed nothing
    interventions  VARCHAR NOT NULL,
    -- from reading the inputs to writing the commands [µs]
    latency_micros BIGINT      NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT decisions_pk PRIMARY KEY (gateway_id, id)
);
CREATE INDEX decisions_gateway_tick_idx ON decisions (gateway_id, tick_at);
