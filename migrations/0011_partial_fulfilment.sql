-- Partial fulfilment (docs/processing.md): with `allow_partial_fulfillment = false` a
-- shipment the warehouse shipped short keeps its missing units allocated, waiting for a
-- later confirmation or `oms shipments close`. `rest_open` marks such a shipment.
ALTER TABLE shipments ADD COLUMN rest_open INTEGER NOT NULL DEFAULT 0;

-- Each confirmation applied to a shipment is one part (a parcel with its own tracking),
-- so the shop hears of each part once: the export sends parts, not running totals.
CREATE TABLE shipment_parts (
    id               INTEGER PRIMARY KEY,
    shipment_id      INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    part_no          INTEGER NOT NULL,
    carrier          TEXT,
    tracking_numbers TEXT NOT NULL DEFAULT '[]',   -- JSON array
    tracking_url     TEXT,
    shipped_at       TEXT,
    UNIQUE (shipment_id, part_no)
);

CREATE TABLE shipment_part_lines (
    part_id           INTEGER NOT NULL REFERENCES shipment_parts(id) ON DELETE CASCADE,
    shipment_line_id  INTEGER NOT NULL REFERENCES shipment_lines(id),
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (part_id, shipment_line_id)
) WITHOUT ROWID;

-- Shipments that shipped before parts existed are one part each.
INSERT INTO shipment_parts (shipment_id, part_no, carrier, tracking_numbers, tracking_url, shipped_at)
    SELECT id, 1, carrier, COALESCE(tracking_numbers, '[]'), tracking_url, shipped_at
    FROM shipments WHERE status IN ('shipped', 'short_shipped');
INSERT INTO shipment_part_lines (part_id, shipment_line_id, quantity)
    SELECT p.id, l.id, l.quantity_shipped
    FROM shipment_parts p JOIN shipment_lines l ON l.shipment_id = p.shipment_id
    WHERE l.quantity_shipped > 0;
