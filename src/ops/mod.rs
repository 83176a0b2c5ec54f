//! One module per flow; each returns a typed report and never prints.
pub mod flow;
pub mod order_status;
pub mod shipments_sync;
