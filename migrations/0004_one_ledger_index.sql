-- The ledger is written on every allocation, shipment and receipt, and read by history
-- (by SKU: stock_ledger_variant serves it) and by verify/rebuild (whole-table scans that
-- need no index). A second index on (warehouse, variant_id) only made every write dearer.
DROP INDEX IF EXISTS stock_ledger_key;
