-- Dateline desk, format 4: the editor's desk. Workflow transitions (who moved a story, from
-- what to what, when), editor notes (internal, never exported), the trash (a deleted story
-- keeps every row until the trash is emptied), managed tags, author portraits, and the
-- full-text index over photos' captions and credits.

ALTER TABLE articles ADD COLUMN deleted_at TEXT;
ALTER TABLE articles ADD COLUMN deleted_by TEXT;
-- The library reads every row of this index and never the table: an article's row holds its
-- body, and columns after the body sit behind the body's overflow pages.
CREATE INDEX articles_library ON articles(updated_at DESC, id DESC, deleted_at, status,
    section_id, slug, headline, language, created_at);
CREATE INDEX bylines_by_author ON bylines(author_id);
CREATE INDEX bylines_by_name ON bylines(name);
CREATE INDEX tags_by_tag ON article_tags(tag);
CREATE INDEX hero_by_photo ON hero_photos(photo_id);

ALTER TABLE authors ADD COLUMN portrait_photo_id INTEGER REFERENCES photos(id) ON DELETE SET NULL;

CREATE TABLE transitions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    who         TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL
);
CREATE INDEX transitions_by_article ON transitions(article_id, id);

CREATE TABLE notes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    who         TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX notes_by_article ON notes(article_id, id);

-- Tags as a managed list; articles keep their tags as text (ordered), and a rename rewrites
-- both in one transaction.
CREATE TABLE tags (
    name        TEXT PRIMARY KEY COLLATE NOCASE
);
INSERT OR IGNORE INTO tags (name) SELECT DISTINCT tag FROM article_tags;

-- Captions and credits, searchable like the articles' text; an article is found by the words
-- of its hero photos' captions and credits too.
CREATE VIRTUAL TABLE photos_fts USING fts5(
    caption, credit,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);
INSERT INTO photos_fts(rowid, caption, credit)
    SELECT id, caption, concat_ws(' ', creator, agency, distributor, copyright, credit_override)
    FROM photos;
CREATE TRIGGER photos_fts_ai AFTER INSERT ON photos BEGIN
    INSERT INTO photos_fts(rowid, caption, credit) VALUES (new.id, new.caption,
        concat_ws(' ', new.creator, new.agency, new.distributor, new.copyright, new.credit_override));
END;
CREATE TRIGGER photos_fts_ad AFTER DELETE ON photos BEGIN
    DELETE FROM photos_fts WHERE rowid = old.id;
END;
CREATE TRIGGER photos_fts_au AFTER UPDATE ON photos BEGIN
    DELETE FROM photos_fts WHERE rowid = old.id;
    INSERT INTO photos_fts(rowid, caption, credit) VALUES (new.id, new.caption,
        concat_ws(' ', new.creator, new.agency, new.distributor, new.copyright, new.credit_override));
END;
