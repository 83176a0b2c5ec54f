-- Issue 14 item 2, lots and serial numbers (docs/purchases.md "Lots and serial numbers").
-- A PO line may name the lot or the serial number of its units; a line with a serial is
-- one unit, so a PO lists several lines of one SKU that differ only by lot or serial.
ALTER TABLE po_lines ADD COLUMN lot TEXT;
ALTER TABLE po_lines ADD COLUMN serial TEXT;
-- What the warehouse reported receiving, per receipt line.
ALTER TABLE receipt_lines ADD COLUMN lot TEXT;
ALTER TABLE receipt_lines ADD COLUMN serial TEXT;
ALTER TABLE receipt_lines ADD COLUMN expiration_date TEXT;
