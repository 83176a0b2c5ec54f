-- cancel_after (docs/processing.md): the moment after which an order not yet sent to a
-- warehouse is no longer wanted. RFC 3339 UTC with seconds, so text order is time order;
-- NULL: the order never expires.
ALTER TABLE orders ADD COLUMN cancel_after TEXT;
-- `orders process` and `status` look for expired orders on every run; only the few orders
-- that carry a date are in this index, so the look costs nothing on a large history.
CREATE INDEX orders_cancel_after ON orders(cancel_after) WHERE cancel_after IS NOT NULL;
