-- Dateline desk, format 6: tag renames travel to the newsroom (issue 13). A tag is its name,
-- so a rename must be remembered as a pair for the next sync to send: every story's tag that
-- a rename rewrites records (old, new) here, and sync sends and then forgets it. A tag that no
-- story carries travels as a new name (the old one stays on the newsroom's list).
CREATE TABLE newsroom_tag_renames (
    old     TEXT NOT NULL,
    new     TEXT NOT NULL,
    PRIMARY KEY (old, new)
);
CREATE TRIGGER article_tags_renamed AFTER UPDATE OF tag ON article_tags
    WHEN old.tag <> new.tag BEGIN
    INSERT OR IGNORE INTO newsroom_tag_renames (old, new) VALUES (old.tag, new.tag);
END;
