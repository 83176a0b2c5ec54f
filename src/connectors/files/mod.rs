//! The `files` connector: a channel is a folder with `inbox/` (what the other side sends
//! us) and `outbox/` (what we send). The layout is documented in docs/files-connector.md.

pub mod fs;
