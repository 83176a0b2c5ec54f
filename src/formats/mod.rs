//! File layouts oms reads and writes: its own CSV/JSON formats and the shops' exports.
//! Parsers turn bytes into `model` types and name the file, line and field of every
//! problem; they know nothing of the database.

pub mod bundles;
pub mod csv_table;
pub mod orders;
pub mod products;

pub use csv_table::{CsvRow, CsvTable};

/// csv wraps write errors in its own type; unwrap I/O errors so that a closed pipe
/// (`oms catalog export | head`) is still recognised as one.
pub fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("cannot write a CSV record: {other:?}")),
    }
}
