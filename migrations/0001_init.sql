-- oms schema v1. Quantities and money are integers (money in minor units, e.g. cents).
-- Timestamps are RFC 3339 UTC text. SKUs are matched through sku_key = lower(trim(sku)).

CREATE TABLE products (
    id            INTEGER PRIMARY KEY,
    handle        TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    vendor        TEXT,
    product_type  TEXT,
    tags          TEXT,
    description   TEXT,
    status        TEXT NOT NULL DEFAULT 'active',
    -- Where the current values came from: 'oms' (typed by hand) or a channel code.
    source        TEXT NOT NULL DEFAULT 'oms',
    manual_edit_at TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

CREATE TABLE variants (
    id            INTEGER PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku           TEXT NOT NULL,
    sku_key       TEXT NOT NULL UNIQUE,
    title         TEXT,
    option1       TEXT,
    option2       TEXT,
    option3       TEXT,
    barcode       TEXT,
    price_cents   INTEGER,
    weight_grams  INTEGER,
    source        TEXT NOT NULL DEFAULT 'oms',
    manual_edit_at TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX variants_product ON variants(product_id);

-- Current levels per (physical warehouse, variant). Changed only together with a ledger row.
CREATE TABLE stock_levels (
    warehouse     TEXT NOT NULL,
    variant_id    INTEGER NOT NULL REFERENCES variants(id),
    on_hand       INTEGER NOT NULL DEFAULT 0,
    allocated     INTEGER NOT NULL DEFAULT 0,
    incoming      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    -- A safety net under the ledger rules: a bug that would release more than it reserved
    -- fails its transaction instead of leaving an impossible level behind.
    CHECK (allocated >= 0 AND incoming >= 0),
    PRIMARY KEY (warehouse, variant_id)
) WITHOUT ROWID;
CREATE INDEX stock_levels_variant ON stock_levels(variant_id);

CREATE TABLE stock_ledger (
    id            INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    warehouse     TEXT NOT NULL,
    variant_id    INTEGER NOT NULL REFERENCES variants(id),
    d_on_hand     INTEGER NOT NULL DEFAULT 0,
    d_allocated   INTEGER NOT NULL DEFAULT 0,
    d_incoming    INTEGER NOT NULL DEFAULT 0,
    reason        TEXT NOT NULL,
    ref_kind      TEXT,
    ref_id        TEXT,
    run_id        INTEGER,
    note          TEXT
);
CREATE INDEX stock_ledger_key ON stock_ledger(warehouse, variant_id);
CREATE INDEX stock_ledger_variant ON stock_ledger(variant_id, id);

CREATE TRIGGER stock_ledger_no_update BEFORE UPDATE ON stock_ledger
BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END;
CREATE TRIGGER stock_ledger_no_delete BEFORE DELETE ON stock_ledger
BEGIN SELECT RAISE(ABORT, 'stock_ledger is append-only'); END;

CREATE TABLE orders (
    id                  INTEGER PRIMARY KEY,
    channel             TEXT NOT NULL,             -- sales channel code, or 'manual'
    external_id         TEXT NOT NULL,
    name                TEXT,
    status              TEXT NOT NULL,
    backordered         INTEGER NOT NULL DEFAULT 0,
    backorder_reason    TEXT,
    ordered_at          TEXT,
    customer_name       TEXT,
    email               TEXT,
    phone               TEXT,
    ship_name           TEXT,
    ship_company        TEXT,
    ship_address1       TEXT,
    ship_address2       TEXT,
    ship_city           TEXT,
    ship_province       TEXT,
    ship_zip            TEXT,
    ship_country        TEXT,
    shipping_method     TEXT,
    carrier_service     TEXT,
    requested_warehouse TEXT,
    currency            TEXT,
    total_cents         INTEGER,
    tags                TEXT,
    note                TEXT,
    upstream_updated_at TEXT,
    upstream_hash       TEXT,
    exported_hash       TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    UNIQUE (channel, external_id)
);
CREATE INDEX orders_status ON orders(status, id);

CREATE TABLE order_lines (
    id                INTEGER PRIMARY KEY,
    order_id          INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    line_no           INTEGER NOT NULL,
    variant_id        INTEGER NOT NULL REFERENCES variants(id),
    channel_sku       TEXT NOT NULL,
    external_line_id  TEXT,
    title             TEXT,
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    price_cents       INTEGER,
    quantity_shipped  INTEGER NOT NULL DEFAULT 0,
    UNIQUE (order_id, line_no)
);

CREATE TABLE shipments (
    id                  INTEGER PRIMARY KEY,
    order_id            INTEGER NOT NULL REFERENCES orders(id),
    -- Our idempotency reference, sent to the warehouse; stable across resends.
    reference           TEXT NOT NULL UNIQUE,
    warehouse           TEXT NOT NULL,
    fulfillment_channel TEXT NOT NULL,
    carrier_service     TEXT,
    status              TEXT NOT NULL,
    external_id         TEXT,
    carrier             TEXT,
    tracking_numbers    TEXT,                      -- JSON array
    tracking_url        TEXT,
    shipped_at          TEXT,
    send_attempts       INTEGER NOT NULL DEFAULT 0,
    last_error          TEXT,
    sent_at             TEXT,
    exported_at         TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX shipments_order ON shipments(order_id);
CREATE INDEX shipments_status ON shipments(status, id);

CREATE TABLE shipment_lines (
    id                INTEGER PRIMARY KEY,
    shipment_id       INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    order_line_id     INTEGER NOT NULL REFERENCES order_lines(id),
    variant_id        INTEGER NOT NULL REFERENCES variants(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    quantity_shipped  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX shipment_lines_shipment ON shipment_lines(shipment_id);

-- The story of every order, shipment and PO: each status change with its cause.
CREATE TABLE status_history (
    id          INTEGER PRIMARY KEY,
    entity      TEXT NOT NULL,                     -- 'order' | 'shipment' | 'po' | 'receipt'
    entity_id   INTEGER NOT NULL,
    from_status TEXT,
    to_status   TEXT NOT NULL,
    at          TEXT NOT NULL,
    cause       TEXT NOT NULL,                     -- 'run 12 (orders import)' or 'oms orders cancel'
    note        TEXT
);
CREATE INDEX status_history_entity ON status_history(entity, entity_id, id);

-- Records that could not be applied (orders, confirmations, receipts, stock lines).
CREATE TABLE rejections (
    id           INTEGER PRIMARY KEY,
    flow         TEXT NOT NULL,
    channel      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    source       TEXT,                             -- file:line or endpoint
    reasons      TEXT NOT NULL,                    -- JSON array of strings
    payload      TEXT,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 1,
    resolved_at  TEXT,
    run_id       INTEGER,
    UNIQUE (flow, channel, external_id)
);

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    flow         TEXT NOT NULL,
    channel      TEXT,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    outcome      TEXT NOT NULL DEFAULT 'running',  -- running | ok | rejected | failed
    dry_run      INTEGER NOT NULL DEFAULT 0,
    counts       TEXT,                             -- JSON object
    error        TEXT
);
CREATE INDEX runs_flow ON runs(flow, id);

CREATE TABLE watermarks (
    channel     TEXT NOT NULL,
    flow        TEXT NOT NULL,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (channel, flow)
) WITHOUT ROWID;

CREATE TABLE purchase_orders (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    supplier     TEXT NOT NULL,
    warehouse    TEXT NOT NULL,
    status       TEXT NOT NULL,
    expected_at  TEXT,
    note         TEXT,
    external_id  TEXT,
    exported_at  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

CREATE TABLE po_lines (
    id                 INTEGER PRIMARY KEY,
    po_id              INTEGER NOT NULL REFERENCES purchase_orders(id) ON DELETE CASCADE,
    line_no            INTEGER NOT NULL,
    variant_id         INTEGER NOT NULL REFERENCES variants(id),
    quantity           INTEGER NOT NULL CHECK (quantity > 0),
    quantity_received  INTEGER NOT NULL DEFAULT 0,
    unit_cost_cents    INTEGER,
    UNIQUE (po_id, line_no)
);

CREATE TABLE receipts (
    id           INTEGER PRIMARY KEY,
    po_id        INTEGER NOT NULL REFERENCES purchase_orders(id),
    channel      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    status       TEXT NOT NULL,
    received_at  TEXT,
    created_at   TEXT NOT NULL,
    UNIQUE (channel, external_id)
);

CREATE TABLE receipt_lines (
    id           INTEGER PRIMARY KEY,
    receipt_id   INTEGER NOT NULL REFERENCES receipts(id) ON DELETE CASCADE,
    po_line_id   INTEGER NOT NULL REFERENCES po_lines(id),
    variant_id   INTEGER NOT NULL REFERENCES variants(id),
    quantity     INTEGER NOT NULL
);

-- What was last pushed to each sales channel, so a push sends only changes.
CREATE TABLE stock_pushes (
    channel     TEXT NOT NULL,
    variant_id  INTEGER NOT NULL REFERENCES variants(id),
    quantity    INTEGER NOT NULL,
    pushed_at   TEXT NOT NULL,
    PRIMARY KEY (channel, variant_id)
) WITHOUT ROWID;

-- Connector-owned ids in other systems (Shopify inventory_item_id, ShipBob product id, ...).
CREATE TABLE channel_refs (
    channel     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    local_key   TEXT NOT NULL,
    remote_id   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (channel, kind, local_key)
) WITHOUT ROWID;
