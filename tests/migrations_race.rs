//! Issue 10 item 4: migrations run under SQLite's write lock, so any number of commands
//! may open a new or an old database at once and all of them succeed.

mod common;

use common::Env;

fn migration_count() -> i64 {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
        .unwrap()
        .count() as i64
}

#[test]
fn item4_eight_commands_at_once_on_a_new_database_all_succeed() {
    for _ in 0..3 {
        let env = Env::standard();
        let done: Vec<_> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|i| {
                    let env = &env;
                    s.spawn(move || match i {
                        0 => env
                            .oms(["run", "-q"])
                            .env("OMS_LOCK_WAIT_MS", "60000")
                            .run(),
                        i if i % 2 == 0 => env.oms(["orders", "list", "-o", "json"]).run(),
                        _ => env.oms(["status", "-o", "json"]).run(),
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for d in &done {
            assert_eq!(d.code, 0, "{d:?}");
        }
        let version: i64 = env
            .db()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, migration_count());
    }
}

#[test]
fn item4_many_opens_of_an_old_database_migrate_it_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A database left by an oms that knew only the first migration.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../migrations/0001_init.sql"))
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    opened_at_once_all_current(&path);
}

#[test]
fn item4_many_opens_of_a_new_database_in_one_process_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub").join("new.db");
    opened_at_once_all_current(&path);
}

/// Opens `path` from eight threads at once; every open succeeds at the current schema.
fn opened_at_once_all_current(path: &std::path::Path) {
    let results: Vec<_> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| oms::store::Store::open(path).map(|st| st.schema_version())))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for r in results {
        assert_eq!(r.unwrap().unwrap(), migration_count());
    }
}
