-- A cancellation asked of a warehouse is recorded before it is sent (shipment status
-- `cancel_requested`, this column NULL) and confirmed after (this column set), like a
-- shipment itself, so a crash in between resends it instead of losing it.
ALTER TABLE shipments ADD COLUMN cancel_sent_at TEXT;
CREATE INDEX shipments_cancel_pending ON shipments(fulfillment_channel)
    WHERE status = 'cancel_requested' AND cancel_sent_at IS NULL;
