-- Speed at any history size (issue 17): what the interactive commands and backorder
-- retries read must not grow with the number of orders ever imported.

-- Orders per status for `oms status`: a GROUP BY over every order took seconds at 1M.
-- Triggers keep the counts in the transaction that changes an order, so they can never
-- drift from the rows (tests/status_counters.rs recounts after random operations).
CREATE TABLE order_status_counts (
    status  TEXT PRIMARY KEY,
    orders  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO order_status_counts (status, orders)
    SELECT status, COUNT(*) FROM orders GROUP BY status;

CREATE TRIGGER order_status_counts_insert AFTER INSERT ON orders
BEGIN
    INSERT INTO order_status_counts (status, orders) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET orders = orders + 1;
END;
CREATE TRIGGER order_status_counts_update AFTER UPDATE OF status ON orders
    WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE order_status_counts SET orders = orders - 1 WHERE status = OLD.status;
    INSERT INTO order_status_counts (status, orders) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET orders = orders + 1;
END;
CREATE TRIGGER order_status_counts_delete AFTER DELETE ON orders
BEGIN
    UPDATE order_status_counts SET orders = orders - 1 WHERE status = OLD.status;
END;

-- A stock rise for one SKU retries only the backorders that wait for it.
CREATE INDEX order_lines_variant ON order_lines(variant_id, order_id);

-- Unconfirmed shipments, oldest first, without sorting every shipment sent.
CREATE INDEX shipments_sent ON shipments(status, sent_at);

-- `oms rejects` and status list the open rejections; resolved ones are history.
CREATE INDEX rejections_open ON rejections(flow, channel, first_seen) WHERE resolved_at IS NULL;

-- The last run and the last success of each (flow, channel) for status: index seeks per
-- pair instead of grouping every run ever journalled.
CREATE INDEX runs_flow_channel ON runs(flow, channel, id);
CREATE INDEX runs_success ON runs(flow, channel, outcome, dry_run, started_at);
