-- Issue 18 (the operator's experience): dismissed rejections and order lookups.
--
-- `oms rejects dismiss` (docs/rejections.md): a rejection that can never be fixed is closed
-- by a person with a reason. It stays in the history (`oms rejects --all`) and is not
-- reopened when the same record is seen again; `resolved_at` is set too, so every
-- "open" query (status, retries, the partial index) leaves it out unchanged.
ALTER TABLE rejections ADD COLUMN dismissed_at TEXT;
ALTER TABLE rejections ADD COLUMN dismissed_reason TEXT;

-- Orders found by what the shop shows (`oms orders show '#1001'`, `--external ID`,
-- `orders list --search`): each lookup is an index range, never a scan of every order.
CREATE INDEX orders_name ON orders(name);
CREATE INDEX orders_external_id ON orders(external_id);
CREATE INDEX orders_email ON orders(lower(email));
