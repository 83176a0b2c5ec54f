//! Which flow reads which file of a `files` channel's inbox: one table, used by the readers
//! to pick their files and by `oms status` / `oms channels check` to name the files that no
//! flow will ever read (a misspelt prefix, a `.xlsx`, a product file on a channel that is
//! not the catalog master), which would otherwise lie in the inbox unseen.

use std::path::Path;

/// A flow that reads a `files` inbox.
pub struct InboxFlow {
    pub flow: &'static str,
    /// Name prefixes it takes (lowercase); empty takes every name no other flow of the
    /// channel claims.
    pub prefixes: &'static [&'static str],
    pub extensions: &'static [&'static str],
    pub reads: Reads,
}

/// The channels whose inbox a flow reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    Sales,
    Fulfillment,
    /// The catalog master, in either role.
    Master,
}

pub const ORDERS: InboxFlow = InboxFlow {
    flow: "orders-import",
    prefixes: &[],
    extensions: &["csv", "json", "ndjson"],
    reads: Reads::Sales,
};
pub const PRODUCTS: InboxFlow = InboxFlow {
    flow: "catalog-sync",
    prefixes: &["products-"],
    extensions: &["csv"],
    reads: Reads::Master,
};
pub const BUNDLES: InboxFlow = InboxFlow {
    flow: "catalog-sync",
    prefixes: &["bundles-"],
    extensions: &["csv"],
    reads: Reads::Master,
};
pub const CONFIRMATIONS: InboxFlow = InboxFlow {
    flow: "shipments-sync",
    prefixes: &["shipments", "confirmations"],
    extensions: &["csv", "json"],
    reads: Reads::Fulfillment,
};
pub const STOCK: InboxFlow = InboxFlow {
    flow: "stock-sync",
    prefixes: &["stock-"],
    extensions: &["csv", "json"],
    reads: Reads::Fulfillment,
};
pub const RECEIPTS: InboxFlow = InboxFlow {
    flow: "receipts-sync",
    prefixes: &["receipts"],
    extensions: &["csv", "json"],
    reads: Reads::Fulfillment,
};

pub const RETURN_RECEIPTS: InboxFlow = InboxFlow {
    flow: "returns-sync",
    prefixes: &["return-receipts"],
    extensions: &["csv"],
    reads: Reads::Fulfillment,
};

pub const FLOWS: [&InboxFlow; 7] = [
    &ORDERS,
    &PRODUCTS,
    &BUNDLES,
    &CONFIRMATIONS,
    &STOCK,
    &RECEIPTS,
    &RETURN_RECEIPTS,
];

/// The roles a channel code has, which decide the flows that read its inbox.
#[derive(Clone, Copy, Default)]
pub struct Roles {
    pub sales: bool,
    pub fulfillment: bool,
    pub master: bool,
}

impl Roles {
    fn has(&self, reads: Reads) -> bool {
        match reads {
            Reads::Sales => self.sales,
            Reads::Fulfillment => self.fulfillment,
            Reads::Master => self.master,
        }
    }
}

fn takes_name(flow: &InboxFlow, name: &str) -> bool {
    flow.extensions
        .iter()
        .any(|x| name.ends_with(&format!(".{x}")))
        && (flow.prefixes.is_empty() || flow.prefixes.iter().any(|p| name.starts_with(p)))
}

/// Whether `flow` takes the file `name` (any case). A flow without prefixes leaves the
/// names other flows can claim: a product file in a shop's inbox is never read as orders,
/// whether or not that shop is the catalog master.
pub fn claims(flow: &InboxFlow, name: &str) -> bool {
    let name = name.to_lowercase();
    takes_name(flow, &name)
        && (!flow.prefixes.is_empty()
            || !FLOWS
                .iter()
                .filter(|other| !other.prefixes.is_empty())
                .filter(|other| other.reads == flow.reads || other.reads == Reads::Master)
                .any(|other| other.prefixes.iter().any(|p| name.starts_with(p))))
}

/// Whether `flow` reads the file `name` of a channel with `roles`.
pub fn reads(flow: &InboxFlow, name: &str, roles: Roles) -> bool {
    roles.has(flow.reads) && claims(flow, name)
}

/// Hidden files and temp files are someone's uploads in progress, never anybody's input.
pub fn is_in_progress(name: &str) -> bool {
    name.starts_with('.') || name.to_lowercase().contains(".tmp")
}

/// The files in `inbox` (not its folders) that no flow of a channel with `roles` reads,
/// by name, in name order.
pub fn unread(inbox: &Path, roles: Roles) -> std::io::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(inbox)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_file()
            && !is_in_progress(&name)
            && !FLOWS.iter().any(|f| reads(f, &name, roles))
        {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// What the inbox of a channel with `roles` reads, for a message: `shipments*.csv|json
/// (shipments-sync), …`.
pub fn patterns(roles: Roles) -> String {
    FLOWS
        .iter()
        .filter(|f| roles.has(f.reads))
        .map(|f| {
            let names = if f.prefixes.is_empty() {
                "*".to_string()
            } else {
                f.prefixes
                    .iter()
                    .map(|p| format!("{}*", p))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            format!("{names}.{} ({})", f.extensions.join("|"), f.flow)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHOP: Roles = Roles {
        sales: true,
        fulfillment: false,
        master: false,
    };
    const WAREHOUSE: Roles = Roles {
        sales: false,
        fulfillment: true,
        master: false,
    };

    #[test]
    fn each_name_is_read_by_one_flow_of_the_channel_or_none() {
        let flow_of = |name: &str, roles: Roles| -> Option<&str> {
            let found: Vec<&str> = FLOWS
                .iter()
                .filter(|f| reads(f, name, roles))
                .map(|f| f.flow)
                .collect();
            assert!(found.len() <= 1, "{name}: read by {found:?}");
            found.first().copied()
        };
        assert_eq!(flow_of("2026-12-04.csv", SHOP), Some("orders-import"));
        assert_eq!(flow_of("Orders.NDJSON", SHOP), Some("orders-import"));
        assert_eq!(flow_of("products-1.csv", SHOP), None, "not the master");
        let master_shop = Roles {
            master: true,
            ..SHOP
        };
        assert_eq!(flow_of("products-1.csv", master_shop), Some("catalog-sync"));
        assert_eq!(flow_of("bundles-1.csv", master_shop), Some("catalog-sync"));
        assert_eq!(flow_of("bundles-1.csv", SHOP), None);
        assert_eq!(flow_of("orders.xlsx", SHOP), None);
        assert_eq!(
            flow_of("shipments-7.csv", WAREHOUSE),
            Some("shipments-sync")
        );
        assert_eq!(
            flow_of("confirmations-7.json", WAREHOUSE),
            Some("shipments-sync")
        );
        assert_eq!(flow_of("stock-1.json", WAREHOUSE), Some("stock-sync"));
        assert_eq!(flow_of("receipts-1.csv", WAREHOUSE), Some("receipts-sync"));
        assert_eq!(
            flow_of("return-receipts-1.csv", WAREHOUSE),
            Some("returns-sync")
        );
        assert_eq!(flow_of("confirm-7.csv", WAREHOUSE), None);
        assert_eq!(
            flow_of("stock.csv", WAREHOUSE),
            None,
            "stock files need `stock-`"
        );
    }

    #[test]
    fn unread_names_only_finished_files_no_flow_takes() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "shipments-1.csv",
            "confirm-2.csv",
            ".upload.csv",
            "x.csv.tmp-9",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        std::fs::create_dir(dir.path().join("done")).unwrap();
        assert_eq!(
            unread(dir.path(), WAREHOUSE).unwrap(),
            ["confirm-2.csv", "notes.txt"]
        );
    }
}
