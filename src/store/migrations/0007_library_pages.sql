-- Dateline desk, format 7: the library in pages (issue 15). A page of the library starts just
-- after the last row the window holds (its sort key and id: a keyset), so each sort needs an
-- index in that order where the seek lands in one step, whatever the row's position. The
-- desk's indexes leave the trash out (`WHERE deleted_at IS NULL`): a query of the desk reads
-- them without visiting a row to learn whether it is trashed — the row holds the body, and
-- `deleted_at` sits behind the body's overflow pages — and the counts are read from them alone.
-- "Last change" pages use 0004's `articles_library`, already in that order.
CREATE INDEX articles_desk_by_created ON articles(created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX articles_desk_by_headline ON articles(headline COLLATE NOCASE, id)
    WHERE deleted_at IS NULL;
-- "Status" sorts along the workflow, then by last change: the workflow's rank is stored
-- inverted (Draft highest) so that every column of the key runs the same way, which lets a
-- page's start be one row-value comparison the index seeks to.
CREATE INDEX articles_desk_by_workflow ON articles(
    (CASE status WHEN 'draft' THEN 6 WHEN 'in_edit' THEN 5 WHEN 'copy_desk' THEN 4
                 WHEN 'ready' THEN 3 WHEN 'published' THEN 2 WHEN 'spiked' THEN 1 ELSE 0 END) DESC,
    updated_at DESC, id DESC) WHERE deleted_at IS NULL;
-- A status filter, and the per-status counts.
CREATE INDEX articles_desk_by_status ON articles(status, updated_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX articles_desk_by_section ON articles(section_id, updated_at DESC, id DESC)
    WHERE deleted_at IS NULL;
CREATE INDEX articles_trash ON articles(deleted_at DESC, id DESC)
    WHERE deleted_at IS NOT NULL;
