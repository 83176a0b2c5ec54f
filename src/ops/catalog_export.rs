//! `oms catalog export`: the whole catalog as oms-csv or a Shopify products CSV.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use rusqlite::Connection;
use serde::Serialize;

use crate::formats::products::{ProductFormat, write_oms_csv, write_shopify_csv};
use crate::model::catalog::CatalogEntry;
use crate::store::catalog::records;

#[derive(Debug, Default, Serialize)]
pub struct Exported {
    pub products: usize,
    pub variants: usize,
}

/// Writes the catalog, grouped by product, to `out`.
pub fn write(
    conn: &Connection,
    format: ProductFormat,
    out: impl Write,
) -> anyhow::Result<Exported> {
    let entries: Vec<CatalogEntry> = records(conn, None)?.into_iter().map(|r| r.entry).collect();
    match format {
        ProductFormat::OmsCsv => write_oms_csv(out, &entries)?,
        ProductFormat::ShopifyCsv => write_shopify_csv(out, &entries)?,
    }
    Ok(Exported {
        products: entries
            .chunk_by(|a, b| a.product.handle == b.product.handle)
            .count(),
        variants: entries.len(),
    })
}

/// Writes the catalog to `path` atomically: a reader (or a channel picking the file up)
/// sees the old file or the whole new one, never half of it.
pub fn to_file(conn: &Connection, format: ProductFormat, path: &Path) -> anyhow::Result<Exported> {
    let tmp = temp_path(path)?;
    let result = write_temp(conn, format, &tmp).and_then(|exported| {
        fs::rename(&tmp, path)
            .with_context(|| format!("cannot move {} to {}", tmp.display(), path.display()))?;
        Ok(exported)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// A hidden name in the same folder, so the rename never crosses file systems.
fn temp_path(path: &Path) -> anyhow::Result<PathBuf> {
    let name = path
        .file_name()
        .with_context(|| format!("{} is not a file name", path.display()))?;
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".{}.tmp", std::process::id()));
    Ok(path.with_file_name(tmp))
}

fn write_temp(conn: &Connection, format: ProductFormat, tmp: &Path) -> anyhow::Result<Exported> {
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(tmp)
        .with_context(|| format!("cannot create {}", tmp.display()))?;
    let mut out = BufWriter::new(file);
    let exported =
        write(conn, format, &mut out).with_context(|| format!("cannot write {}", tmp.display()))?;
    let file: File = out
        .into_inner()
        .map_err(|e| e.into_error())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    file.sync_all()
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    Ok(exported)
}
