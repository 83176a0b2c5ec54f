//! Connections to sales and fulfillment channels. Connectors know their wire format and
//! map it to `model` types; they never touch the database (ARCHITECTURE).

pub mod files;
