//! Desks written at every earlier format, upgraded to the newest, with everything a journalist
//! had in them kept: articles with tags, bylines linked to authors, section and hero; revisions
//! whose snapshots still restore; photos with their fields and crops; code replacements and
//! settings; search. It walks `MIGRATIONS` (no version number is written here), and besides the
//! typed reads it compares, table by table, every column a desk had at version N before and
//! after the upgrade, so a migration that drops or rewrites old data fails here.

use std::collections::BTreeMap;

use rusqlite::types::Value;

use super::{Store, MIGRATIONS, SCHEMA_VERSION};

/// A desk as the first version of Dateline wrote it: raw SQL against the format-1 tables,
/// which every later format keeps. The revision's snapshot is JSON as that version wrote it
/// (no key added since).
const DESK_V1: &str = r#"
INSERT INTO authors (id, name, role, bio) VALUES (7, 'Ana Pérez', 'Corresponsal', 'Cubre el Congreso.');
INSERT INTO sections (id, name, slug) VALUES (3, 'México', 'mexico');
INSERT INTO articles (id, slug, headline, dek, body, dateline, section_id, language, status,
                      hero_edited_by, created_at, updated_at)
VALUES (11, 'diputados-aprueban', 'Diputados aprueban la reforma', 'Por 300 votos',
        'El pleno votó en Michoacán.', 'CIUDAD DE MÉXICO', 3, 'es', 'in_edit', 'Sociedad Media',
        '2025-01-01T10:00:00.000Z', '2025-01-02T11:00:00.000Z');
INSERT INTO article_tags (article_id, position, tag) VALUES (11, 0, 'Congreso'), (11, 1, 'Reforma');
INSERT INTO bylines (article_id, position, author_id, name, role)
VALUES (11, 0, 7, 'Ana Pérez', 'Corresponsal'), (11, 1, NULL, 'Luis Gómez', NULL);
INSERT INTO photos (id, sha256, original_name, mime, width, height, caption, creator, agency,
                    distributor, copyright, alt_text, usage_terms, credit_override, focus_x,
                    focus_y, embedded, imported_at)
VALUES (5, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'pleno.jpg',
        'image/jpeg', 6000, 4000, 'El pleno de la Cámara.', 'Carlos Barria', 'Reuters', '',
        '© Reuters', 'Diputados votan en el pleno', 'Editorial use only', NULL, 0.4, 0.5, '{}',
        '2025-01-01T09:00:00.000Z');
INSERT INTO crops (photo_id, name, aspect, x, y, w, h) VALUES (5, 'hero', '16:9', 0.0, 0.1, 1.0, 0.5625);
INSERT INTO hero_photos (article_id, position, photo_id, crop) VALUES (11, 0, 5, 'hero');
INSERT INTO revisions (id, article_id, created_at, author, reason, snapshot)
VALUES (21, 11, '2025-01-01T10:00:00.000Z', 'Ana Pérez', 'created',
        '{"headline":"Diputados aprueban","dek":"","body":"Primera versión.","dateline":"",
          "section":"México","tags":["Congreso"],"language":"es","status":"draft","slug":null,
          "bylines":[{"name":"Ana Pérez","role":"Corresponsal","author_id":7}],"hero":null}');
INSERT INTO settings (key, value) VALUES ('identity', 'Ana Pérez'), ('publication', 'Sociedad Media');
"#;

/// Tables that a later format added, with a row each, written when the desk has them.
const LATER_TABLES: &[(&str, &str)] = &[(
    "code_replacements",
    "INSERT INTO code_replacements (code, expansion) VALUES ('=rtr=', 'Reuters')",
)];

type Rows = BTreeMap<String, Vec<Vec<(String, Value)>>>;

/// Every row of every ordinary table (not SQLite's, not the full-text index's), by column.
fn all_rows(store: &Store) -> Rows {
    let conn = &store.conn;
    let mut st = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE '%_fts%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
        )
        .expect("tables");
    let tables: Vec<String> = st
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<rusqlite::Result<_>>()
        .expect("tables");
    let mut out = Rows::new();
    for t in tables {
        let mut st = conn
            .prepare(&format!("SELECT * FROM \"{t}\" ORDER BY rowid"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{t}\" ORDER BY 1")))
            .expect("select");
        let names: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        let rows = st
            .query_map([], |r| {
                (0..names.len())
                    .map(|i| Ok((names[i].clone(), r.get::<_, Value>(i)?)))
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .expect("rows")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("rows");
        out.insert(t, rows);
    }
    out
}

fn has_table(store: &Store, name: &str) -> bool {
    store
        .conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |r| r.get::<_, i64>(0),
        )
        .expect("sqlite_master")
        == 1
}

#[test]
fn a_desk_of_every_earlier_format_keeps_all_its_data() {
    for &(from, _) in MIGRATIONS {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("dateline.sqlite");
        let before = {
            let old = Store::open_at_version(&path, from).expect("old desk");
            old.conn.execute_batch(DESK_V1).expect("format-1 data");
            for (table, insert) in LATER_TABLES {
                if has_table(&old, table) {
                    old.conn.execute(insert, []).expect("later data");
                }
            }
            all_rows(&old)
        };
        let store = Store::open(&path).expect("upgraded");
        assert_eq!(store.schema_version().expect("version"), SCHEMA_VERSION);
        assert_eq!(store.integrity_check().expect("integrity"), "ok");

        // Every column of every row the old desk had is still there, unchanged. New columns
        // may appear; none may vanish or change.
        let after = all_rows(&store);
        for (table, rows) in &before {
            let now = after
                .get(table)
                .unwrap_or_else(|| panic!("from {from}: table {table} is gone"));
            assert_eq!(rows.len(), now.len(), "from {from}: rows of {table}");
            for (old_row, new_row) in rows.iter().zip(now) {
                for (col, value) in old_row {
                    let kept = new_row.iter().find(|(c, _)| c == col).map(|(_, v)| v);
                    assert_eq!(kept, Some(value), "from {from}: {table}.{col}");
                }
            }
        }

        // And through the store's own reads, as the desk shows them.
        store
            .read(|t| {
                let id = t.resolve_article("diputados-aprueban")?;
                let a = t.article(id)?;
                assert_eq!(a.headline, "Diputados aprueban la reforma", "from {from}");
                assert_eq!(a.section.as_deref(), Some("México"));
                assert_eq!(a.tags, ["Congreso", "Reforma"]);
                let names: Vec<_> = a.bylines.iter().map(|b| b.name.as_str()).collect();
                assert_eq!(names, ["Ana Pérez", "Luis Gómez"]);
                assert_eq!(a.bylines[0].author_id, Some(7));
                let hero = a.hero.expect("hero kept");
                assert_eq!(hero.photos[0].photo_id, 5);
                assert_eq!(hero.edited_by.as_deref(), Some("Sociedad Media"));
                let revs = t.revisions(id)?;
                assert_eq!(revs.len(), 1, "from {from}");
                let (_, snap) = t.revision_snapshot(revs[0].id)?;
                assert_eq!(
                    snap.body, "Primera versión.",
                    "from {from}: snapshot restores"
                );
                let p = t.photo(5)?;
                assert_eq!(p.fields.creator, "Carlos Barria");
                assert_eq!(p.fields.alt_text, "Diputados votan en el pleno");
                assert_eq!(t.crops(5)?.len(), 1);
                assert_eq!(t.authors()?.len(), 1);
                assert_eq!(t.setting("identity")?.as_deref(), Some("Ana Pérez"));
                let hits = t.search("michoacan", 10)?;
                assert_eq!(hits.len(), 1, "from {from}: the old body is searchable");
                if before.contains_key("code_replacements") {
                    assert_eq!(t.code_replacements()?.len(), 1, "from {from}");
                }
                Ok(())
            })
            .expect("the upgraded desk reads");
    }
}

/// Issue 13: a desk of every earlier format gets a global id (UUID version 7, its time the
/// row's own) on everything that travels, and its revisions become a graph: each revision's
/// parent is the one before it, and the article's head is the newest. A revision saved after
/// the upgrade descends from that head.
#[test]
fn an_old_desk_gets_global_ids_and_a_revision_graph_issue_13() {
    for &(from, _) in MIGRATIONS.iter().filter(|(n, _)| *n < 5) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("dateline.sqlite");
        {
            let old = Store::open_at_version(&path, from).expect("old desk");
            old.conn.execute_batch(DESK_V1).expect("format-1 data");
            old.conn
                .execute(
                    "INSERT INTO revisions (id, article_id, created_at, author, reason, snapshot)
                     SELECT 22, 11, '2025-01-02T11:00:00.000Z', 'Ana Pérez', 'autosave', snapshot
                     FROM revisions WHERE id = 21",
                    [],
                )
                .expect("a second revision");
        }
        let mut store = Store::open(&path).expect("upgraded");
        let mut all = Vec::new();
        for table in ["articles", "revisions", "photos", "authors", "sections"] {
            let got = ids(&store, &format!("SELECT uuid FROM {table}"));
            assert!(!got.is_empty(), "from {from}: {table}");
            all.extend(got);
        }
        for u in &all {
            let hex: String = u.chars().filter(|c| *c != '-').collect();
            assert_eq!(u.len(), 36, "from {from}: {u}");
            assert_eq!(hex.len(), 32, "from {from}: {u}");
            assert!(hex.chars().all(|c| c.is_ascii_hexdigit()), "{u}");
            assert_eq!(&u[14..15], "7", "version 7: {u}");
            assert!("89ab".contains(&u[19..20]), "RFC 4122 variant: {u}");
        }
        let unique: std::collections::BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "from {from}: ids are unique");
        // The id's time is the row's own: 2025-01-01T10:00:00Z for the first revision.
        let first = &ids(&store, "SELECT uuid FROM revisions WHERE id = 21")[0];
        let ms = u64::from_str_radix(&first.replace('-', "")[..12], 16).expect("time");
        assert_eq!(ms, 1_735_725_600_000, "from {from}: {first}");

        let parents = ids(&store, "SELECT parents FROM revisions ORDER BY id");
        assert_eq!(parents[0], "[]", "from {from}");
        assert_eq!(parents[1], format!("[\"{first}\"]"), "from {from}");
        let second = &ids(&store, "SELECT uuid FROM revisions WHERE id = 22")[0];
        assert_eq!(
            &ids(&store, "SELECT head FROM articles WHERE id = 11")[0],
            second
        );

        // A revision made now descends from the head and becomes it.
        let rev = store
            .write(|t| {
                let (_, d) = t.revision_snapshot(22)?;
                t.insert_revision(11, &d, "Ana Pérez", "checkpoint", chrono::Utc::now())
            })
            .expect("a new revision");
        let new_uuid = &ids(
            &store,
            &format!("SELECT uuid FROM revisions WHERE id = {rev}"),
        )[0];
        assert_eq!(
            ids(
                &store,
                &format!("SELECT parents FROM revisions WHERE id = {rev}")
            )[0],
            format!("[\"{second}\"]")
        );
        assert_eq!(
            &ids(&store, "SELECT head FROM articles WHERE id = 11")[0],
            new_uuid
        );
        // And new rows of every kind get ids too.
        store
            .write(|t| {
                t.add_section("Economía")?;
                t.upsert_author("Luis Gómez", "", "")?;
                Ok(())
            })
            .expect("new rows");
        for table in ["sections", "authors"] {
            let missing: i64 = store
                .conn
                .query_row(
                    &format!("SELECT count(*) FROM {table} WHERE uuid IS NULL"),
                    [],
                    |r| r.get(0),
                )
                .expect("count");
            assert_eq!(missing, 0, "from {from}: every new {table} row has an id");
        }
    }
}

/// The text values of the first column of `sql`.
fn ids(store: &Store, sql: &str) -> Vec<String> {
    let mut st = store.conn.prepare(sql).expect("select");
    st.query_map([], |r| r.get(0))
        .expect("rows")
        .collect::<rusqlite::Result<_>>()
        .expect("ids")
}
