-- Newsroom server, format 4: who is working on a story. A soft "holder": a desk that has a
-- story open says so and refreshes it while open; a hold not refreshed for a few minutes has
-- expired (readers ignore it). It warns, never
-- stops anyone: an offline correspondent writes on regardless. An editor can take a story
-- over (the other holds on it go). Holds do not travel through sync; they are for desks that
-- are online now.

CREATE TABLE newsroom.holders (
    story_id        uuid NOT NULL REFERENCES newsroom.stories(id),
    login           name NOT NULL DEFAULT session_user,
    since           timestamptz NOT NULL DEFAULT now(),
    refreshed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (story_id, login)
);

CREATE FUNCTION newsroom.stamp_holder() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.login := session_user;
    NEW.refreshed_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.since := now();
    ELSE
        NEW.since := OLD.since;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER holders_stamp BEFORE INSERT OR UPDATE ON newsroom.holders
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_holder();

ALTER TABLE newsroom.holders ENABLE ROW LEVEL SECURITY;
ALTER TABLE newsroom.holders FORCE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE, DELETE ON newsroom.holders
    TO dateline_correspondent, dateline_editor, dateline_photo;

-- Seen with the story; written only as oneself; an editor may remove anyone's (take over).
CREATE POLICY holders_read ON newsroom.holders FOR SELECT
    TO dateline_correspondent, dateline_editor, dateline_photo
    USING (EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));
CREATE POLICY holders_insert ON newsroom.holders FOR INSERT
    TO dateline_correspondent, dateline_editor, dateline_photo
    WITH CHECK (login = session_user
                AND EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = story_id));
CREATE POLICY holders_update ON newsroom.holders FOR UPDATE
    TO dateline_correspondent, dateline_editor, dateline_photo
    USING (login = session_user) WITH CHECK (login = session_user);
CREATE POLICY holders_delete_own ON newsroom.holders FOR DELETE
    TO dateline_correspondent, dateline_photo
    USING (login = session_user);
CREATE POLICY holders_delete_editor ON newsroom.holders FOR DELETE TO dateline_editor
    USING (true);

CREATE TRIGGER holders_notify AFTER INSERT OR UPDATE OR DELETE ON newsroom.holders
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
