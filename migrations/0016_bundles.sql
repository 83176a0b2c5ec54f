-- Bundles (kits): a variant sold as one SKU and shipped as its components. A bundle has
-- no stock of its own: the ledger refuses its rows, and its availability is computed
-- from its components' (docs/bundles.md).
CREATE TABLE bundle_components (
    bundle_id     INTEGER NOT NULL REFERENCES variants(id) ON DELETE CASCADE,
    component_id  INTEGER NOT NULL REFERENCES variants(id),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (bundle_id, component_id),
    CHECK (bundle_id <> component_id)
) WITHOUT ROWID;
CREATE INDEX bundle_components_component ON bundle_components(component_id);

-- A safety net under the checks in ops: a flow that would move stock of a bundle fails
-- its transaction instead of giving the bundle stock beside its components.
CREATE TRIGGER stock_ledger_no_bundle BEFORE INSERT ON stock_ledger
WHEN EXISTS (SELECT 1 FROM bundle_components WHERE bundle_id = NEW.variant_id)
BEGIN SELECT RAISE(ABORT, 'a bundle has no stock of its own: move its components'); END;

-- The component lines of an order line whose SKU is a bundle point at it; the bundle
-- line itself stays as the shop sent it and is never allocated.
ALTER TABLE order_lines ADD COLUMN bundle_line_id INTEGER REFERENCES order_lines(id);
CREATE INDEX order_lines_bundle ON order_lines(bundle_line_id) WHERE bundle_line_id IS NOT NULL;
