-- Messages from gateways that ingestion refused, kept for inspection with the reason. The payload is kept as
-- received (cut to 8 KiB); the facility is set only when the topic named a gateway registered to it.
CREATE TABLE dead_letters (
    id          UUID PRIMARY KEY,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    topic       VARCHAR(300)  NOT NULL,
    facility_id UUID REFERENCES facilities (id) ON DELETE CASCADE,
    -- the gateway's client id as the topic gave it (may be unknown)
    gateway     VARCHAR(64),
    -- a stable code, e.g. MALFORMED, UNKNOWN_GATEWAY, OUT_OF_RANGE
    reason      VARCHAR(32)   NOT NULL,
    detail      VARCHAR(1000) NOT NULL,
    payload     VARCHAR(8192)
);
CREATE INDEX dead_letters_facility_idx ON dead_letters (facility_id, received_at);
CREATE INDEX dead_letters_received_idx ON dead_letters (received_at);
