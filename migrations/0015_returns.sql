-- Issue 16, returns (docs/returns.md). An RMA is an inbound document like a PO: expected
-- quantities per line, then receipts with a decision (disposition) per unit.
--
-- Two new quantities per (warehouse, variant), each moved only together with a ledger row
-- (store::stock::returns), so `stock verify` proves them like the others:
-- `returning`: units on open RMAs still on their way back (like `incoming`, not available);
-- `quarantine`: units received back but held aside (not on hand, not available) until a
-- person releases them with `oms stock adjust --from-quarantine`.
-- (`returning` is an SQL keyword, hence `returning_qty` for the level column.)
ALTER TABLE stock_levels ADD COLUMN returning_qty INTEGER NOT NULL DEFAULT 0 CHECK (returning_qty >= 0);
ALTER TABLE stock_levels ADD COLUMN quarantine INTEGER NOT NULL DEFAULT 0 CHECK (quarantine >= 0);
ALTER TABLE stock_ledger ADD COLUMN d_returning INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stock_ledger ADD COLUMN d_quarantine INTEGER NOT NULL DEFAULT 0;

CREATE TABLE returns (
    id                 INTEGER PRIMARY KEY,
    number             TEXT NOT NULL UNIQUE,            -- RMA-000001, derived from id
    order_id           INTEGER NOT NULL REFERENCES orders(id),
    warehouse          TEXT NOT NULL,                   -- physical warehouse receiving it
    reason             TEXT NOT NULL,
    status             TEXT NOT NULL,                   -- open | received | closed | cancelled
    note               TEXT,
    exchange_order_id  INTEGER REFERENCES orders(id),
    external_id        TEXT,                            -- the warehouse's id, once sent
    exported_at        TEXT,                            -- when the warehouse took it
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
);
CREATE INDEX returns_order ON returns(order_id);
CREATE INDEX returns_status ON returns(status, id);

-- One line per variant; the received counters are per disposition so a line's story
-- ("2 restocked, 1 disposed") needs no second table.
CREATE TABLE return_lines (
    id                   INTEGER PRIMARY KEY,
    return_id            INTEGER NOT NULL REFERENCES returns(id) ON DELETE CASCADE,
    line_no              INTEGER NOT NULL,
    variant_id           INTEGER NOT NULL REFERENCES variants(id),
    quantity             INTEGER NOT NULL CHECK (quantity > 0),
    received_restock     INTEGER NOT NULL DEFAULT 0,
    received_quarantine  INTEGER NOT NULL DEFAULT 0,
    received_dispose     INTEGER NOT NULL DEFAULT 0,
    CHECK (received_restock + received_quarantine + received_dispose <= quantity),
    UNIQUE (return_id, line_no),
    UNIQUE (return_id, variant_id)
);

-- Receipts reported by a warehouse (`oms returns sync`), kept so that each is applied once
-- however often the same file or API answer is read again.
CREATE TABLE return_receipts (
    id           INTEGER PRIMARY KEY,
    return_id    INTEGER NOT NULL REFERENCES returns(id),
    channel      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    UNIQUE (channel, external_id)
);
