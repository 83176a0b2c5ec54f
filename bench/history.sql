-- Turns a database with N imported orders and opening stock into a large history for the
-- interactive-command bench (bench/run.sh): every order but the newest 3,000 shipped, with
-- its shipment, shipment lines and ledger rows (allocation, shipped); 1,000 sent and not
-- confirmed; 1,000 backordered; 1,000 waiting to be processed. Runs, resolved rejections and
-- a few open ones. Levels are set from the ledger afterwards, so `stock verify` is clean.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
CREATE TEMP TABLE n AS SELECT MAX(id) AS top FROM orders;
BEGIN;
INSERT INTO shipments (id, order_id, reference, warehouse, fulfillment_channel, carrier_service,
    status, external_id, carrier, tracking_numbers, shipped_at, send_attempts, sent_at,
    created_at, updated_at)
  SELECT o.id, o.id, 'SH' || o.id, 'w' || (1 + o.id % 5), 'f' || (1 + o.id % 5), 'standard',
         CASE WHEN o.id <= n.top - 3000 THEN 'shipped' ELSE 'sent_to_warehouse' END,
         'X' || o.id,
         CASE WHEN o.id <= n.top - 3000 THEN 'USPS' END,
         CASE WHEN o.id <= n.top - 3000 THEN '["9400' || o.id || '"]' END,
         CASE WHEN o.id <= n.top - 3000 THEN '2026-01-20T10:00:00Z' END,
         1, '2026-01-15T10:00:00Z', '2026-01-15T09:00:00Z', '2026-01-20T10:00:00Z'
  FROM orders o, n WHERE o.id <= n.top - 2000;
INSERT INTO shipment_lines (shipment_id, order_line_id, variant_id, quantity, quantity_shipped)
  SELECT s.id, l.id, l.variant_id, l.quantity,
         CASE WHEN s.status = 'shipped' THEN l.quantity ELSE 0 END
  FROM shipments s JOIN order_lines l ON l.order_id = s.order_id;
UPDATE order_lines SET quantity_shipped = quantity WHERE order_id <= (SELECT top - 3000 FROM n);
UPDATE orders SET status = 'shipped' WHERE id <= (SELECT top - 3000 FROM n);
UPDATE orders SET status = 'fulfilling'
  WHERE id > (SELECT top - 3000 FROM n) AND id <= (SELECT top - 2000 FROM n);
UPDATE orders SET backordered = 1, backorder_reason = 'no warehouse has enough stock'
  WHERE id > (SELECT top - 2000 FROM n) AND id <= (SELECT top - 1000 FROM n);
INSERT INTO stock_ledger (at, warehouse, variant_id, d_allocated, reason, ref_kind, ref_id)
  SELECT '2026-01-15T09:00:00Z', s.warehouse, sl.variant_id, sl.quantity, 'allocation', 'shipment', s.reference
  FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id;
INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, d_allocated, reason, ref_kind, ref_id)
  SELECT '2026-01-20T10:00:00Z', s.warehouse, sl.variant_id, -sl.quantity, -sl.quantity, 'shipped',
         'shipment', s.reference
  FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.status = 'shipped';
-- Found stock, so no level ends below its opening count.
INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, reason, note)
  SELECT '2026-01-10T08:00:00Z', s.warehouse, sl.variant_id, SUM(sl.quantity), 'adjust:found', 'bench history'
  FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
  GROUP BY s.warehouse, sl.variant_id;
CREATE TEMP TABLE sums AS
  SELECT warehouse, variant_id, SUM(d_on_hand) AS on_hand, SUM(d_allocated) AS allocated
  FROM stock_ledger GROUP BY warehouse, variant_id;
UPDATE stock_levels SET on_hand = sums.on_hand, allocated = sums.allocated
  FROM sums WHERE sums.warehouse = stock_levels.warehouse AND sums.variant_id = stock_levels.variant_id;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 100000)
INSERT INTO runs (flow, channel, started_at, finished_at, outcome, counts)
  SELECT CASE i % 4 WHEN 0 THEN 'orders import' WHEN 1 THEN 'orders process'
                    WHEN 2 THEN 'shipments send' ELSE 'shipments sync' END,
         CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN NULL ELSE 'f' || (1 + i % 5) END,
         strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i * 5) || ' minutes'),
         strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || (i * 5) || ' minutes'), 'ok', '{}'
  FROM r;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 50000)
INSERT INTO rejections (flow, channel, external_id, source, reasons, first_seen, last_seen, resolved_at)
  SELECT 'orders import', 'web', 'R' || i, 'orders.csv:' || i, '["sku unknown"]',
         '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z',
         CASE WHEN i > 5 THEN '2026-01-03T00:00:00Z' END
  FROM r;
COMMIT;
