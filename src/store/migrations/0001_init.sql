-- Dateline desk, format 1: articles, people, sections, photos, crops, heroes, revisions,
-- and the full-text index over headline, dek and body.

CREATE TABLE authors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL DEFAULT '',
    bio         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE sections (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    slug        TEXT NOT NULL UNIQUE
);

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    headline    TEXT NOT NULL,
    dek         TEXT NOT NULL DEFAULT '',
    body        TEXT NOT NULL DEFAULT '',
    dateline    TEXT NOT NULL DEFAULT '',
    section_id  INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    language    TEXT NOT NULL DEFAULT 'en',
    status      TEXT NOT NULL DEFAULT 'draft',
    hero_edited_by TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE article_tags (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    tag         TEXT NOT NULL,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE bylines (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    author_id   INTEGER REFERENCES authors(id) ON DELETE SET NULL,
    name        TEXT NOT NULL,
    role        TEXT,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE photos (
    id              INTEGER PRIMARY KEY,
    sha256          TEXT NOT NULL UNIQUE,
    original_name   TEXT NOT NULL,
    mime            TEXT NOT NULL,
    width           INTEGER NOT NULL,
    height          INTEGER NOT NULL,
    caption         TEXT NOT NULL DEFAULT '',
    creator         TEXT NOT NULL DEFAULT '',
    agency          TEXT NOT NULL DEFAULT '',
    distributor     TEXT NOT NULL DEFAULT '',
    copyright       TEXT NOT NULL DEFAULT '',
    alt_text        TEXT NOT NULL DEFAULT '',
    usage_terms     TEXT NOT NULL DEFAULT '',
    credit_override TEXT,
    focus_x         REAL NOT NULL DEFAULT 0.5,
    focus_y         REAL NOT NULL DEFAULT 0.5,
    -- Everything read from the file's own EXIF, IIM and XMP, as JSON, kept for display.
    embedded        TEXT NOT NULL DEFAULT '{}',
    imported_at     TEXT NOT NULL
);

CREATE TABLE crops (
    photo_id    INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    aspect      TEXT NOT NULL,
    x REAL NOT NULL, y REAL NOT NULL, w REAL NOT NULL, h REAL NOT NULL,
    PRIMARY KEY (photo_id, name)
);

CREATE TABLE hero_photos (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    photo_id    INTEGER NOT NULL REFERENCES photos(id),
    crop        TEXT,
    PRIMARY KEY (article_id, position)
);

CREATE TABLE revisions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    author      TEXT NOT NULL DEFAULT '',
    reason      TEXT NOT NULL DEFAULT '',
    -- The whole article as JSON (model::ArticleDraft), so a revision restores exactly.
    snapshot    TEXT NOT NULL
);
CREATE INDEX revisions_by_article ON revisions(article_id, id);

CREATE TABLE settings (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, dek, body,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, dek, body)
    VALUES ('delete', old.id, old.headline, old.dek, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF headline, dek, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, dek, body)
    VALUES ('delete', old.id, old.headline, old.dek, old.body);
    INSERT INTO articles_fts(rowid, headline, dek, body)
    VALUES (new.id, new.headline, new.dek, new.body);
END;
