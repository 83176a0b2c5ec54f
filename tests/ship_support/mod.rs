//! One order (or a few) imported, processed and sent to a files warehouse: the starting
//! point of every test of what comes back from the warehouse (shipments sync, shipped by
//! hand, partial fulfilment).

use crate::common::Env;

/// A workspace with `config`, the catalog, stock (`warehouse,sku,set` rows) and orders
/// (oms-csv for channel `web`) written and imported, then processed and sent.
pub fn sent(config: &str, catalog: &str, stock: &str, orders: &str) -> Env {
    let env = Env::standard();
    env.write("oms.toml", config);
    env.write("catalog.csv", catalog);
    env.write("stock.csv", stock);
    env.write("orders.csv", orders);
    env.oms(["catalog", "import", "--file", "catalog.csv"]).ok();
    env.oms(["stock", "adjust", "--file", "stock.csv", "--yes"])
        .ok();
    import(&env, "orders.csv");
    env.oms(["orders", "process"]).ok();
    env
}

/// Imports an oms-csv file of channel `web`.
pub fn import(env: &Env, file: &str) {
    env.oms([
        "orders",
        "import",
        "--channel",
        "web",
        "--file",
        file,
        "--format",
        "oms-csv",
    ])
    .ok();
}
