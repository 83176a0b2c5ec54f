-- `oms rejects dismiss` (docs/rejections.md): a rejection that can never be fixed is closed
-- by a person with a reason. It stays in the history (`oms rejects --all`) and is not
-- reopened when the same record is seen again; `resolved_at` is set too, so every
-- "open" query (status, retries, the partial index) leaves it out unchanged.
ALTER TABLE rejections ADD COLUMN dismissed_at TEXT;
ALTER TABLE rejections ADD COLUMN dismissed_reason TEXT;
