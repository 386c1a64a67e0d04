-- Invitations to a facility, the password-change time of an account, and where and how each audited event
-- ended. Same SQL on PostgreSQL and H2 (PostgreSQL mode).

-- A facility admin invites an e-mail address with a role; the invitee accepts with the token. Only the
-- token's SHA-256 is kept (the token itself is 256 random bits, shown once to the admin who invited).
CREATE TABLE invitations (
    id          UUID PRIMARY KEY,
    facility_id UUID         NOT NULL REFERENCES facilities (id) ON DELETE CASCADE,
    email       VARCHAR(254) NOT NULL,
    role        VARCHAR(16)  NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    token_hash  VARCHAR(64)  NOT NULL,
    invited_by  UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_at TIMESTAMP WITH TIME ZONE,
    -- the account that accepted (new or existing)
    accepted_by UUID REFERENCES users (id) ON DELETE SET NULL,
    revoked_at  TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX invitations_token_uq ON invitations (token_hash);
CREATE INDEX invitations_facility_idx ON invitations (facility_id, created_at);

-- NULL until the first change: the account still has the password it was created with
ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP WITH TIME ZONE;

-- Where the request came from (IPv4 or IPv6 literal, up to 45 characters) and how it ended.
ALTER TABLE audit_log ADD COLUMN client_address VARCHAR(45);
ALTER TABLE audit_log ADD COLUMN outcome VARCHAR(8) DEFAULT 'success' NOT NULL;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_outcome_ck CHECK (outcome IN ('success', 'denied', 'failed'));
-- the system administrator's view reads all entries newest first
CREATE INDEX audit_log_at_idx ON audit_log (at);
