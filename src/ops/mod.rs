//! One module per flow; each returns a typed report and never prints.

pub mod backorders;
pub mod catalog_add;
pub mod catalog_edit;
pub mod catalog_export;
pub mod catalog_import;
pub mod flow;
pub mod order_status;
pub mod orders_export;
pub mod orders_process;
pub mod shipments_cancel;
pub mod shipments_send;
pub mod shipments_sync;
pub mod stock_adjust;
pub mod stock_adjust_file;
pub mod stock_history;
pub mod stock_rebuild;
pub mod stock_scope;
pub mod stock_show;
pub mod stock_verify;
