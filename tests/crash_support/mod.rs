//! What the crash matrix (tests/crash_matrix.rs) runs in its cells, by kind of channel.
#![allow(dead_code)]

pub mod files;
pub mod returns;
pub mod shipbob;
