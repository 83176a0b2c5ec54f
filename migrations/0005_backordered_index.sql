-- Backorders are retried whenever stock rises (every receipt, positive adjustment, stock
-- sync). Without an index that meant reading every order ever imported to find the few
-- that wait; the partial index holds only those.
CREATE INDEX orders_backordered ON orders(id) WHERE backordered = 1;
