#!/usr/bin/env bash
# oms benchmarks (issue "Sales order shipping"): prints each figure next to its target.
#
#   bench/run.sh                 # full size: 1,000,000 orders to import, 100,000 to process
#   ORDERS=100000 bench/run.sh   # smaller import run
#
# Needs: cargo, sqlite3, /usr/bin/time (GNU). Writes into bench/out/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

ORDERS=${ORDERS:-1000000}          # orders imported (× LINES lines)
LINES=${LINES:-3}
SKUS=${SKUS:-10000}
PROCESS_ORDERS=${PROCESS_ORDERS:-100000}
OUT=bench/out
rm -rf "$OUT" && mkdir -p "$OUT"

echo "building release binaries…" >&2
cargo build --release --quiet --bin oms --example bench_data
OMS=$PWD/target/release/oms
GEN=$PWD/target/release/examples/bench_data

# seconds and peak RSS (MB) of a command, from GNU time
measure() {
  local log=$1; shift
  /usr/bin/time -f '%e %M' -o "$log" "$@"
}
secs() { awk '{print $1}' "$1"; }
mb() { awk '{printf "%.1f", $2/1024}' "$1"; }

workspace() {
  local dir=$1
  mkdir -p "$dir"
  {
    echo 'database = "oms.db"'
    echo '[defaults]'
    echo 'warehouse = "w1"'
    echo 'carrier_service = "standard"'
    echo 'max_splits = 2'
    echo '[carrier_services.standard]'
    echo 'carrier = "USPS"'
    echo 'service = "Ground"'
    echo '[sales_channels.web]'
    echo 'kind = "files"'
    echo 'path = "channels/web"'
    echo 'stock_source = "all"'
    echo '[virtual_warehouses.all]'
    echo 'members = ["w1", "w2", "w3", "w4", "w5"]'
    for i in 1 2 3 4 5; do
      echo "[fulfillment_channels.f$i]"
      echo 'kind = "files"'
      echo "path = \"channels/f$i\""
      echo "[warehouses.w$i]"
      echo "fulfillment_channel = \"f$i\""
      echo "priority = $i"
    done
  } > "$dir/oms.toml"
  for ch in web f1 f2 f3 f4 f5; do mkdir -p "$dir/channels/$ch/inbox" "$dir/channels/$ch/outbox"; done
}

echo "generating data…" >&2
"$GEN" catalog "$SKUS" > "$OUT/catalog.csv"
"$GEN" orders "$ORDERS" "$LINES" "$SKUS" > "$OUT/orders.csv"
"$GEN" stock "$SKUS" w1 w2 w3 w4 w5 > "$OUT/stock.csv"
"$GEN" orders "$PROCESS_ORDERS" "$LINES" "$SKUS" > "$OUT/process-orders.csv"

# --- 1. import: oms vs sqlite3 .import into the same tables -------------------------
IMP=$OUT/import
workspace "$IMP"
(cd "$IMP" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null)
measure "$OUT/import.time" "$OMS" --config "$IMP/oms.toml" -q --no-progress orders import \
  --channel web --file "$OUT/orders.csv" --format oms-csv >/dev/null
imported=$(sqlite3 "$IMP/oms.db" "SELECT COUNT(*) FROM orders")
lines=$(sqlite3 "$IMP/oms.db" "SELECT COUNT(*) FROM order_lines")

BASE=$OUT/baseline
workspace "$BASE"
(cd "$BASE" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null)
cat > "$OUT/baseline.sql" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TEMP TABLE staging (order_id TEXT, order_name TEXT, ordered_at TEXT, email TEXT, ship_name TEXT,
  ship_address1 TEXT, ship_city TEXT, ship_zip TEXT, ship_country TEXT, shipping_method TEXT,
  currency TEXT, sku TEXT, quantity INTEGER, price TEXT);
.import --csv --skip 1 $PWD/$OUT/orders.csv staging
BEGIN;
INSERT INTO orders (channel, external_id, name, status, ordered_at, email, ship_name, ship_address1,
  ship_city, ship_zip, ship_country, shipping_method, currency, created_at, updated_at)
  SELECT 'web', order_id, order_name, 'approved', ordered_at, email, ship_name, ship_address1, ship_city,
         ship_zip, ship_country, shipping_method, currency, 'now', 'now'
  FROM staging WHERE order_name != '';
INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, quantity, price_cents)
  SELECT o.id, s.rowid, v.id, s.sku, s.quantity, CAST(ROUND(s.price * 100) AS INTEGER)
  FROM staging s JOIN orders o ON o.channel = 'web' AND o.external_id = s.order_id
  JOIN variants v ON v.sku_key = lower(trim(s.sku));
COMMIT;
SQL
measure "$OUT/baseline.time" sqlite3 "$BASE/oms.db" < "$OUT/baseline.sql" >/dev/null
base_lines=$(sqlite3 "$BASE/oms.db" "SELECT COUNT(*) FROM order_lines")

# --- 2. process: 100k approved orders over SKUS SKUs × 5 warehouses ------------------
PRO=$OUT/process
workspace "$PRO"
(cd "$PRO" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null \
  && "$OMS" -q stock adjust --file "../stock.csv" --yes >/dev/null \
  && "$OMS" -q orders import --channel web --file "../process-orders.csv" --format oms-csv >/dev/null)
measure "$OUT/process.time" "$OMS" --config "$PRO/oms.toml" -q --no-progress orders process >/dev/null
shipments=$(sqlite3 "$PRO/oms.db" "SELECT COUNT(*) FROM shipments")
processed=$(sqlite3 "$PRO/oms.db" "SELECT COUNT(*) FROM orders WHERE status != 'approved' OR backordered = 1")
outbox_files=$(ls "$PRO"/channels/f*/outbox | grep -c shipments || true)
"$OMS" --config "$PRO/oms.toml" -q stock verify >/dev/null && verify=clean || verify=MISMATCH

imp_s=$(secs "$OUT/import.time"); base_s=$(secs "$OUT/baseline.time"); pro_s=$(secs "$OUT/process.time")
awk -v n="$ORDERS" -v l="$LINES" -v imported="$imported" -v lines="$lines" -v bl="$base_lines" \
    -v imp="$imp_s" -v base="$base_s" -v mem="$(mb "$OUT/import.time")" \
    -v pn="$PROCESS_ORDERS" -v pro="$pro_s" -v pmem="$(mb "$OUT/process.time")" -v ships="$shipments" \
    -v processed="$processed" -v files="$outbox_files" -v verify="$verify" 'BEGIN {
  printf "import   %d orders x %d lines (oms-csv, --file)\n", n, l
  printf "  oms orders import      %7.2f s  %9.0f orders/s  peak RSS %6.1f MB (target < 100 MB)\n", imp, n/imp, mem
  printf "  sqlite3 .import + SQL  %7.2f s  (same rows into the same tables)\n", base
  printf "  ratio oms / sqlite3    %7.2f    (target <= 2.0)\n", imp/base
  printf "  rows: %d orders, %d lines (baseline %d lines)\n", imported, lines, bl
  printf "process  %d approved orders, %d lines each, 10k SKUs x 5 warehouses (files channels)\n", pn, l
  printf "  oms orders process     %7.2f s  %9.0f orders/s  (target >= 20,000)  peak RSS %.1f MB\n", pro, pn/pro, pmem
  printf "  %d shipments created, %d orders handled, %d outbox files, stock verify: %s\n", ships, processed, files, verify
}'
