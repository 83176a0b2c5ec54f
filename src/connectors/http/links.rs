//! URLs as the APIs page and query them: Shopify's `Link` header cursor, encoded query
//! strings, and the host-less form an endpoint is shown in.

use reqwest::header::HeaderMap;

/// Path and query of a URL: the part of an endpoint worth showing.
pub(super) fn shown_endpoint(url: &reqwest::Url) -> String {
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// The `rel="next"` URL of a `Link` header (Shopify's cursor pagination).
pub fn next_link(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all("link")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|part| {
            let (target, params) = part.split_once(';')?;
            let is_next = params.split(';').any(|p| {
                let p = p.trim().to_ascii_lowercase();
                p == "rel=\"next\"" || p == "rel=next"
            });
            let target = target.trim().strip_prefix('<')?.strip_suffix('>')?;
            is_next.then(|| target.to_string())
        })
}

/// Appends URL-encoded query parameters to a path.
pub fn with_query(path: &str, params: &[(&str, &str)]) -> String {
    let mut query = reqwest::Url::parse("http://x/").expect("static URL parses");
    {
        let mut pairs = query.query_pairs_mut();
        for (k, v) in params {
            pairs.append_pair(k, v);
        }
    }
    match query.query() {
        Some(q) if !q.is_empty() => {
            let sep = if path.contains('?') { '&' } else { '?' };
            format!("{path}{sep}{q}")
        }
        _ => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    #[test]
    fn next_link_picks_rel_next() {
        let mut h = HeaderMap::new();
        h.insert(
            "link",
            HeaderValue::from_static(
                "<https://s.example/admin/api/2025-10/orders.json?limit=250&page_info=abc>; rel=\"previous\", \
                 <https://s.example/admin/api/2025-10/orders.json?limit=250&page_info=def>; rel=\"next\"",
            ),
        );
        assert_eq!(
            next_link(&h).as_deref(),
            Some("https://s.example/admin/api/2025-10/orders.json?limit=250&page_info=def")
        );
        h.insert(
            "link",
            HeaderValue::from_static("<https://s.example/x>; rel=\"previous\""),
        );
        assert_eq!(next_link(&h), None);
    }

    #[test]
    fn query_parameters_are_encoded() {
        assert_eq!(
            with_query(
                "orders.json",
                &[
                    ("status", "any"),
                    ("updated_at_min", "2025-03-04T10:00:00+01:00")
                ]
            ),
            "orders.json?status=any&updated_at_min=2025-03-04T10%3A00%3A00%2B01%3A00"
        );
        assert_eq!(
            with_query("order?x=1", &[("Page", "2")]),
            "order?x=1&Page=2"
        );
    }
}
