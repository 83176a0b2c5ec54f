//! `oms channels check` for Shopify: which kind of credentials, the shop, and the
//! token's access scopes, naming in plain words any scope a flow of oms needs and lacks.

use serde::Deserialize;
use serde_json::json;

use super::ShopifyChannel;
use crate::connectors::http::Retry;

const QUERY: &str = "query Check { shop { name myshopifyDomain plan { displayName } } \
currentAppInstallation { accessScopes { handle } } }";

/// The scopes oms uses, and what fails without each. Shopify's `write_` scopes imply
/// their `read_` scope.
pub(super) const NEEDED: [(&str, &str); 6] = [
    ("read_orders", "import orders"),
    (
        "write_merchant_managed_fulfillment_orders",
        "read fulfillment orders to report shipments",
    ),
    (
        "write_fulfillments",
        "create fulfillments (report shipments)",
    ),
    ("write_inventory", "push stock levels"),
    ("read_locations", "find the location stock is pushed to"),
    ("write_products", "push the catalog (`oms catalog sync`)"),
];

/// Needed only by a channel that imports returns; it covers `read_returns`.
const RETURNS: (&str, &str) = (
    "write_returns",
    "import returns and mark them processed (`import_returns`)",
);

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    shop: Shop,
    current_app_installation: Option<Installation>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Shop {
    name: Option<String>,
    myshopify_domain: Option<String>,
    plan: Option<Plan>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Plan {
    display_name: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct Installation {
    access_scopes: Vec<Scope>,
}

#[derive(Deserialize)]
struct Scope {
    handle: String,
}

pub(super) fn check(ch: &mut ShopifyChannel) -> anyhow::Result<String> {
    // A check wants a prompt answer, not a patient one.
    let retries = ch.gql.http.max_retries();
    ch.gql.http.set_max_retries(retries.min(1));
    let reply = ch.gql.run::<Data>("Check", QUERY, json!({}), Retry::Safe);
    ch.gql.http.set_max_retries(retries);
    let data = reply?;
    let scopes: Vec<String> = data
        .current_app_installation
        .map(|i| i.access_scopes.into_iter().map(|s| s.handle).collect())
        .unwrap_or_default();
    let s = data.shop;
    let summary = format!(
        "shop {} ({}), plan {}, API {}, auth {}, scopes {}",
        s.name.as_deref().unwrap_or("?"),
        s.myshopify_domain.as_deref().unwrap_or("?"),
        s.plan
            .and_then(|p| p.display_name)
            .as_deref()
            .unwrap_or("?"),
        ch.api_version,
        ch.gql.credentials.kind(),
        if scopes.is_empty() {
            "none".to_string()
        } else {
            // ", " so a narrow table wraps the list instead of cutting a scope off
            scopes.join(", ")
        }
    );
    let mut needed = NEEDED.to_vec();
    if ch.import_returns {
        needed.push(RETURNS);
    }
    let missing = missing_scopes(&scopes, &needed);
    if missing.is_empty() {
        return Ok(summary);
    }
    let list: Vec<String> = missing
        .iter()
        .map(|(scope, what)| format!("`{scope}` (needed to {what})"))
        .collect();
    anyhow::bail!(
        "{summary}; missing access scope{} {}: add {} to the app's version in the Dev Dashboard, release it and approve it in the shop",
        if missing.len() == 1 { "" } else { "s" },
        list.join(", "),
        if missing.len() == 1 { "it" } else { "them" },
    )
}

/// The needed scopes the token lacks; a `write_` scope covers its `read_`.
pub(super) fn missing_scopes(
    granted: &[String],
    needed: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let has = |scope: &str| {
        granted.iter().any(|g| g == scope)
            || scope
                .strip_prefix("read_")
                .is_some_and(|rest| granted.iter().any(|g| g == &format!("write_{rest}")))
    };
    needed.iter().copied().filter(|(s, _)| !has(s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_scopes_cover_read_scopes() {
        let granted: Vec<String> = [
            "write_orders",
            "write_merchant_managed_fulfillment_orders",
            "write_fulfillments",
            "write_inventory",
            "write_locations",
            "write_products",
        ]
        .map(String::from)
        .to_vec();
        assert!(missing_scopes(&granted, &NEEDED).is_empty());
        let missing = missing_scopes(&granted[..4], &NEEDED);
        let names: Vec<_> = missing.iter().map(|(s, _)| *s).collect();
        assert_eq!(names, ["read_locations", "write_products"]);
        let returns = missing_scopes(&granted, &[RETURNS]);
        assert_eq!(returns.first().map(|(s, _)| *s), Some("write_returns"));
    }
}
