-- Accounts, facilities and who may do what where. Written in the SQL that PostgreSQL and H2 (PostgreSQL
-- mode) both accept, so the embedded default and production run the very same migrations.

CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    system_admin  BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
-- emails are stored lower-cased, so this is a case-insensitive uniqueness
CREATE UNIQUE INDEX users_email_uq ON users (email);

CREATE TABLE facilities (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    location   VARCHAR(200) NOT NULL,
    -- WGS84 degrees, optional: the twin needs them for sun position
    latitude   DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    longitude  DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    -- floor area under glass, m²
    area_m2    DOUBLE PRECISION NOT NULL CHECK (area_m2 > 0),
    crop       VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE memberships (
    facility_id UUID        NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    user_id     UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role        VARCHAR(16) NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    PRIMARY KEY (facility_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Refresh tokens are opaque; only their SHA-256 is kept. Each login starts a family; every refresh marks
-- the presented token used and issues the next one in the same family. Presenting a used or revoked token
-- revokes the whole family (stolen-token detection).
CREATE TABLE refresh_tokens (
    id         UUID PRIMARY KEY,
    family_id  UUID        NOT NULL,
    user_id    UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash VARCHAR(64) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX refresh_tokens_hash_uq ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
