-- Orders per status (0006) were counted on INSERT by a trigger. A trigger makes each order
-- insert a multi-write statement, which SQLite guards with a statement journal: every page
-- the insert touched (the row and its six index entries) was first copied to the
-- sub-journal, a third of an import's time (perf, 300,000 orders). store::orders::insert,
-- the one place orders are created, counts the new order in the same statement set
-- instead; status changes and deletes keep their triggers (tests/status_counters.rs
-- recounts after random operations).
DROP TRIGGER order_status_counts_insert;
