-- Dateline desk, format 5: the newsroom (issue 13). Everything that travels between desks
-- gets a global id (a UUID, version 7: its first 48 bits are the row's time in milliseconds)
-- beside its local integer id, which stays what the desk's own code uses. Ids are made here,
-- in SQL, by a trigger on every insert that brings none, so every path that writes a row —
-- including code written before ids existed — gives it one; rows that come from the newsroom
-- bring their own. Existing rows get theirs from their own time (authors and sections, which
-- have none, from the time of the upgrade).
--
-- Revisions become a graph: `parents` is a JSON array of the uuids of the revision(s) a
-- revision was made from — the previous revision of the article for an edit, two for a
-- merge, none for the first. Existing histories become chains.
--
-- And the desk's side of sync: what the newsroom has acknowledged, what it refused (the
-- words stay on the desk, with the reason), and the conflicts waiting for someone to choose.
-- A desk that never joins a newsroom only ever fills the ids and parents.

ALTER TABLE articles ADD COLUMN uuid TEXT;
UPDATE articles SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX articles_by_uuid ON articles(uuid);
CREATE TRIGGER articles_uuid AFTER INSERT ON articles WHEN new.uuid IS NULL BEGIN
    UPDATE articles SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

ALTER TABLE revisions ADD COLUMN uuid TEXT;
UPDATE revisions SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX revisions_by_uuid ON revisions(uuid);

ALTER TABLE transitions ADD COLUMN uuid TEXT;
UPDATE transitions SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX transitions_by_uuid ON transitions(uuid);
CREATE TRIGGER transitions_uuid AFTER INSERT ON transitions WHEN new.uuid IS NULL BEGIN
    UPDATE transitions SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(new.at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(new.at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

ALTER TABLE notes ADD COLUMN uuid TEXT;
UPDATE notes SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX notes_by_uuid ON notes(uuid);
CREATE TRIGGER notes_uuid AFTER INSERT ON notes WHEN new.uuid IS NULL BEGIN
    UPDATE notes SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

-- The photos' search index follows the words it indexes only: giving a photo its id (an
-- update inside the insert's own trigger) must not index it twice.
DROP TRIGGER photos_fts_au;
CREATE TRIGGER photos_fts_au AFTER UPDATE OF caption, creator, agency, distributor, copyright,
        credit_override ON photos BEGIN
    DELETE FROM photos_fts WHERE rowid = old.id;
    INSERT INTO photos_fts(rowid, caption, credit) VALUES (new.id, new.caption,
        concat_ws(' ', new.creator, new.agency, new.distributor, new.copyright, new.credit_override));
END;
ALTER TABLE photos ADD COLUMN uuid TEXT;
UPDATE photos SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(imported_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(imported_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX photos_by_uuid ON photos(uuid);
CREATE TRIGGER photos_uuid AFTER INSERT ON photos WHEN new.uuid IS NULL BEGIN
    UPDATE photos SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(new.imported_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(new.imported_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

ALTER TABLE authors ADD COLUMN uuid TEXT;
UPDATE authors SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX authors_by_uuid ON authors(uuid);
CREATE TRIGGER authors_uuid AFTER INSERT ON authors WHEN new.uuid IS NULL BEGIN
    UPDATE authors SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

ALTER TABLE sections ADD COLUMN uuid TEXT;
UPDATE sections SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)));
CREATE UNIQUE INDEX sections_by_uuid ON sections(uuid);
CREATE TRIGGER sections_uuid AFTER INSERT ON sections WHEN new.uuid IS NULL BEGIN
    UPDATE sections SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6)))
    WHERE rowid = new.rowid;
END;

ALTER TABLE revisions ADD COLUMN parents TEXT;
UPDATE revisions SET parents = coalesce(
    (SELECT json_array(p.uuid) FROM revisions p
     WHERE p.article_id = revisions.article_id AND p.id < revisions.id
     ORDER BY p.id DESC LIMIT 1),
    '[]');

-- The revision whose content the article's row is (its head on this desk): a new revision
-- made on the desk descends from it and becomes it. Sync sets it when it brings the
-- newsroom's content in (a fast-forward or a merge), and leaves it on this desk's own
-- revision when the two versions conflict, so the desk's next edits continue its own words.
ALTER TABLE articles ADD COLUMN head TEXT;
UPDATE articles SET head =
    (SELECT r.uuid FROM revisions r WHERE r.article_id = articles.id ORDER BY r.id DESC LIMIT 1);

-- One trigger for both, so the id exists before the article points at it. Revisions that
-- arrive with their id (from the newsroom, or a merge) set their parents and the head
-- themselves.
CREATE TRIGGER revisions_graph AFTER INSERT ON revisions WHEN new.uuid IS NULL BEGIN
    UPDATE revisions SET uuid = substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 1, 8) || '-' || substr(printf('%012x', coalesce(CAST(unixepoch(new.created_at, 'subsec') * 1000 AS INTEGER), CAST(unixepoch('now', 'subsec') * 1000 AS INTEGER))), 9, 4) || '-7' ||
        substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2, 3) || '-' ||
        lower(hex(randomblob(6))),
        parents = coalesce(new.parents,
            (SELECT json_array(a.head) FROM articles a
             WHERE a.id = new.article_id AND a.head IS NOT NULL),
            '[]')
    WHERE rowid = new.rowid;
    UPDATE articles SET head = (SELECT uuid FROM revisions WHERE id = new.id)
    WHERE id = new.article_id;
END;

-- What the newsroom holds of this desk's rows, by kind ('article', 'revision', 'move',
-- 'note', 'photo', 'original', 'author', 'section', 'tag') and global id: written only after
-- the server's commit returned, so a sync killed in between sends the row again, and the
-- server, keyed by the same id, keeps one.
-- `digest` is what was sent of a row that can change (a photo's fields, a crop), so a later
-- edit is sent again; '' for rows that never change (revisions, moves, notes).
CREATE TABLE newsroom_sent (
    kind    TEXT NOT NULL,
    uuid    TEXT NOT NULL,
    digest  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, uuid)
) WITHOUT ROWID;

-- A change the newsroom refused at sync: the desk keeps the words (the revision stays in the
-- history) and shows the refusal with the server's reason until someone dismisses it.
CREATE TABLE newsroom_refusals (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    uuid        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    at          TEXT NOT NULL,
    UNIQUE (kind, uuid)
);

-- Two versions of one thing that sync could not put together: both kept whole until
-- someone chooses. `field` is 'body' (the story's text: `ours` and `theirs` are revision
-- uuids) or a single-valued field such as 'headline' or 'photo.credit' (the two values, the
-- deterministic winner already applied).
CREATE TABLE newsroom_conflicts (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    photo_id    INTEGER REFERENCES photos(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    ours        TEXT NOT NULL,
    theirs      TEXT NOT NULL,
    at          TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX newsroom_conflicts_open ON newsroom_conflicts(article_id) WHERE resolved_at IS NULL;
