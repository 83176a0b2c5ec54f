#!/usr/bin/env bash
# Benchmark of `oms stock push` and `oms stock sync` at catalog scale: 100,000 SKUs stocked
# in 5 physical warehouses, pushed through one virtual warehouse over all of them, and a
# 100,000-line snapshot synced into one warehouse. Prints wall time and peak memory.
#
# Targets (release build): `stock push --full` under 2 s, `stock sync` of the snapshot
# under 3 s.
#
# Usage: bench/stock.sh            (SKUS=20000 bench/stock.sh for a smaller run,
#                                   KEEP=1 to keep the workspace for a look afterwards)
# Needs: cargo, sqlite3 (the CLI), GNU time at /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."

SKUS=${SKUS:-100000}
WAREHOUSES=5
for tool in cargo sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench/stock.sh needs $tool" >&2; exit 1; }
done

echo "== cargo build --release" >&2
cargo build --release --locked --quiet
RELEASE=${CARGO_TARGET_DIR:-$PWD/target}/release   # where cargo put the build
OMS="$RELEASE/oms"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/oms-bench-stock.XXXXXX")
if [[ -n "${KEEP:-}" ]]; then
  echo "workspace kept in $WORK" >&2
else
  trap 'rm -rf "$WORK"' EXIT
fi
cd "$WORK"

# --- workspace: 5 warehouses, each with its own files 3PL, one virtual over all of them,
# --- and a files shop that sells from the virtual one.
{
  echo 'database = "oms.db"'
  for w in $(seq 1 $WAREHOUSES); do
    printf '\n[fulfillment_channels.3pl-%s]\nkind = "files"\npath = "channels/3pl-%s"\n' "$w" "$w"
    printf '\n[warehouses.wh%s]\nfulfillment_channel = "3pl-%s"\nlocation_id = "LOC-%s"\npriority = %s\n' \
      "$w" "$w" "$w" "$w"
  done
  members=$(seq -f '"wh%g"' -s ', ' 1 $WAREHOUSES)
  printf '\n[virtual_warehouses.all]\nmembers = [%s]\n' "$members"
  printf '\n[sales_channels.shop]\nkind = "files"\npath = "channels/shop"\nstock_source = "all"\nbuffer = 1\n'
} > oms.toml

"$OMS" -q stock verify 2>/dev/null   # creates and migrates the database

echo "== loading $SKUS SKUs and $WAREHOUSES warehouses of stock with sqlite3" >&2
# Levels and their ledger rows are written together, so that levels equal the ledger's
# sums exactly as if every unit had arrived through `stock adjust`; `stock verify` checks it.
sqlite3 oms.db <<SQL
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SKUS)
INSERT INTO products (id, handle, title, created_at, updated_at)
SELECT i, 'product-' || i, 'Product ' || i, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
INSERT INTO variants (id, product_id, sku, sku_key, created_at, updated_at)
SELECT id, id, printf('SKU-%07d', id), printf('sku-%07d', id), created_at, created_at FROM products;
WITH RECURSIVE w(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM w WHERE n < $WAREHOUSES)
INSERT INTO stock_levels (warehouse, variant_id, on_hand, allocated, incoming, updated_at)
SELECT 'wh' || w.n, v.id, (v.id * 7 + w.n * 13) % 50 + 3, (v.id + w.n) % 3, 0, '2026-01-01T00:00:00Z'
FROM variants v CROSS JOIN w;
INSERT INTO stock_ledger (at, warehouse, variant_id, d_on_hand, d_allocated, d_incoming, reason, ref_kind)
SELECT updated_at, warehouse, variant_id, on_hand, allocated, incoming, 'adjust:count', 'adjustment'
FROM stock_levels;
COMMIT;
SQL
"$OMS" stock verify 2>&1 | sed 's/^/  /' >&2

# Runs one oms command under GNU time; prints "seconds max_rss_mb" and keeps stdout in $1.out.
timed() {
  local name=$1
  shift
  /usr/bin/time -v -o "$name.time" "$OMS" "$@" > "$name.out" 2> "$name.err" || {
    local rc=$?
    # 3 (some lines rejected) is a result, not a failure of the benchmark.
    if [[ $rc -ne 3 ]]; then
      echo "oms $* failed ($rc):" >&2
      cat "$name.err" >&2
      exit 1
    fi
  }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$name.time")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$name.time")
  # m:ss.ss or h:mm:ss → seconds
  awk -v t="$wall" -v r="$rss" 'BEGIN {
    n = split(t, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i];
    printf "%.2f %.0f\n", s, r / 1024 }'
}

run_counts() {
  sqlite3 oms.db "SELECT counts FROM runs WHERE flow = '$1' ORDER BY id DESC LIMIT 1"
}

results=()
record() { # label, "seconds rss", target seconds, detail
  local secs rss
  read -r secs rss <<< "$2"
  results+=("$(printf '%-44s %7ss %7s MB   %-8s %s' "$1" "$secs" "$rss" "$3" "$4")")
}

echo "== stock push --full" >&2
t=$(timed push-full -q stock push --full)
lines=$(($(cat channels/shop/outbox/stock-*.csv | wc -l) - 1))
record "stock push --full ($SKUS SKUs × $WAREHOUSES warehouses)" "$t" "< 2 s" \
  "$lines lines written; $(run_counts 'stock push')"

echo "== stock push (nothing changed)" >&2
t=$(timed push-none -q stock push)
record "stock push, nothing changed" "$t" "" "$(run_counts 'stock push')"

# The snapshot changes on hand of every SKU in wh1 (the worst case: 100,000 ledger rows).
echo "== stock sync of a $SKUS-line snapshot" >&2
mkdir -p channels/3pl-1/inbox
sqlite3 -csv -header oms.db \
  "SELECT 'LOC-1' AS location, sku, (id * 7 + 13) % 50 + 4 + id % 5 AS on_hand FROM variants ORDER BY id" \
  > channels/3pl-1/inbox/stock-20261126T000000Z.csv
t=$(timed sync-all -q stock sync --channel 3pl-1)
record "stock sync, $SKUS lines, every SKU changed" "$t" "< 3 s" "$(run_counts 'stock sync')"

cp channels/3pl-1/inbox/done/stock-20261126T000000Z.csv channels/3pl-1/inbox/stock-20261126T010000Z.csv
t=$(timed sync-none -q stock sync --channel 3pl-1)
record "stock sync, same snapshot again (no change)" "$t" "" "$(run_counts 'stock sync')"

echo "== stock push after the sync (wh1 moved every SKU)" >&2
t=$(timed push-changed -q stock push)
record "stock push, changes only" "$t" "" "$(run_counts 'stock push')"

"$OMS" stock verify 2>&1 | sed 's/^/  /' >&2

echo
echo "oms $("$OMS" --version | cut -d' ' -f2), $(nproc) cores, $(uname -sm)"
printf '%-44s %8s %10s   %-8s %s\n' "command" "wall" "max RSS" "target" "result"
printf '%s\n' "${results[@]}"
