//! The ledger's promise (SPEC §2): whatever sequence of stock events happens, every level
//! equals the sum of its ledger rows, allocated and incoming never go below zero, and
//! every real movement leaves exactly one ledger row.

use std::collections::HashMap;

use oms::model::{AdjustReason, StockReason};
use oms::store::Store;
use oms::store::stock::{self, Level, Movement, Reference};
use proptest::prelude::*;

const WAREHOUSES: &[&str] = &["east", "west", "north"];
const VARIANTS: usize = 3;

/// A stock event as the flows produce it; amounts are clamped against the current level
/// the way the flows clamp them (nothing releases more than it reserved).
#[derive(Debug, Clone)]
enum Event {
    Adjust(i64),
    SetOnHand(i64),
    Allocate(i64),
    Release(i64),
    /// Ship `shipped` units of a shipment that reserved `reserved`.
    Ship {
        reserved: i64,
        shipped: i64,
    },
    PoApprove(i64),
    Receipt(i64),
    /// Close a PO whose remaining `u` units will never come.
    Close(i64),
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        (-20i64..=20).prop_map(Event::Adjust),
        (-5i64..=40).prop_map(Event::SetOnHand),
        (0i64..=15).prop_map(Event::Allocate),
        (0i64..=15).prop_map(Event::Release),
        (0i64..=15, 0i64..=15).prop_map(|(reserved, shipped)| Event::Ship { reserved, shipped }),
        (0i64..=30).prop_map(Event::PoApprove),
        (0i64..=30).prop_map(Event::Receipt),
        (0i64..=30).prop_map(Event::Close),
    ]
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Store,
    variants: Vec<i64>,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("oms.db")).expect("store");
    store
        .conn
        .execute(
            "INSERT INTO products (handle, title, created_at, updated_at) VALUES ('p', 'P', 'x', 'x')",
            [],
        )
        .expect("product");
    let product = store.conn.last_insert_rowid();
    let variants = (0..VARIANTS)
        .map(|i| {
            store
                .conn
                .execute(
                    "INSERT INTO variants (product_id, sku, sku_key, created_at, updated_at)
                     VALUES (?1, ?2, ?2, 'x', 'x')",
                    rusqlite::params![product, format!("sku-{i}")],
                )
                .expect("variant");
            store.conn.last_insert_rowid()
        })
        .collect();
    Fixture {
        _dir: dir,
        store,
        variants,
    }
}

/// The (on_hand, allocated, incoming) deltas of an event at the given current level.
fn deltas(e: &Event, now: Level) -> (StockReason, i64, i64, i64) {
    match *e {
        Event::Adjust(a) => (StockReason::Adjustment(AdjustReason::Count), a, 0, 0),
        Event::SetOnHand(n) => (StockReason::StockSync, n - now.on_hand, 0, 0),
        Event::Allocate(q) => (StockReason::Allocation, 0, q, 0),
        Event::Release(q) => (StockReason::Release, 0, -q.min(now.allocated), 0),
        Event::Ship { reserved, shipped } => {
            let q = reserved.min(now.allocated);
            (StockReason::Shipped, -shipped.min(q), -q, 0)
        }
        Event::PoApprove(q) => (StockReason::PoApproved, 0, 0, q),
        Event::Receipt(r) => (StockReason::Receipt, r, 0, -r.min(now.incoming)),
        Event::Close(u) => (StockReason::PoClosed, 0, 0, -u.min(now.incoming)),
    }
}

fn ledger_rows(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT COUNT(*) FROM stock_ledger", [], |r| r.get(0))
        .expect("count")
}

fn all_levels(store: &Store) -> Vec<(String, i64, Level)> {
    let mut stmt = store
        .conn
        .prepare("SELECT warehouse, variant_id, on_hand, allocated, incoming FROM stock_levels ORDER BY 1, 2")
        .expect("prepare");
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            Level {
                on_hand: r.get(2)?,
                allocated: r.get(3)?,
                incoming: r.get(4)?,
            },
        ))
    })
    .expect("query")
    .collect::<rusqlite::Result<_>>()
    .expect("rows")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn levels_always_equal_the_ledger(
        events in prop::collection::vec((0..WAREHOUSES.len(), 0..VARIANTS, event()), 0..60)
    ) {
        let mut f = fixture();
        let mut model: HashMap<(usize, usize), Level> = HashMap::new();
        let mut movements = 0i64;
        for (w, v, e) in &events {
            let (warehouse, variant_id) = (WAREHOUSES[*w], f.variants[*v]);
            let tx = f.store.tx().expect("tx");
            let now = stock::level(&tx, warehouse, variant_id).expect("level");
            let (reason, d_on_hand, d_allocated, d_incoming) = deltas(e, now);
            let after = if let Event::SetOnHand(n) = e {
                let (level, delta) = stock::set_on_hand(
                    &tx, warehouse, variant_id, *n, reason, Reference::default(),
                ).expect("set on hand");
                prop_assert_eq!(delta, d_on_hand);
                level
            } else {
                let m = Movement {
                    warehouse,
                    variant_id,
                    on_hand: d_on_hand,
                    allocated: d_allocated,
                    incoming: d_incoming,
                    reason,
                    reference: Reference { kind: Some("test"), ..Reference::default() },
                };
                stock::apply(&tx, &m).expect("apply");
                stock::level(&tx, warehouse, variant_id).expect("level after")
            };
            tx.commit().expect("commit");
            if (d_on_hand, d_allocated, d_incoming) != (0, 0, 0) {
                movements += 1;
            }
            let expected = model.entry((*w, *v)).or_default();
            expected.on_hand += d_on_hand;
            expected.allocated += d_allocated;
            expected.incoming += d_incoming;
            prop_assert_eq!(after, *expected, "after {:?}", e);
        }

        prop_assert_eq!(stock::verify(&f.store.conn).expect("verify"), vec![]);
        for (warehouse, variant, level) in all_levels(&f.store) {
            prop_assert!(level.allocated >= 0, "{} {}: {:?}", warehouse, variant, level);
            prop_assert!(level.incoming >= 0, "{} {}: {:?}", warehouse, variant, level);
        }
        prop_assert_eq!(ledger_rows(&f.store), movements);
    }
}

#[test]
fn releasing_more_than_allocated_fails_and_changes_nothing() {
    let mut f = fixture();
    let variant_id = f.variants[0];
    let movement = |on_hand, allocated| Movement {
        warehouse: "east",
        variant_id,
        on_hand,
        allocated,
        incoming: 0,
        reason: StockReason::Allocation,
        reference: Reference::default(),
    };
    {
        let tx = f.store.tx().expect("tx");
        stock::apply(&tx, &movement(10, 3)).expect("allocate");
        tx.commit().expect("commit");
    }
    let before = (all_levels(&f.store), ledger_rows(&f.store));

    let tx = f.store.tx().expect("tx");
    // A movement earlier in the same transaction must be undone too.
    stock::apply(&tx, &movement(-2, 0)).expect("adjust");
    let err = stock::apply(&tx, &movement(0, -4)).expect_err("allocated would be -1");
    assert!(
        matches!(
            err,
            rusqlite::Error::SqliteFailure(ref e, _) if e.code == rusqlite::ErrorCode::ConstraintViolation
        ),
        "{err}"
    );
    drop(tx);

    assert_eq!((all_levels(&f.store), ledger_rows(&f.store)), before);
    assert_eq!(
        stock::level(&f.store.conn, "east", variant_id).expect("level"),
        Level {
            on_hand: 10,
            allocated: 3,
            incoming: 0
        }
    );
    assert!(stock::verify(&f.store.conn).expect("verify").is_empty());
}

/// Regression: `apply` once used `INSERT … ON CONFLICT DO UPDATE`, and SQLite checks the
/// CHECK constraint on the proposed row before the conflict, so every release of an
/// existing allocation failed.
#[test]
fn releasing_part_of_an_existing_allocation_works() {
    let mut f = fixture();
    let variant_id = f.variants[1];
    let tx = f.store.tx().expect("tx");
    for (allocated, incoming) in [(5, 4), (-2, -4)] {
        let m = Movement {
            warehouse: "west",
            variant_id,
            on_hand: 0,
            allocated,
            incoming,
            reason: StockReason::Release,
            reference: Reference::default(),
        };
        stock::apply(&tx, &m).expect("apply");
    }
    tx.commit().expect("commit");
    assert_eq!(
        stock::level(&f.store.conn, "west", variant_id).expect("level"),
        Level {
            on_hand: 0,
            allocated: 3,
            incoming: 0
        }
    );
    assert_eq!(ledger_rows(&f.store), 2);
}
