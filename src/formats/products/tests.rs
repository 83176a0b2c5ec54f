use super::*;
use crate::model::catalog::{CatalogEntry, Product, ProductStatus, Variant};

fn read(format: ProductFormat, text: &str) -> Vec<FileRow> {
    let mut reader = ProductReader::new(
        "p.csv",
        Box::new(std::io::Cursor::new(text.as_bytes().to_vec())),
        format,
    )
    .expect("open");
    std::iter::from_fn(|| reader.next_row())
        .map(|r| r.expect("readable"))
        .collect()
}

fn entry(row: &FileRow) -> (&ProductPatch, &VariantPatch, &[String]) {
    match &row.kind {
        RowKind::Entry(e) => (&e.product, &e.variant, &e.warnings),
        other => panic!("line {}: expected an entry, got {other:?}", row.line),
    }
}

fn problems(row: &FileRow) -> &[String] {
    match &row.kind {
        RowKind::Rejected(p) => p,
        other => panic!("line {}: expected a rejection, got {other:?}", row.line),
    }
}

const SHOPIFY_HEADER: &str = "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,\
Option2 Name,Option2 Value,Variant SKU,Variant Grams,Variant Price,Variant Barcode,Image Src,Status";

#[test]
fn shopify_rows_inherit_their_product_and_skip_images() {
    let text = format!(
        "{SHOPIFY_HEADER}\n\
         shirt,Shirt,\"<p>Soft,\nwarm</p>\",Acme,Tops,\"a, b\",Color,Green,Size,S,SH-GS,145,25,3.65275E+11,img1.jpg,active\n\
         shirt,,,,,,,Green,,M,SH-GM,226.796185,25.50,0012345,img2.jpg,\n\
         shirt,,,,,,,,,,,,,,img3.jpg\n\
         hat,Hat,,,,,Title,Default Title,,,HAT-1,72,17.99\n"
    );
    let rows = read(ProductFormat::ShopifyCsv, &text);
    assert_eq!(rows.len(), 4);
    let (p, v, w) = entry(&rows[0]);
    assert_eq!(rows[0].line, 2);
    assert_eq!(p.title.as_deref(), Some("Shirt"));
    assert_eq!(p.description, Some(Some("<p>Soft,\nwarm</p>".into())));
    assert_eq!(p.status, Some(ProductStatus::Active));
    assert_eq!(v.barcode, Some(Some("3.65275E+11".into())));
    assert_eq!(v.title, Some(None), "Shopify titles come from the options");
    assert!(w.is_empty());

    let (p2, v2, _) = entry(&rows[1]);
    assert_eq!(
        rows[1].line, 4,
        "the quoted newline moves the line count on"
    );
    assert_eq!(p2, p, "later rows inherit the first row's product");
    assert_eq!(v2.weight_grams, Some(Some(227)), "decimal grams round");
    assert_eq!(v2.price_cents, Some(Some(2550)));
    assert_eq!(v2.barcode, Some(Some("0012345".into())));

    assert!(matches!(rows[2].kind, RowKind::Image));

    let (_, hat, _) = entry(&rows[3]);
    assert_eq!(hat.options[0], Some(None), "Default Title means no option");
}

#[test]
fn shopify_variant_without_sku_is_rejected_with_its_line() {
    let text =
        format!("{SHOPIFY_HEADER}\nshirt,Shirt,,,,,Size,S,,,,,25\nshirt,,,,,,,M,,,SH-M,,25\n");
    let rows = read(ProductFormat::ShopifyCsv, &text);
    assert_eq!(
        problems(&rows[0]),
        ["p.csv:2: Variant SKU: is empty; the SKU is the variant's key"]
    );
    entry(&rows[1]);
}

#[test]
fn a_bad_first_row_rejects_its_product_everywhere() {
    let text = format!(
        "{SHOPIFY_HEADER}\nshirt,Shirt,,,,,Size,S,,,SH-S,,25,,,published\n\
         shirt,,,,,,,M,,,SH-M,,25,,,\n"
    );
    let rows = read(ProductFormat::ShopifyCsv, &text);
    assert_eq!(
        problems(&rows[0]),
        ["p.csv:2: Status: `published` is not one of active, draft, archived"]
    );
    assert!(
        problems(&rows[1])[0]
            .starts_with("p.csv:3: Handle: the product's first row is invalid (p.csv:2: Status:")
    );
}

#[test]
fn later_rows_saying_something_else_are_warned_about() {
    let text = "handle,title,vendor,sku\ntee,Tee,Acme,T1\ntee,Tee,Other,T2\ntee,,,T3\n";
    let rows = read(ProductFormat::OmsCsv, text);
    let (p, _, w) = entry(&rows[1]);
    assert_eq!(p.vendor, Some(Some("Acme".into())));
    assert_eq!(
        w,
        ["p.csv:3: vendor: `Other` differs from the product's first row (line 2); ignored"]
    );
    assert!(entry(&rows[2]).2.is_empty(), "empty cells inherit quietly");
}

#[test]
fn oms_csv_names_line_and_field_and_keeps_going() {
    let text = "handle,title,sku,price,weight_grams\n\
                tee,Tee,T1,abc,100\n\
                tee,Tee,T2,10,heavy\n\
                tee,Tee,T3,-1,-5\n\
                tee,Tee,T4,10,100\n";
    let rows = read(ProductFormat::OmsCsv, text);
    assert_eq!(
        problems(&rows[0]),
        ["p.csv:2: price: `abc` is not an amount"]
    );
    assert_eq!(
        problems(&rows[1]),
        ["p.csv:3: weight_grams: `heavy` is not a weight in grams"]
    );
    assert_eq!(
        problems(&rows[2]),
        [
            "p.csv:4: price: `-1` is negative",
            "p.csv:4: weight_grams: `-5` is negative"
        ]
    );
    let (_, v, _) = entry(&rows[3]);
    assert_eq!(
        (v.price_cents, v.weight_grams),
        (Some(Some(1000)), Some(Some(100)))
    );
}

#[test]
fn absent_columns_change_nothing_empty_cells_clear() {
    let rows = read(ProductFormat::OmsCsv, "handle,sku,barcode\ntee,T1,\n");
    let (p, v, _) = entry(&rows[0]);
    assert_eq!(p, &ProductPatch::default());
    assert_eq!(v.barcode, Some(None));
    assert_eq!(
        (v.price_cents, &v.title, &v.options[0]),
        (None, &None, &None)
    );
}

#[test]
fn duplicate_skus_keep_the_first_row() {
    let rows = read(
        ProductFormat::OmsCsv,
        "handle,title,sku\na,A,X-1\nb,B, x-1 \n",
    );
    entry(&rows[0]);
    match &rows[1].kind {
        RowKind::Duplicate {
            first_line,
            message,
        } => {
            assert_eq!(*first_line, 2);
            assert_eq!(
                message,
                "p.csv:3: sku: duplicate SKU `x-1` (first on line 2); this row is skipped"
            );
        }
        other => panic!("expected a duplicate, got {other:?}"),
    }
}

#[test]
fn missing_key_columns_stop_the_file() {
    let err = ProductReader::new(
        "p.csv",
        Box::new(std::io::Cursor::new(b"{\"not\": \"csv\"}\n".to_vec())),
        ProductFormat::OmsCsv,
    )
    .err()
    .expect("refused");
    assert_eq!(err.to_string(), "p.csv:1: missing column(s): handle, sku");
}

fn sample() -> Vec<CatalogEntry> {
    let shirt = Product {
        handle: "shirt".into(),
        title: "Shirt, soft".into(),
        description: Some("<p>a\nb</p>".into()),
        vendor: Some("Acme".into()),
        status: ProductStatus::Draft,
        ..Product::default()
    };
    let variant = |sku: &str, color: &str| Variant {
        sku: sku.into(),
        title: Some(color.into()),
        options: [Some(color.into()), None, None],
        barcode: Some("0012345".into()),
        price_cents: Some(2500),
        weight_grams: Some(145),
    };
    vec![
        CatalogEntry {
            product: shirt.clone(),
            variant: variant("SH-G", "Green"),
        },
        CatalogEntry {
            product: shirt,
            variant: variant("SH-B", "Blue"),
        },
        CatalogEntry {
            product: Product {
                handle: "hat".into(),
                title: "Hat".into(),
                ..Product::default()
            },
            variant: Variant {
                sku: "HAT".into(),
                ..Variant::default()
            },
        },
    ]
}

/// What reading `text` back would do to a store holding exactly `entries`.
fn applied(format: ProductFormat, text: &str) -> Vec<CatalogEntry> {
    read(format, text)
        .iter()
        .map(|row| {
            let (pp, vp, _) = entry(row);
            let mut product = Product {
                handle: row.handle.clone().expect("handle"),
                ..Product::default()
            };
            pp.apply(&mut product);
            let mut variant = Variant {
                sku: row.sku.clone().expect("sku"),
                ..Variant::default()
            };
            vp.apply(&mut variant);
            CatalogEntry { product, variant }
        })
        .collect()
}

#[test]
fn shopify_export_puts_product_columns_on_first_rows_and_reads_back() {
    let mut out = Vec::new();
    write_shopify_csv(&mut out, &sample()).expect("write");
    let text = String::from_utf8(out).expect("utf8");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
    let headers = r.headers().expect("header").clone();
    let col = |row: &csv::StringRecord, name: &str| {
        row[headers.iter().position(|h| h == name).expect(name)].to_string()
    };
    assert_eq!(col(&rows[0], "Title"), "Shirt, soft");
    assert_eq!(col(&rows[0], "Option1 Name"), "Option1");
    assert_eq!(
        col(&rows[1], "Title"),
        "",
        "product columns on the first row only"
    );
    assert_eq!(col(&rows[1], "Status"), "");
    assert_eq!(col(&rows[2], "Option1 Value"), "Default Title");

    assert_eq!(applied(ProductFormat::ShopifyCsv, &text), sample());
}

#[test]
fn oms_export_reads_back_except_the_description() {
    let mut out = Vec::new();
    write_oms_csv(&mut out, &sample()).expect("write");
    let text = String::from_utf8(out).expect("utf8");
    let mut expected = sample();
    for e in &mut expected {
        e.product.description = None;
    }
    assert_eq!(applied(ProductFormat::OmsCsv, &text), expected);
}
