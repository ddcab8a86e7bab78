-- Newsroom server, format 6: a correspondent changes a story only before the editors have
-- it. While a story is a Draft or In edit (or Spiked, from where its correspondent may bring
-- it back), its correspondent may change its words, its fields and its place in the trash,
-- as format 2 says. Once an editor has moved it on (Copy desk, Ready, Published, Archived),
-- only editors may: a correspondent's edit, revision or trashing is refused with words that
-- say why, and the desk keeps the words (the sync records the refusal and takes the
-- newsroom's version). Editors are not limited by this; photo desks could never write stories.

CREATE FUNCTION newsroom.editors_only(status text) RETURNS boolean
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT status IN ('copy_desk', 'ready', 'published', 'archived')
$$;

CREATE FUNCTION newsroom.past_the_desk_story() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
BEGIN
    IF newsroom.is_editor() OR NOT newsroom.editors_only(OLD.status) THEN
        RETURN NEW;
    END IF;
    -- A move is checked by the story's guard (format 1); everything else is the editors'.
    IF (NEW.slug, NEW.headline, NEW.dek, NEW.body, NEW.dateline, NEW.section, NEW.language,
        NEW.tags, NEW.bylines, NEW.hero, NEW.front_matter_extra, NEW.head, NEW.trashed_at,
        NEW.purged_at)
       IS DISTINCT FROM
       (OLD.slug, OLD.headline, OLD.dek, OLD.body, OLD.dateline, OLD.section, OLD.language,
        OLD.tags, OLD.bylines, OLD.hero, OLD.front_matter_extra, OLD.head, OLD.trashed_at,
        OLD.purged_at) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('The story is %s in the newsroom: from there only an editor can '
                             'change it. Your words stay on your desk.',
                             newsroom.status_label(OLD.status));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER stories_past_the_desk BEFORE UPDATE ON newsroom.stories
    FOR EACH ROW EXECUTE FUNCTION newsroom.past_the_desk_story();

CREATE FUNCTION newsroom.past_the_desk_revision() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
DECLARE
    current text;
BEGIN
    IF newsroom.is_editor() THEN
        RETURN NEW;
    END IF;
    -- A revision sent again (a sync cut short after the server took it) is skipped by
    -- ON CONFLICT; it was checked the first time.
    IF EXISTS (SELECT 1 FROM newsroom.revisions r WHERE r.id = NEW.id) THEN
        RETURN NEW;
    END IF;
    SELECT s.status INTO current FROM newsroom.stories s WHERE s.id = NEW.story_id;
    IF FOUND AND newsroom.editors_only(current) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('The story is %s in the newsroom: from there only an editor can '
                             'change it. Your words stay on your desk.',
                             newsroom.status_label(current));
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER revisions_past_the_desk BEFORE INSERT ON newsroom.revisions
    FOR EACH ROW EXECUTE FUNCTION newsroom.past_the_desk_revision();
