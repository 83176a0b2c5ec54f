-- Order rules (docs/rules.md) decide at import what processing must honour later:
-- a rule's `max_splits` for this order, and the name of the rule whose warehouse must
-- ship the order in full (`only_enough_stock`), so a backorder reason can name it.
ALTER TABLE orders ADD COLUMN max_splits INTEGER;
ALTER TABLE orders ADD COLUMN strict_rule TEXT;
