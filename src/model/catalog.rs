//! Products and variants as oms keeps them (SPEC §4.4), and the patches that change them.
//!
//! Every way of changing the catalog — `catalog add`, `catalog edit`, a file import —
//! expresses its change as a patch: `None` leaves a field alone, `Some(None)` clears it.
//! That is how an import of a file without a `barcode` column keeps the barcodes it
//! does not mention, while an empty cell in a present column clears one.

use std::fmt;

/// A product's publication state, with Shopify's three values.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum ProductStatus {
    #[default]
    Active,
    Draft,
    Archived,
}

impl ProductStatus {
    pub const ALL: [ProductStatus; 3] = [
        ProductStatus::Active,
        ProductStatus::Draft,
        ProductStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProductStatus::Active => "active",
            ProductStatus::Draft => "draft",
            ProductStatus::Archived => "archived",
        }
    }

    /// Case-insensitive, so a spreadsheet's `Active` is accepted.
    pub fn parse(s: &str) -> Result<ProductStatus, String> {
        Self::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("`{s}` is not one of active, draft, archived"))
    }
}

impl fmt::Display for ProductStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Product {
    /// The product's unique key, as in Shopify (`example-shirt`).
    pub handle: String,
    pub title: String,
    pub vendor: Option<String>,
    pub product_type: Option<String>,
    pub tags: Option<String>,
    pub description: Option<String>,
    pub status: ProductStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Variant {
    /// Spelled as first seen; compared through [`super::sku_key`].
    pub sku: String,
    pub title: Option<String>,
    pub options: [Option<String>; 3],
    /// Text, never a number: leading zeros and `3.65275E+11` are kept as written.
    pub barcode: Option<String>,
    pub price_cents: Option<i64>,
    pub weight_grams: Option<i64>,
}

/// One variant with its product: the unit of listing, export and import. Serialisable
/// so that a recorded catalog push (an outbound batch) can be resent byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct CatalogEntry {
    pub product: Product,
    pub variant: Variant,
}

/// A variant with its product as a channel lists it (catalog sync from the master).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductIn {
    pub entry: CatalogEntry,
    /// Where it was read (`file:line`, a page URL), for messages.
    pub source: String,
    /// Problems found while reading; an entry with problems is skipped and reported.
    pub problems: Vec<String>,
}

/// A change to a product. `title` and `status` cannot be cleared, so they are single options.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductPatch {
    pub title: Option<String>,
    pub vendor: Option<Option<String>>,
    pub product_type: Option<Option<String>>,
    pub tags: Option<Option<String>>,
    pub description: Option<Option<String>>,
    pub status: Option<ProductStatus>,
}

impl ProductPatch {
    pub fn apply(&self, p: &mut Product) {
        if let Some(t) = &self.title {
            p.title = t.clone();
        }
        set(&mut p.vendor, &self.vendor);
        set(&mut p.product_type, &self.product_type);
        set(&mut p.tags, &self.tags);
        set(&mut p.description, &self.description);
        if let Some(s) = self.status {
            p.status = s;
        }
    }
}

/// A change to a variant. The SKU is not part of it: it is the key, and its spelling
/// never changes once seen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VariantPatch {
    /// `Some(None)` asks for the title made from the option values.
    pub title: Option<Option<String>>,
    pub options: [Option<Option<String>>; 3],
    pub barcode: Option<Option<String>>,
    pub price_cents: Option<Option<i64>>,
    pub weight_grams: Option<Option<i64>>,
}

impl VariantPatch {
    /// Applies the patch. A variant's title defaults to its option values joined with
    /// " / " (Shopify's own convention); when the options change and the title was that
    /// default, it follows them, while a title someone typed is kept.
    pub fn apply(&self, v: &mut Variant) {
        let was_derived = v.title == options_title(&v.options);
        for (slot, patch) in v.options.iter_mut().zip(&self.options) {
            set(slot, patch);
        }
        match &self.title {
            Some(t) => v.title = t.clone().or_else(|| options_title(&v.options)),
            None if was_derived => v.title = options_title(&v.options),
            None => {}
        }
        set(&mut v.barcode, &self.barcode);
        set(&mut v.price_cents, &self.price_cents);
        set(&mut v.weight_grams, &self.weight_grams);
    }
}

fn set<T: Clone>(field: &mut Option<T>, patch: &Option<Option<T>>) {
    if let Some(value) = patch {
        field.clone_from(value);
    }
}

/// Shopify's name for the only option of a product without options.
pub const DEFAULT_OPTION: &str = "Default Title";

/// The variant title made from option values: "Green / M". Shopify's "Default Title"
/// placeholder is not a real option value and is left out.
pub fn options_title(options: &[Option<String>; 3]) -> Option<String> {
    let parts: Vec<&str> = options
        .iter()
        .flatten()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty() && *o != DEFAULT_OPTION)
        .collect();
    (!parts.is_empty()).then(|| parts.join(" / "))
}

/// A handle made from a title or SKU the way Shopify makes them: lower case, and every
/// run of characters other than letters and digits becomes one `-`.
pub fn handle_from(text: &str) -> String {
    let mut handle = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            handle.push(c);
        } else if !handle.is_empty() && !handle.ends_with('-') {
            handle.push('-');
        }
    }
    while handle.ends_with('-') {
        handle.pop();
    }
    handle
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(a: &str, b: &str) -> [Option<String>; 3] {
        let o = |s: &str| (!s.is_empty()).then(|| s.to_string());
        [o(a), o(b), None]
    }

    #[test]
    fn handles_are_lowercase_with_dashes() {
        assert_eq!(handle_from("Example T-Shirt"), "example-t-shirt");
        assert_eq!(handle_from("  Tee / Red  "), "tee-red");
        assert_eq!(handle_from("TEE-1"), "tee-1");
        assert_eq!(handle_from("Café Crème"), "café-crème");
        assert_eq!(handle_from("!!!"), "");
    }

    #[test]
    fn titles_come_from_options_without_the_placeholder() {
        assert_eq!(
            options_title(&opts("Green", "M")).as_deref(),
            Some("Green / M")
        );
        assert_eq!(options_title(&opts("Default Title", "")), None);
        assert_eq!(options_title(&opts("", "")), None);
    }

    #[test]
    fn derived_titles_follow_options_typed_ones_stay() {
        let mut v = Variant::default();
        let mut patch = VariantPatch {
            options: [Some(Some("Green".into())), Some(Some("M".into())), None],
            ..Default::default()
        };
        patch.apply(&mut v);
        assert_eq!(v.title.as_deref(), Some("Green / M"));

        patch.options[1] = Some(Some("L".into()));
        patch.apply(&mut v);
        assert_eq!(
            v.title.as_deref(),
            Some("Green / L"),
            "a derived title follows"
        );

        VariantPatch {
            title: Some(Some("The green one".into())),
            ..Default::default()
        }
        .apply(&mut v);
        patch.options[1] = Some(Some("S".into()));
        patch.apply(&mut v);
        assert_eq!(
            v.title.as_deref(),
            Some("The green one"),
            "a typed title stays"
        );
        assert_eq!(v.options[1].as_deref(), Some("S"));
    }

    #[test]
    fn patches_keep_clear_or_set() {
        let mut p = Product {
            title: "Tee".into(),
            vendor: Some("Acme".into()),
            tags: Some("a".into()),
            ..Default::default()
        };
        ProductPatch {
            vendor: Some(None),
            status: Some(ProductStatus::Draft),
            ..Default::default()
        }
        .apply(&mut p);
        assert_eq!(
            (p.title.as_str(), p.vendor, p.tags.as_deref(), p.status),
            ("Tee", None, Some("a"), ProductStatus::Draft)
        );
    }

    #[test]
    fn statuses_parse_case_insensitively() {
        assert_eq!(ProductStatus::parse(" Draft"), Ok(ProductStatus::Draft));
        assert!(ProductStatus::parse("published").is_err());
    }
}
