-- Order totals (docs/orders.md): the shop's stated parts of the total, as far as the
-- source gives them. oms computes its own total from the lines (quantity × price) and
-- notes in the order's story when the stated subtotal disagrees; these columns keep what
-- the shop said so that disagreement can be seen later.
ALTER TABLE orders ADD COLUMN subtotal_cents INTEGER;
ALTER TABLE orders ADD COLUMN shipping_cents INTEGER;
ALTER TABLE orders ADD COLUMN tax_cents INTEGER;
ALTER TABLE orders ADD COLUMN discount_cents INTEGER;
