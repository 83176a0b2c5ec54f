//! oms — order management for merchants who sell on web shops and ship from
//! third-party warehouses. The binary is a thin shell over this library so that
//! tests and benchmarks can reach the same code the CLI runs.
//!
//! Data flows one way: `cli` → `ops` → (`model`, `store`, `connectors`), and only
//! `output` prints data. DEVELOPMENT.md shows the layout.

pub mod allocation;
pub mod cli;
pub mod config;
pub mod connectors;
pub mod crashpoint;
pub mod error;
pub mod formats;
pub mod model;
pub mod ops;
pub mod output;
pub mod store;
