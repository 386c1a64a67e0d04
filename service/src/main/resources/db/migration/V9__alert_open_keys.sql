-- Alerts the service raises by itself (threshold rules, offline gateways, silent sensors) are raised once per
-- condition: while one is OPEN or ACKNOWLEDGED it holds the condition's key (e.g. 'gateway.offline:<id>'),
-- and resolving it clears the key. The unique index keeps a second one from being raised meanwhile, by any
-- service instance; NULLs (alerts raised otherwise, and resolved ones) do not collide, on PostgreSQL and H2
-- alike.
ALTER TABLE alerts ADD COLUMN open_key VARCHAR(200);
CREATE UNIQUE INDEX alerts_open_key_uq ON alerts (open_key);
