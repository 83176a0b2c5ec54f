//! One module per flow; each returns a typed report and never prints.

pub mod catalog_add;
pub mod catalog_edit;
pub mod catalog_export;
pub mod catalog_import;
