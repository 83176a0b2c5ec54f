use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::error::Exit;

#[derive(Debug, Subcommand)]
pub enum WarehousesCmd {
    /// Physical warehouses (with their fulfillment channel and priority) and virtual ones
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    pub columns: super::ColumnsArg,
}

/// What `warehouses list` shows by default; `location_id` and the rest with `--columns`.
const LIST_COLUMNS: &[&str] = &[
    "code",
    "kind",
    "name",
    "fulfillment_channel",
    "priority",
    "?enabled",
    "members",
];

#[derive(Serialize, Default)]
struct WarehouseRow {
    code: String,
    kind: &'static str,
    name: Option<String>,
    fulfillment_channel: Option<String>,
    location_id: Option<String>,
    priority: Option<i64>,
    enabled: bool,
    members: Vec<String>,
}

pub fn exec(ctx: &Ctx, cmd: WarehousesCmd) -> anyhow::Result<Exit> {
    let WarehousesCmd::List(args) = cmd;
    let config = ctx.config()?;
    let mut rows: Vec<WarehouseRow> = config
        .warehouses_by_priority()
        .into_iter()
        .map(|code| {
            let w = &config.warehouses[code];
            WarehouseRow {
                code: code.to_string(),
                kind: "physical",
                name: w.name.clone(),
                fulfillment_channel: Some(w.fulfillment_channel.get_ref().clone()),
                location_id: w.location_id.clone(),
                priority: Some(w.priority),
                enabled: w.enabled,
                members: Vec::new(),
            }
        })
        .collect();
    rows.extend(
        config
            .virtual_warehouses
            .iter()
            .map(|(code, v)| WarehouseRow {
                code: code.clone(),
                kind: "virtual",
                name: v.name.clone(),
                members: v.members.iter().map(|m| m.get_ref().clone()).collect(),
                enabled: v.enabled,
                ..Default::default()
            }),
    );
    ctx.out
        .list_columns(&rows, &args.columns.or(LIST_COLUMNS))?;
    Ok(Exit::Ok)
}
