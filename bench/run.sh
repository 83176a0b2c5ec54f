#!/usr/bin/env bash
# oms benchmarks: prints each figure next to its ceiling (the same work done by a plain
# program in the same run, so a busy machine slows both) or its target.
#
#   bench/run.sh                 # full size: 1,000,000 orders (import, history), 100,000 to process
#   SIZE=100000 bench/run.sh     # quicker: 100,000 orders everywhere
#
# Needs: cargo, sqlite3, /usr/bin/time (GNU); hyperfine if installed. Writes into bench/out/
# (git-ignored); the full run needs a few GB of disk and several minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${SIZE:-1000000}
ORDERS=${ORDERS:-$SIZE}            # orders imported (× LINES lines); also the history size
LINES=${LINES:-3}
SKUS=${SKUS:-10000}
PROCESS_ORDERS=${PROCESS_ORDERS:-$((SIZE < 100000 ? SIZE : 100000))}
RUNS=${RUNS:-5}                    # timings per interactive command (median reported)
OUT=bench/out
rm -rf "$OUT" && mkdir -p "$OUT"

echo "building release binaries…" >&2
cargo build --release --quiet --bin oms --example bench_data --example ceiling_insert \
  --example ceiling_allocate
RELEASE=${CARGO_TARGET_DIR:-$PWD/target}/release   # where cargo put the build
OMS=$RELEASE/oms
GEN=$RELEASE/examples/bench_data
CEIL_INSERT=$RELEASE/examples/ceiling_insert
CEIL_ALLOC=$RELEASE/examples/ceiling_allocate

# seconds and peak RSS (MB) of a command, from GNU time. The disk is flushed first, so a
# command does not pay for the writeback of the one before it (two runs in a row differed
# by a third on the 1M import without it).
measure() {
  local log=$1; shift
  sync
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
  # Only `oms init` creates a database; a workspace that gets a copied one says NO_DB=1.
  if [ -z "${NO_DB:-}" ]; then "$OMS" --config "$dir/oms.toml" -q init "$dir" >/dev/null; fi
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
INSERT INTO order_status_counts (status, orders)
  SELECT 'approved', COUNT(*) FROM staging WHERE order_name != ''
  ON CONFLICT (status) DO UPDATE SET orders = orders + excluded.orders;
INSERT INTO order_lines (order_id, line_no, variant_id, channel_sku, quantity, price_cents)
  SELECT o.id, s.rowid, v.id, s.sku, s.quantity, CAST(ROUND(s.price * 100) AS INTEGER)
  FROM staging s JOIN orders o ON o.channel = 'web' AND o.external_id = s.order_id
  JOIN variants v ON v.sku_key = lower(trim(s.sku));
COMMIT;
SQL
measure "$OUT/baseline.time" sqlite3 "$BASE/oms.db" < "$OUT/baseline.sql" >/dev/null
base_lines=$(sqlite3 "$BASE/oms.db" "SELECT COUNT(*) FROM order_lines")

# the ceiling: the same rows through prepared statements into the same schema
CEI=$OUT/ceiling-insert
workspace "$CEI"
(cd "$CEI" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null)
measure "$OUT/ceiling-insert.time" "$CEIL_INSERT" "$CEI/oms.db" "$OUT/orders.csv" web >/dev/null

# --- 2. process: 100k approved orders over SKUS SKUs × 5 warehouses ------------------
PRO=$OUT/process
workspace "$PRO"
(cd "$PRO" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null \
  && "$OMS" -q stock adjust --file "../stock.csv" --yes >/dev/null \
  && "$OMS" -q orders import --channel web --file "../process-orders.csv" --format oms-csv >/dev/null)
# the ceiling allocates a copy of the same database
CEA=$OUT/ceiling-allocate
mkdir -p "$CEA"
sqlite3 "$PRO/oms.db" "VACUUM INTO '$CEA/oms.db'"
measure "$OUT/ceiling-allocate.time" "$CEIL_ALLOC" "$CEA/oms.db" w1:f1 w2:f2 w3:f3 w4:f4 w5:f5 >/dev/null
measure "$OUT/process.time" "$OMS" --config "$PRO/oms.toml" -q --no-progress orders process >/dev/null
shipments=$(sqlite3 "$PRO/oms.db" "SELECT COUNT(*) FROM shipments")
processed=$(sqlite3 "$PRO/oms.db" "SELECT COUNT(*) FROM orders WHERE status != 'approved' OR backordered = 1")
outbox_files=$(ls "$PRO"/channels/f*/outbox | grep -c shipments || true)
"$OMS" --config "$PRO/oms.toml" -q stock verify >/dev/null && verify=clean || verify=MISMATCH

ceil_ships=$(sqlite3 "$CEA/oms.db" "SELECT COUNT(*) FROM shipments")

imp_s=$(secs "$OUT/import.time"); base_s=$(secs "$OUT/baseline.time"); pro_s=$(secs "$OUT/process.time")
ci_s=$(secs "$OUT/ceiling-insert.time"); ca_s=$(secs "$OUT/ceiling-allocate.time")
echo "load average at start of report: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
awk -v n="$ORDERS" -v l="$LINES" -v imported="$imported" -v lines="$lines" -v bl="$base_lines" \
    -v imp="$imp_s" -v base="$base_s" -v mem="$(mb "$OUT/import.time")" \
    -v ci="$ci_s" -v cimem="$(mb "$OUT/ceiling-insert.time")" \
    -v pn="$PROCESS_ORDERS" -v pro="$pro_s" -v pmem="$(mb "$OUT/process.time")" -v ships="$shipments" \
    -v ca="$ca_s" -v camem="$(mb "$OUT/ceiling-allocate.time")" -v cships="$ceil_ships" \
    -v processed="$processed" -v files="$outbox_files" -v verify="$verify" 'BEGIN {
  printf "import   %d orders x %d lines (oms-csv, --file)\n", n, l
  printf "  oms orders import      %7.2f s  %9.0f orders/s  peak RSS %6.1f MB (target < 100 MB)\n", imp, n/imp, mem
  printf "  ceiling (prepared)     %7.2f s  %9.0f orders/s  peak RSS %6.1f MB\n", ci, n/ci, cimem
  printf "  oms / ceiling          %7.2f x  throughput (target >= 0.5)\n", ci/imp
  printf "  sqlite3 .import + SQL  %7.2f s  (same rows into the same tables)\n", base
  printf "  oms / sqlite3          %7.2f x  time (target <= 1.0)\n", imp/base
  printf "  rows: %d orders, %d lines (baseline %d lines)\n", imported, lines, bl
  printf "process  %d approved orders, %d lines each, 10k SKUs x 5 warehouses (files channels)\n", pn, l
  printf "  oms orders process     %7.2f s  %9.0f orders/s  peak RSS %.1f MB (target < 100 MB)\n", pro, pn/pro, pmem
  printf "  ceiling (greedy SQL)   %7.2f s  %9.0f orders/s  peak RSS %.1f MB, %d shipments\n", ca, pn/ca, camem, cships
  printf "  oms / ceiling          %7.2f x  throughput (target >= 0.5; oms also writes the story and outbox files)\n", ca/pro
  printf "  %d shipments created, %d orders handled, %d outbox files, stock verify: %s\n", ships, processed, files, verify
}'

# --- 3. interactive commands on a large history ----------------------------------------
# The imported database becomes a history: ORDERS orders, nearly all shipped, one shipment
# each with its lines and ledger rows (bench/history.sql).
HIST=$OUT/history
NO_DB=1 workspace "$HIST"
sqlite3 "$IMP/oms.db" "VACUUM INTO '$HIST/oms.db'"
(cd "$HIST" && "$OMS" -q stock adjust --file "../stock.csv" --yes >/dev/null)
sqlite3 "$HIST/oms.db" < bench/history.sql >/dev/null
hist_orders=$(sqlite3 "$HIST/oms.db" "SELECT COUNT(*) FROM orders")
hist_ships=$(sqlite3 "$HIST/oms.db" "SELECT COUNT(*) FROM shipments")
hist_ledger=$(sqlite3 "$HIST/oms.db" "SELECT COUNT(*) FROM stock_ledger")
some_order=$(sqlite3 "$HIST/oms.db" "SELECT id FROM orders WHERE id = (SELECT MAX(id) / 2 FROM orders)")
some_name=$(sqlite3 "$HIST/oms.db" "SELECT name FROM orders WHERE id = $some_order")
some_ext=$(sqlite3 "$HIST/oms.db" "SELECT external_id FROM orders WHERE id = $some_order")

# median wall time in ms of RUNS runs; the exit code is not judged (status --check is 1)
median_ms() {
  local t=()
  for _ in $(seq "$RUNS"); do
    local a b
    a=$(date +%s%N)
    "$OMS" --config "$HIST/oms.toml" -q "$@" >/dev/null 2>&1 || true
    b=$(date +%s%N)
    t+=($(((b - a) / 1000000)))
  done
  printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
echo "interactive  $hist_orders orders, $hist_ships shipments, $hist_ledger ledger rows (median of $RUNS runs)"
for cmd in "status" "status --check" "orders list" "orders list --status shipped" \
    "orders list --status approved" "orders list --status cancelled" "orders show $some_order" \
    "orders show $some_name" "orders show --external $some_ext" "orders list --search ${some_ext:0:4}" \
    "shipments list" "shipments list --status sent_to_warehouse" "rejects" "runs list"; do
  # shellcheck disable=SC2086
  ms=$(median_ms $cmd)
  awk -v c="oms $cmd" -v ms="$ms" 'BEGIN {
    printf "  %-44s %6d ms  (target < 300 ms) %s\n", c, ms, ms < 300 ? "ok" : "OVER" }'
done
measure "$OUT/verify.time" "$OMS" --config "$HIST/oms.toml" -q stock verify >/dev/null \
  && hverify=clean || hverify=MISMATCH
echo "  oms stock verify                             $(secs "$OUT/verify.time") s  (reported; $hverify)"

# --- 4. backorder retry for one SKU ---------------------------------------------------
# PROCESS_ORDERS orders over SKUS SKUs and no stock: every one is backordered. One stock
# adjustment of one SKU must look only at the orders that wait for it.
RET=$OUT/retry
workspace "$RET"
(cd "$RET" && "$OMS" -q catalog import --file "../catalog.csv" >/dev/null \
  && "$OMS" -q orders import --channel web --file "../process-orders.csv" --format oms-csv >/dev/null \
  && "$OMS" -q --no-progress orders process >/dev/null)
waiting=$(sqlite3 "$RET/oms.db" "SELECT COUNT(*) FROM orders WHERE backordered = 1")
t=()
for i in $(seq "$RUNS"); do
  a=$(date +%s%N)
  "$OMS" --config "$RET/oms.toml" -q stock adjust --warehouse w1 --sku "SKU-$(printf %06d "$i")" \
    --by 1 --reason found --yes >/dev/null
  b=$(date +%s%N)
  t+=($(((b - a) / 1000000)))
done
ms=$(printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "retry  $waiting backordered orders over $SKUS SKUs"
awk -v ms="$ms" 'BEGIN { printf "  oms stock adjust (1 SKU, retries its backorders) %6d ms  (target < 100 ms) %s\n",
  ms, ms < 100 ? "ok" : "OVER" }'

# --- 5. the binary --------------------------------------------------------------------
size=$(stat -c %s "$OMS")
echo "binary  $RELEASE/oms"
awk -v b="$size" 'BEGIN { printf "  size                   %7.1f MB  (%.1f MiB; target <= 20 MB)\n", b/1e6, b/1048576 }'
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 10 --runs 200 --export-json "$OUT/version.json" "$OMS --version" >/dev/null 2>&1
  ver=$(awk -F: '/"median"/ {gsub(/[ ,]/, "", $2); printf "%.2f", $2 * 1000; exit}' "$OUT/version.json")
  how="hyperfine median of 200"
else
  a=$(date +%s%N); for _ in $(seq 200); do "$OMS" --version >/dev/null; done; b=$(date +%s%N)
  ver=$(awk -v ns="$((b - a))" 'BEGIN { printf "%.2f", ns / 200 / 1e6 }')
  how="mean of 200, with the shell loop"
fi
awk -v v="$ver" -v how="$how" 'BEGIN { printf "  oms --version          %7.2f ms  (target < 5 ms; %s)\n", v, how }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
