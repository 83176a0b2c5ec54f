-- Issue 16, returns from the shop (docs/returns.md "From the shop"). An RMA made from a
-- shop's return remembers which return it is, so reading the return again makes nothing
-- new, and which of the shop's return lines each unit belongs to, so what arrived can be
-- reported back line by line once the RMA is finished.
ALTER TABLE returns ADD COLUMN sales_channel TEXT;
ALTER TABLE returns ADD COLUMN shop_return_id TEXT;
-- JSON: [{"id": return line gid, "quantity": n, "parts": [[variant id, units per line unit]]}]
ALTER TABLE returns ADD COLUMN shop_lines TEXT;
-- When the shop was told what arrived (or that nothing will).
ALTER TABLE returns ADD COLUMN shop_reported_at TEXT;
CREATE UNIQUE INDEX returns_shop_return ON returns(sales_channel, shop_return_id)
    WHERE shop_return_id IS NOT NULL;
CREATE INDEX returns_shop_unreported ON returns(sales_channel)
    WHERE shop_return_id IS NOT NULL AND shop_reported_at IS NULL;
