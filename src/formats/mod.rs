//! File layouts oms reads and writes: its own CSV/JSON formats and the shops' exports.
//! Parsers turn bytes into `model` types and name the file, line and field of every
//! problem; they know nothing of the database.

pub mod csv_table;
pub mod orders;
pub mod products;

pub use csv_table::{CsvRow, CsvTable};
