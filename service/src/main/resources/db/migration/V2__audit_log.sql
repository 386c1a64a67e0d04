-- Security-relevant events (OWASP ASVS V7): who did what, where, when. No foreign keys on purpose: the
-- record outlives the account or facility it names. Never holds a password or a token.
CREATE TABLE audit_log (
    id          UUID PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id    UUID,
    facility_id UUID,
    action      VARCHAR(64)  NOT NULL,
    detail      VARCHAR(500)
);
CREATE INDEX audit_log_facility_idx ON audit_log (facility_id, at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
