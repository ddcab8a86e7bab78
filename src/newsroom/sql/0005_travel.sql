-- Newsroom server, format 5: what did not travel before, and the one-question no-op sync.
--
-- * Emptying the trash travels: `stories.purged_at`. A story is purged only from the trash, by
--   whoever may write it (the policies of format 2); a purged story never changes again and
--   is never handed to a desk as new. Its history stays on the server (nobody deletes rows).
-- * Renames of tags travel: a tag keeps every name it had (`aliases`), so a desk that missed
--   several renames still finds its old name. Renames of sections and authors travel by id
--   (the tables had one); an author's portrait travels as the photo's global id (`portrait`).
--   Renaming stays an editor's (grants of format 2).
-- * Code replacements (`=rtr=` → "Reuters") travel: `code_replacements`, written by the
--   photo desk and editors, read by all; a removal is a row marked `removed`.
-- * A revision records who wrote it as the writing desk stamped it (`written_by`), beside who
--   sent it (`author`, stamped by the server from the connection). They differ when a desk
--   relays another's bundle. `author` stays the sender of record; `written_by` is information,
--   like the desk's clock (the server cannot check it).
-- * Desks may read the change counter, so a sync with nothing to do asks one question
--   ("anything after my cursor?") instead of pulling nine tables.

ALTER TABLE newsroom.stories ADD COLUMN purged_at timestamptz;

CREATE FUNCTION newsroom.purge_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
BEGIN
    IF OLD.purged_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'This story was deleted from the newsroom''s trash; it can no longer change.';
    END IF;
    IF NEW.purged_at IS NOT NULL AND OLD.trashed_at IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = 'Only a story in the trash can be deleted for good; it is not in the newsroom''s trash.';
    END IF;
    IF NEW.purged_at IS NOT NULL THEN
        NEW.purged_at := now();
        NEW.trashed_at := OLD.trashed_at;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stories_purge BEFORE UPDATE ON newsroom.stories
    FOR EACH ROW EXECUTE FUNCTION newsroom.purge_guard();

ALTER TABLE newsroom.tags ADD COLUMN aliases text[] NOT NULL DEFAULT '{}';
CREATE FUNCTION newsroom.tag_aliases() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.name IS DISTINCT FROM OLD.name THEN
        NEW.aliases := array_append(array_remove(NEW.aliases, NEW.name), OLD.name);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER tags_aliases BEFORE UPDATE ON newsroom.tags
    FOR EACH ROW EXECUTE FUNCTION newsroom.tag_aliases();

ALTER TABLE newsroom.revisions ADD COLUMN written_by text;

CREATE TABLE newsroom.code_replacements (
    code        text PRIMARY KEY,
    expansion   text NOT NULL,
    removed     boolean NOT NULL DEFAULT false,
    updated_by  name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0
);
GRANT SELECT ON newsroom.code_replacements
    TO dateline_correspondent, dateline_editor, dateline_photo;
GRANT INSERT, UPDATE ON newsroom.code_replacements TO dateline_editor, dateline_photo;
CREATE TRIGGER codes_by BEFORE INSERT OR UPDATE ON newsroom.code_replacements
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_updated_by();
CREATE TRIGGER codes_seq BEFORE INSERT OR UPDATE ON newsroom.code_replacements
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER codes_notify AFTER INSERT OR UPDATE ON newsroom.code_replacements
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER sections_notify AFTER INSERT OR UPDATE ON newsroom.sections
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER authors_notify AFTER INSERT OR UPDATE ON newsroom.authors
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER tags_notify AFTER INSERT OR UPDATE ON newsroom.tags
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();

-- The change counter: every committed change has a number at most its value (numbers are
-- handed out under the advisory lock, in commit order), so a value at or below a desk's
-- cursor means there is nothing to pull.
GRANT SELECT ON SEQUENCE newsroom.change_seq
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;

-- One round trip before every sync: who the connection is, the server's format and protocol,
-- and the change counter.
CREATE FUNCTION newsroom.hello() RETURNS TABLE (login text, version integer, protocol text,
                                                 counter bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, newsroom AS $$
    SELECT session_user::text,
           (SELECT max(m.version) FROM newsroom.migrations m),
           (SELECT i.value FROM newsroom.info i WHERE i.key = 'protocol'),
           (SELECT CASE WHEN s.is_called THEN s.last_value ELSE 0 END FROM newsroom.change_seq s)
$$;
GRANT EXECUTE ON FUNCTION newsroom.hello()
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;
