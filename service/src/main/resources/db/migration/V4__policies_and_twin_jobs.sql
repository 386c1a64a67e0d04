-- The policy registry (exported .onnx policies per facility, versioned by name, with aliases such as
-- champion/challenger) and the twin's what-if jobs. Same SQL on PostgreSQL and H2 (PostgreSQL mode).

-- One uploaded version of a named policy. The file itself lives content-addressed in the data folder
-- (storage_path, relative to it); the manifest is the policy runtime's, read from the file's metadata.
CREATE TABLE policies (
    id               UUID PRIMARY KEY,
    facility_id      UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name             VARCHAR(64)  NOT NULL,
    -- 1, 2, 3, ... per facility and name, in upload order; a deleted version's number is not reused
    version          INTEGER      NOT NULL CHECK (version >= 1),
    -- lower-case hex SHA-256 of the file's bytes
    sha256           VARCHAR(64)  NOT NULL,
    -- file size, bytes
    size_bytes       BIGINT       NOT NULL CHECK (size_bytes > 0),
    -- the manifest as JSON
    manifest         TEXT         NOT NULL,
    env_id           VARCHAR(100) NOT NULL,
    observation_size INTEGER      NOT NULL CHECK (observation_size > 0),
    action_size      INTEGER      NOT NULL CHECK (action_size > 0),
    uploaded_by      UUID REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    storage_path     VARCHAR(200) NOT NULL
);
CREATE UNIQUE INDEX policies_version_uq ON policies (facility_id, name, version);
CREATE INDEX policies_sha256_idx ON policies (sha256);

-- Next version number per facility and name: kept apart from the versions so that deleting the newest
-- version does not hand its number to a different file.
CREATE TABLE policy_names (
    facility_id  UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name         VARCHAR(64) NOT NULL,
    last_version INTEGER     NOT NULL,
    PRIMARY KEY (facility_id, name)
);

-- A movable name for one version of a policy, e.g. champion -> climate v3. The service refuses to delete
-- a version an alias points at (409); the cascade only serves deleting the whole facility.
CREATE TABLE policy_aliases (
    facility_id UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    name        VARCHAR(64) NOT NULL,
    alias       VARCHAR(32) NOT NULL,
    policy_id   UUID        NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    updated_by  UUID REFERENCES users (id) ON DELETE SET NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (facility_id, name, alias)
);
CREATE INDEX policy_aliases_policy_idx ON policy_aliases (policy_id);

-- The states of a what-if job. A foreign key rather than CHECK (state IN (...)): H2 2.4 binds a CHECK that
-- compares strings to the session that created it (Flyway's), and refuses every insert once that pooled
-- connection is closed ("Check constraint invalid").
CREATE TABLE twin_job_states (
    state VARCHAR(16) PRIMARY KEY
);
INSERT INTO twin_job_states (state) VALUES ('QUEUED'), ('RUNNING'), ('SUCCEEDED'), ('FAILED'), ('CANCELLED');

-- A what-if run of the twin: a scenario (environment, controller, weather, period, seed) simulated in the
-- background. progress is the share of simulated steps done (0..1); kpis the results as JSON once done.
CREATE TABLE twin_jobs (
    id           UUID PRIMARY KEY,
    facility_id  UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    requested_by UUID REFERENCES users (id) ON DELETE SET NULL,
    scenario     TEXT        NOT NULL,
    state        VARCHAR(16) NOT NULL REFERENCES twin_job_states (state),
    progress     DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    kpis         TEXT,
    error        VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    finished_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX twin_jobs_facility_idx ON twin_jobs (facility_id, created_at);
CREATE INDEX twin_jobs_state_idx ON twin_jobs (state);
