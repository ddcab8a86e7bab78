-- Dateline desk, format 9: the tags list counts each managed tag's stories (issue 15). Tags
-- compare without case, and the index of format 4 (`tags_by_tag`) is in SQLite's binary order,
-- so each count scanned every story's tags: 0.45 s of CPU for 14 tags on a 100,000-story desk,
-- at every start of the window. An index in the comparison's collation makes each count a seek.
CREATE INDEX article_tags_by_tag_nocase ON article_tags(tag COLLATE NOCASE, article_id);
