//! What the warehouse codes typed after `--warehouse` stand for. Shared by the stock
//! commands so that an unknown or virtual code gets the same message everywhere.

use std::collections::BTreeSet;

use crate::config::Config;
use crate::error::usage;

/// Codes split by kind, with virtual warehouses resolved to their members.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scope {
    /// Physical warehouses named; `None` when no code was given (every one).
    pub physical: Option<BTreeSet<String>>,
    /// Virtual warehouses to show, with their physical members.
    pub virtuals: Vec<(String, Vec<String>)>,
}

impl Scope {
    /// Every physical warehouse the scope reads, members of virtual ones included;
    /// empty means all of them.
    pub fn expanded(&self) -> Vec<String> {
        let Some(physical) = &self.physical else {
            return Vec::new();
        };
        let mut all = physical.clone();
        for (_, members) in &self.virtuals {
            all.extend(members.iter().cloned());
        }
        all.into_iter().collect()
    }
}

/// Resolves `--warehouse` codes. No codes means every physical warehouse plus every
/// virtual one; an unknown code is a usage error naming the known ones.
pub fn resolve(config: &Config, codes: &[String]) -> anyhow::Result<Scope> {
    if codes.is_empty() {
        return Ok(Scope {
            physical: None,
            virtuals: config
                .virtual_warehouses
                .keys()
                .filter_map(|code| Some((code.clone(), config.physical_members(code)?)))
                .collect(),
        });
    }
    let mut scope = Scope {
        physical: Some(BTreeSet::new()),
        virtuals: Vec::new(),
    };
    for code in codes {
        if config.is_virtual(code) {
            if !scope.virtuals.iter().any(|(c, _)| c == code) {
                let members = config.physical_members(code).unwrap_or_default();
                scope.virtuals.push((code.clone(), members));
            }
        } else if config.is_physical(code) {
            scope
                .physical
                .get_or_insert_with(BTreeSet::new)
                .insert(code.clone());
        } else {
            return Err(usage(unknown_warehouse(config, code)));
        }
    }
    Ok(scope)
}

/// `unknown warehouse `north` (physical: east, west; virtual: all)`.
pub fn unknown_warehouse(config: &Config, code: &str) -> String {
    let physical: Vec<&str> = config.warehouses.keys().map(String::as_str).collect();
    let virtuals: Vec<&str> = config
        .virtual_warehouses
        .keys()
        .map(String::as_str)
        .collect();
    let mut known = Vec::new();
    if !physical.is_empty() {
        known.push(format!("physical: {}", physical.join(", ")));
    }
    if !virtuals.is_empty() {
        known.push(format!("virtual: {}", virtuals.join(", ")));
    }
    if known.is_empty() {
        format!("unknown warehouse `{code}` (none are configured)")
    } else {
        format!("unknown warehouse `{code}` ({})", known.join("; "))
    }
}

/// Why stock cannot be changed in a virtual warehouse, naming where it can.
pub fn virtual_refused(config: &Config, code: &str) -> String {
    let members = config.physical_members(code).unwrap_or_default();
    format!(
        "`{code}` is a virtual warehouse (the sum of {}); stock changes in one of its physical members",
        members.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let text = r#"
[fulfillment_channels.f]
kind = "files"
path = "f"
[warehouses.east]
fulfillment_channel = "f"
[warehouses.west]
fulfillment_channel = "f"
[virtual_warehouses.all]
members = ["east", "west"]
"#;
        crate::config::parse(std::path::Path::new("oms.toml"), text, None).expect("config")
    }

    #[test]
    fn no_codes_means_everything() {
        let scope = resolve(&config(), &[]).expect("scope");
        assert_eq!(scope.physical, None);
        assert_eq!(
            scope.virtuals,
            vec![(
                "all".to_string(),
                vec!["east".to_string(), "west".to_string()]
            )]
        );
        assert!(scope.expanded().is_empty());
    }

    #[test]
    fn virtual_codes_expand_to_members() {
        let scope = resolve(&config(), &["all".into(), "east".into()]).expect("scope");
        assert_eq!(scope.expanded(), vec!["east", "west"]);
        assert_eq!(scope.physical.map(|p| p.len()), Some(1));
    }

    #[test]
    fn unknown_codes_name_the_known_ones() {
        let err = resolve(&config(), &["north".into()]).expect_err("unknown");
        assert_eq!(
            err.to_string(),
            "unknown warehouse `north` (physical: east, west; virtual: all)"
        );
        assert_eq!(crate::error::exit_for(&err), crate::error::Exit::Usage);
    }
}
