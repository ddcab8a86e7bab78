-- Dateline desk, format 8: what the person has seen of stories others change (issue 14). A
-- story changed on another desk (a revision, a move or a note pulled from the newsroom, or a
-- story new to this desk) is marked with when the change arrived; opening the story on this
-- desk marks it seen. The library marks "New" a story never opened here, and "Changed" one
-- whose last change from elsewhere arrived after it was last opened. Stories this desk had
-- before have no row, and no mark.
CREATE TABLE newsroom_seen (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    changed_at  TEXT,
    opened_at   TEXT,
    -- The story came to this desk from the newsroom (not written here).
    arrived     INTEGER NOT NULL DEFAULT 0
);
