-- Holds (SPEC §2 `held`, §3 `on_hold`): units an order on hold reserves against its sales
-- channel's stock source before any warehouse is chosen. They live on the source's level
-- row (a virtual warehouse's row carries only `held`) and every change is a ledger row,
-- so `stock verify` proves them like the other quantities.
ALTER TABLE stock_levels ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0);
ALTER TABLE stock_ledger ADD COLUMN d_held INTEGER NOT NULL DEFAULT 0;
-- Releasing a hold reverses exactly what the order's hold rows added; this index holds
-- only those rows, so finding them never scans the whole ledger.
CREATE INDEX stock_ledger_held ON stock_ledger(ref_id) WHERE d_held != 0;
-- NULL hold_until on an on_hold order: a hold without a time, released only by a person.
ALTER TABLE orders ADD COLUMN hold_until TEXT;
ALTER TABLE orders ADD COLUMN hold_reason TEXT;
