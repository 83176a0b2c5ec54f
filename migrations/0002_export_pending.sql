-- Orders whose state the sales channel has not been told yet (shipments shipped or
-- cancelled, order cancelled). Set where the change happens, cleared by `orders export`
-- once the channel accepted the update, so export never scans every order ever shipped.
ALTER TABLE orders ADD COLUMN export_pending INTEGER NOT NULL DEFAULT 0;
CREATE INDEX orders_export_pending ON orders(export_pending) WHERE export_pending = 1;
