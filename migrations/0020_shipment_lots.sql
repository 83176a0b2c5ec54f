-- Issue 14 item 2: the lots, serial numbers and expiration dates a warehouse reports with a
-- shipment confirmation, per parcel (shipment part) and order line, so `oms shipments show`,
-- `oms orders show` and the order updates to the shop can say which units left.
CREATE TABLE shipment_lots (
    id               INTEGER PRIMARY KEY,
    shipment_id      INTEGER NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
    part_no          INTEGER NOT NULL,
    order_line_id    INTEGER NOT NULL REFERENCES order_lines(id),
    variant_id       INTEGER NOT NULL REFERENCES variants(id),
    lot              TEXT,
    serial           TEXT,
    expiration_date  TEXT,
    quantity         INTEGER NOT NULL CHECK (quantity > 0)
);
CREATE INDEX shipment_lots_shipment ON shipment_lots(shipment_id, part_no);
