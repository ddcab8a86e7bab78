-- Newsroom server, format 2: who may do what, as grants (which statements a role may run at
-- all) and row-level security (which rows it may see and write). FORCE makes the policies
-- hold for the tables' owner too; superusers still bypass them, and no desk is one.
--
-- Correspondents: see published stories and the stories they made or are bylined on; write
-- and file their own; import photos and edit the ones they imported.
-- Photo desk: read every story; every photo's fields and crops; no story text.
-- Editors: everything in the workflow, publishing included.
-- Admins: the members list (and, through their CREATEROLE login, the roles).
-- Nobody updates or deletes a revision, a move or a note: history is append-only. Nobody
-- deletes a story: the trash is a column.

ALTER TABLE newsroom.stories ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.stories FORCE ROW LEVEL SECURITY;
ALTER TABLE newsroom.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.revisions FORCE ROW LEVEL SECURITY;
ALTER TABLE newsroom.moves ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.moves FORCE ROW LEVEL SECURITY;
ALTER TABLE newsroom.notes ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.notes FORCE ROW LEVEL SECURITY;
ALTER TABLE newsroom.photos ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.photos FORCE ROW LEVEL SECURITY;
ALTER TABLE newsroom.crops ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.crops FORCE ROW LEVEL SECURITY;

-- ---- Grants: statements ----------------------------------------------------------------
GRANT SELECT ON newsroom.stories, newsroom.revisions, newsroom.moves, newsroom.notes,
                newsroom.photos, newsroom.crops, newsroom.authors, newsroom.sections,
                newsroom.tags, newsroom.originals, newsroom.original_chunks
    TO dateline_correspondent, dateline_editor, dateline_photo;

GRANT INSERT, UPDATE ON newsroom.stories TO dateline_correspondent, dateline_editor;
GRANT INSERT ON newsroom.revisions, newsroom.moves
    TO dateline_correspondent, dateline_editor;
GRANT INSERT ON newsroom.notes TO dateline_correspondent, dateline_editor, dateline_photo;
GRANT INSERT, UPDATE ON newsroom.photos, newsroom.crops
    TO dateline_correspondent, dateline_editor, dateline_photo;
GRANT INSERT, UPDATE ON newsroom.originals, newsroom.original_chunks
    TO dateline_correspondent, dateline_editor, dateline_photo;
-- Managed lists: anyone who writes may add a name; renaming is an editor's.
GRANT INSERT ON newsroom.authors, newsroom.sections, newsroom.tags
    TO dateline_correspondent, dateline_editor, dateline_photo;
GRANT UPDATE ON newsroom.authors, newsroom.sections, newsroom.tags TO dateline_editor;

-- ---- Stories ---------------------------------------------------------------------------
CREATE POLICY stories_editor ON newsroom.stories TO dateline_editor
    USING (true) WITH CHECK (true);
CREATE POLICY stories_photo_read ON newsroom.stories FOR SELECT TO dateline_photo
    USING (true);
CREATE POLICY stories_correspondent_read ON newsroom.stories FOR SELECT
    TO dateline_correspondent
    USING (status = 'published' OR created_by = session_user OR newsroom.bylines_me(bylines));
CREATE POLICY stories_correspondent_insert ON newsroom.stories FOR INSERT
    TO dateline_correspondent
    WITH CHECK (created_by = session_user);
CREATE POLICY stories_correspondent_update ON newsroom.stories FOR UPDATE
    TO dateline_correspondent
    USING (created_by = session_user OR newsroom.bylines_me(bylines))
    WITH CHECK (created_by = session_user OR newsroom.bylines_me(bylines));

-- ---- Revisions, moves, notes: seen with their story, written where the story may be -----
-- A subquery on stories inside a policy runs with the same person's policies on stories,
-- so "EXISTS (… stories …)" means "a story this person can see".
CREATE POLICY revisions_read ON newsroom.revisions FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo
    USING (EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));
CREATE POLICY revisions_editor_insert ON newsroom.revisions FOR INSERT TO dateline_editor
    WITH CHECK (true);
CREATE POLICY revisions_correspondent_insert ON newsroom.revisions FOR INSERT
    TO dateline_correspondent
    WITH CHECK (EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id
                        AND (s.created_by = session_user OR newsroom.bylines_me(s.bylines))));

CREATE POLICY moves_read ON newsroom.moves FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo
    USING (EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));
CREATE POLICY moves_insert ON newsroom.moves FOR INSERT
    TO dateline_correspondent, dateline_editor
    WITH CHECK (who = session_user);

CREATE POLICY notes_read ON newsroom.notes FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo
    USING (EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));
CREATE POLICY notes_insert ON newsroom.notes FOR INSERT
    TO dateline_correspondent, dateline_editor, dateline_photo
    WITH CHECK (who = session_user
                AND EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));

-- ---- Photos ----------------------------------------------------------------------------
CREATE POLICY photos_read ON newsroom.photos FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo USING (true);
CREATE POLICY photos_insert ON newsroom.photos FOR INSERT
    TO dateline_correspondent, dateline_editor, dateline_photo WITH CHECK (true);
CREATE POLICY photos_desk_update ON newsroom.photos FOR UPDATE
    TO dateline_editor, dateline_photo USING (true) WITH CHECK (true);
CREATE POLICY photos_correspondent_update ON newsroom.photos FOR UPDATE
    TO dateline_correspondent
    USING (imported_by = session_user) WITH CHECK (imported_by = session_user);

CREATE POLICY crops_read ON newsroom.crops FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo USING (true);
CREATE POLICY crops_desk_write ON newsroom.crops
    TO dateline_editor, dateline_photo USING (true) WITH CHECK (true);
CREATE POLICY crops_correspondent_insert ON newsroom.crops FOR INSERT
    TO dateline_correspondent
    WITH CHECK (EXISTS (SELECT 1 FROM newsroom.photos p WHERE p.id = photo_id
                        AND p.imported_by = session_user));
CREATE POLICY crops_correspondent_update ON newsroom.crops FOR UPDATE
    TO dateline_correspondent
    USING (EXISTS (SELECT 1 FROM newsroom.photos p WHERE p.id = photo_id
                   AND p.imported_by = session_user))
    WITH CHECK (EXISTS (SELECT 1 FROM newsroom.photos p WHERE p.id = photo_id
                        AND p.imported_by = session_user));
