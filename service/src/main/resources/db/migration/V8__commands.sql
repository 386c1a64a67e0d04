-- Control commands sent to gateways (set-points, overrides, releases, mode changes) and policy rollouts, with
-- what became of each. Same SQL on PostgreSQL and H2 (PostgreSQL mode).
--
-- A row is one wire message the service publishes: a Command on the gateway's command topic (kind COMMAND,
-- id = the wire commandId) or a retained PolicyAnnouncement on its policy topic (kind POLICY_ROLLOUT, id =
-- the announcement's messageId). status moves forward only:
--   QUEUED -> SENT (the broker took it) -> DELIVERED (the gateway acknowledged 'received')
--          -> SUCCEEDED | FAILED | TIMED_OUT (terminal; finished_at set)
-- and may skip steps (an acknowledgement can overtake the broker's confirmation).
CREATE TABLE commands (
    -- the wire id: 16 to 64 of A-Z a-z 0-9 _ - (the service makes UUID version 7 strings)
    id                VARCHAR(64)  PRIMARY KEY,
    facility_id       UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    -- the gateway it is for; the history outlives the gateway (SET NULL), its client id stays for the record
    gateway_id        UUID REFERENCES gateways (id) ON DELETE SET NULL,
    gateway_client_id VARCHAR(64)  NOT NULL,
    -- the equipment an override or release acts on, if the request named one
    equipment_id      UUID REFERENCES equipment (id) ON DELETE SET NULL,
    kind              VARCHAR(16)  NOT NULL CHECK (kind IN ('COMMAND', 'POLICY_ROLLOUT')),
    -- a command's action; null for a rollout
    action            VARCHAR(16) CHECK (action IN ('SETPOINT', 'OVERRIDE', 'RELEASE', 'MODE')),
    -- the set-point or actuator point it acts on
    target            VARCHAR(128),
    -- the value sent, in unit ('value' is a keyword in H2)
    command_value     DOUBLE PRECISION,
    unit              VARCHAR(32),
    -- the control mode asked for (a ControlMode name: POLICY, ADVISORY, MANUAL)
    mode              VARCHAR(16),
    -- a rollout's policy version: the registry row (SET NULL when deleted) and the announced name and hash
    policy_id         UUID REFERENCES policies (id) ON DELETE SET NULL,
    policy_version    VARCHAR(128),
    content_hash      VARCHAR(64),
    issued_by         UUID REFERENCES users (id) ON DELETE SET NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a command: the gateway must not apply it after this; a rollout: when it times out unreported
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(16)  NOT NULL
        CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'SUCCEEDED', 'FAILED', 'TIMED_OUT')),
    -- why it failed or timed out (the gateway's own reason where it gave one)
    reason            VARCHAR(2200),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    finished_at       TIMESTAMP WITH TIME ZONE,
    -- the JSON published (wire contract), kept so that a command queued while the broker was away goes out
    -- byte for byte as issued
    payload           VARCHAR(8192) NOT NULL,
    CONSTRAINT commands_expiry CHECK (expires_at > issued_at),
    CONSTRAINT commands_kind_fields CHECK (
        (kind = 'COMMAND' AND action IS NOT NULL AND policy_version IS NULL)
        OR (kind = 'POLICY_ROLLOUT' AND action IS NULL AND policy_version IS NOT NULL AND content_hash IS NOT NULL)),
    CONSTRAINT commands_finished CHECK (
        (status IN ('SUCCEEDED', 'FAILED', 'TIMED_OUT')) = (finished_at IS NOT NULL))
);
CREATE INDEX commands_facility_idx ON commands (facility_id, issued_at);
CREATE INDEX commands_gateway_idx ON commands (gateway_client_id, kind, issued_at);
-- the sweep looks for open rows only
CREATE INDEX commands_status_idx ON commands (status, expires_at);
