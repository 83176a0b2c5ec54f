-- Every outbound batch (an outbox file, an HTTP create) is decided in the transaction that
-- claims its members, before anything is written or sent. The name (file name or
-- idempotency key) and the exact payload come from this row, so a resend after a crash
-- sends the same batch with the same name and bytes; new work goes in a new batch.
CREATE TABLE outbound_batches (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,      -- shipments | cancellations | order-updates | stock | po
    channel     TEXT NOT NULL,
    name        TEXT NOT NULL,      -- file name without extension, or idempotency key
    payload     TEXT,               -- JSON of exactly what is sent; NULL once sent
    created_at  TEXT NOT NULL,
    sent_at     TEXT,
    UNIQUE (channel, name)
);
CREATE INDEX outbound_open ON outbound_batches(channel, kind, id) WHERE sent_at IS NULL;

CREATE TABLE outbound_members (
    batch_id    INTEGER NOT NULL REFERENCES outbound_batches(id),
    position    INTEGER NOT NULL,
    member_id   INTEGER,            -- shipment id, order id, purchase order id
    reference   TEXT NOT NULL,
    PRIMARY KEY (batch_id, position)
) WITHOUT ROWID;
CREATE INDEX outbound_members_ref ON outbound_members(reference);

-- Which process opened a run: a run left `running` by a process that is gone is marked
-- `interrupted` by the next run that starts.
ALTER TABLE runs ADD COLUMN pid INTEGER;
