-- When each (warehouse, variant) was last counted by a stock snapshot (`oms stock sync`):
-- units that arrived or left before then are already in the snapshot's number, so a
-- receipt or shipment synced later must not move on hand again (docs/stock.md).
CREATE TABLE stock_counted (
    warehouse   TEXT NOT NULL,
    variant_id  INTEGER NOT NULL REFERENCES variants(id),
    counted_at  TEXT NOT NULL,
    PRIMARY KEY (warehouse, variant_id)
) WITHOUT ROWID;
