use super::*;
use crate::store::Store;

const HAND: Stamp = Stamp {
    source: "oms",
    manual: true,
};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(&dir.path().join("t.db")).expect("open");
    (dir, store)
}

fn titled(t: &str) -> ProductPatch {
    ProductPatch {
        title: Some(t.into()),
        ..Default::default()
    }
}

fn priced(cents: i64) -> VariantPatch {
    VariantPatch {
        price_cents: Some(Some(cents)),
        ..Default::default()
    }
}

#[test]
fn save_creates_updates_and_notices_no_change() {
    let (_d, store) = store();
    let c = &store.conn;
    let save1 = |sku, cents| save(c, "tee", &titled("Tee"), sku, &priced(cents), HAND);
    assert_eq!(save1(" Tee-1 ", 1000).unwrap(), Saved::Created);
    assert_eq!(save1("TEE-1", 1000).unwrap(), Saved::Unchanged);
    assert_eq!(save1("tee-1", 1200).unwrap(), Saved::Updated);
    let rec = record(c, "TEE-1").unwrap().expect("record");
    assert_eq!(
        rec.entry.variant.sku, "Tee-1",
        "first spelling kept, trimmed"
    );
    assert_eq!(rec.entry.variant.price_cents, Some(1200));
    assert!(rec.manual_edit_at.is_some());
}

#[test]
fn new_product_needs_a_title_and_variants_can_move() {
    let (_d, store) = store();
    let c = &store.conn;
    let err = save(c, "x", &ProductPatch::default(), "A", &priced(1), HAND).unwrap_err();
    assert!(matches!(err, SaveError::NoTitle(h) if h == "x"));
    save(c, "x", &titled("X"), "A", &priced(1), HAND).unwrap();
    let moved = save(c, "y", &titled("Y"), "a", &priced(1), HAND).unwrap();
    assert_eq!(moved, Saved::Updated);
    assert_eq!(record(c, "A").unwrap().unwrap().entry.product.handle, "y");
}

#[test]
fn search_escapes_like_wildcards() {
    let (_d, store) = store();
    let c = &store.conn;
    save(c, "a", &titled("Mug 100%"), "MUG_1", &priced(1), HAND).unwrap();
    save(c, "b", &titled("Plate"), "PLATE1", &priced(1), HAND).unwrap();
    let skus = |q| -> Vec<String> {
        records(c, Some(q))
            .unwrap()
            .into_iter()
            .map(|r| r.entry.variant.sku)
            .collect()
    };
    assert_eq!(skus("g_"), ["MUG_1"]);
    assert_eq!(skus("100%"), ["MUG_1"]);
    assert_eq!(skus("plate"), ["PLATE1"]);
    assert_eq!(records(c, None).unwrap().len(), 2);
}

const MASTER: Stamp = Stamp {
    source: "web",
    manual: false,
};

fn manual_stamps(c: &Connection, sku: &str) -> (Option<String>, Option<String>) {
    c.query_row(
        "SELECT p.manual_edit_at, v.manual_edit_at
         FROM variants v JOIN products p ON p.id = v.product_id WHERE v.sku_key = ?1",
        [sku_key(sku)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .expect("stamps")
}

#[test]
fn master_writes_say_which_manual_edits_they_replace_and_clear_them() {
    let (_d, store) = store();
    let c = &store.conn;
    save(c, "tee", &titled("Tee"), "T-1", &priced(1000), MASTER).unwrap();
    assert_eq!(manual_stamps(c, "T-1"), (None, None));
    assert_eq!(record(c, "T-1").unwrap().unwrap().source, "web");

    // A person changes the price only: the variant row carries the stamp.
    save(
        c,
        "tee",
        &ProductPatch::default(),
        "T-1",
        &priced(900),
        HAND,
    )
    .unwrap();
    let (product_stamp, variant_stamp) = manual_stamps(c, "T-1");
    assert!(product_stamp.is_none() && variant_stamp.is_some());

    // The master agreeing with the product but not the variant replaces that edit.
    let again = save_traced(c, "tee", &titled("Tee"), "T-1", &priced(1000), MASTER).unwrap();
    assert_eq!(again.saved, Saved::Updated);
    assert_eq!(again.replaced_manual_edit, variant_stamp);
    assert_eq!(manual_stamps(c, "T-1"), (None, None), "the edit is gone");

    // A manual title, then a master write that changes only the variant: the title's
    // edit is untouched and not reported.
    save(
        c,
        "tee",
        &titled("Our Tee"),
        "T-1",
        &VariantPatch::default(),
        HAND,
    )
    .unwrap();
    let stamped = manual_stamps(c, "T-1").0;
    assert!(stamped.is_some());
    let other = save_traced(
        c,
        "tee",
        &ProductPatch::default(),
        "T-1",
        &priced(1100),
        MASTER,
    )
    .unwrap();
    assert_eq!(
        (other.saved, other.replaced_manual_edit),
        (Saved::Updated, None)
    );
    assert_eq!(manual_stamps(c, "T-1").0, stamped);

    let same = save_traced(c, "tee", &titled("Our Tee"), "T-1", &priced(1100), MASTER).unwrap();
    assert_eq!(
        (same.saved, same.replaced_manual_edit),
        (Saved::Unchanged, None)
    );
}
