//! Orders in: every `inbox/*.csv|json|ndjson` of a `files` sales channel, in name order
//! (docs/files-connector.md "Orders"). The layout is decided by formats::orders::detect,
//! as for `orders import --file`.

use std::io::{Cursor, Read};
use std::path::Path;

use super::FilesChannel;
use crate::connectors::{Fetched, Sink};
use crate::formats::orders::{OrderFormat, OrderStream, csv_format, header_bytes, read_orders};
use crate::model::order::OrderIn;

/// Streams every order file of the inbox: its orders, then `SourceDone`; or, for a file
/// that cannot be read at all, `SourceFailed` (the flow sets it aside on a real run).
/// Files carry no watermark: what was applied has left the inbox.
pub(super) fn fetch(ch: &FilesChannel, sink: Sink<OrderIn>) -> anyhow::Result<Option<String>> {
    for path in super::fs::inbox_files(&ch.existing_inbox()?, &super::inbox::ORDERS)? {
        let source = path.display().to_string();
        match open(&path) {
            Ok(mut orders) => {
                for order in orders.by_ref() {
                    sink(Fetched::Record(order))?;
                }
                if let Some(lines) = orders.tally() {
                    let source = source.clone();
                    sink(Fetched::Lines { source, lines })?;
                }
                sink(Fetched::SourceDone { source })?;
            }
            Err(reason) => sink(Fetched::SourceFailed { source, reason })?,
        }
    }
    Ok(None)
}

/// Opens one order file, choosing its format. Errors are the reason it cannot be read.
fn open(path: &Path) -> Result<OrderStream, String> {
    let name = path.display().to_string();
    let mut file = std::fs::File::open(path).map_err(|e| format!("{name}: cannot open: {e}"))?;
    let lower = name.to_lowercase();
    if lower.ends_with(".json") || lower.ends_with(".ndjson") {
        return read_orders(OrderFormat::OmsJson, &name, Box::new(file)).map_err(|e| e.to_string());
    }
    let head = header_bytes(&mut file).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let format = csv_format(&name, &head)?;
    let input = Cursor::new(head).chain(file);
    read_orders(format, &name, Box::new(input)).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connectors::Fetched;

    fn channel(dir: &Path) -> FilesChannel {
        let mut config: crate::config::Channel =
            toml::from_str("kind = \"files\"\npath = \"web\"").unwrap();
        config.dir = Some(dir.to_path_buf());
        FilesChannel::new("web", &config).unwrap()
    }

    #[test]
    fn every_file_is_read_in_name_order_and_bad_ones_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        std::fs::create_dir_all(&inbox).unwrap();
        std::fs::create_dir_all(dir.path().join("outbox")).unwrap();
        std::fs::write(
            inbox.join("b.csv"),
            "Name,Lineitem quantity,Lineitem sku\n#7,1,TEE\n",
        )
        .unwrap();
        std::fs::write(
            inbox.join("a.ndjson"),
            "{\"external_id\": \"5\", \"lines\": []}\n",
        )
        .unwrap();
        std::fs::write(inbox.join("c.csv"), "order_id,sku\n1,TEE\n").unwrap();
        std::fs::write(inbox.join("notes.txt"), "not an order file").unwrap();
        let mut events = Vec::new();
        let mark = fetch(&channel(dir.path()), &mut |e| {
            events.push(match e {
                Fetched::Record(o) => format!("order {}", o.key()),
                Fetched::SourceDone { source } => format!("done {source}"),
                Fetched::SourceFailed { source, reason } => format!("failed {source}: {reason}"),
                Fetched::Lines { source, lines } => format!("lines {source}: {}", lines.total),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(mark, None);
        let inbox_s = inbox.display().to_string();
        assert_eq!(events[0], "order 5");
        assert_eq!(events[1], format!("done {inbox_s}/a.ndjson"));
        assert_eq!(events[2], "order #7");
        assert_eq!(
            events[3],
            format!("lines {inbox_s}/b.csv: 2"),
            "header and one row"
        );
        assert_eq!(events[4], format!("done {inbox_s}/b.csv"));
        assert!(
            events[5].starts_with(&format!("failed {inbox_s}/c.csv: "))
                && events[5].contains("quantity"),
            "{}",
            events[5]
        );
        assert_eq!(events.len(), 6);
        assert!(
            inbox.join("c.csv").exists(),
            "reading moves nothing; the flow decides"
        );
        assert!(
            inbox.join("a.ndjson").exists(),
            "acknowledged by the flow, not here"
        );
    }
}
