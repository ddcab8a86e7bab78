-- Newsroom server, format 1: the group roles, the shared library (stories, revisions as a
-- graph, moves, notes, authors, sections, tags, photos, crops, originals in chunks), who may do
-- what (grants + row-level security + triggers), and the change numbers desks pull by.
--
-- Run once by `dateline newsroom init URL` as a role that may create roles and schemas; that
-- role owns the tables. Desks never connect as it: every desk is its own login role, a member
-- of exactly one of the four groups below, and the rules hold for raw SQL as for Dateline.

DO $roles$
DECLARE
    g text;
BEGIN
    -- Roles belong to the whole PostgreSQL cluster, so another newsroom database on the same
    -- cluster may have made them already (or be making them right now).
    FOREACH g IN ARRAY ARRAY['dateline_correspondent', 'dateline_editor', 'dateline_photo',
                             'dateline_admin'] LOOP
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN', g);
            END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL;
        END;
    END LOOP;
END
$roles$;

CREATE SCHEMA newsroom;
REVOKE ALL ON SCHEMA newsroom FROM PUBLIC;
GRANT USAGE ON SCHEMA newsroom
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;
-- Nobody but the owner creates objects in the public schema of a newsroom database.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The migrations applied, by number (`dateline newsroom init` reads it).
CREATE TABLE newsroom.migrations (
    version     integer PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT now(),
    applied_by  name NOT NULL DEFAULT session_user
);
GRANT SELECT ON newsroom.migrations
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;

-- What a desk checks before it syncs: the sync protocol this server speaks.
CREATE TABLE newsroom.info (
    key     text PRIMARY KEY,
    value   text NOT NULL
);
INSERT INTO newsroom.info (key, value) VALUES ('protocol', '1'), ('min_dateline', '0.1.0');
GRANT SELECT ON newsroom.info
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;

-- The people of the newsroom: one row per login role made by `dateline newsroom user add`.
CREATE TABLE newsroom.members (
    login           name PRIMARY KEY,
    display_name    text NOT NULL,
    role            text NOT NULL
                    CHECK (role IN ('correspondent', 'editor', 'photo', 'admin')),
    added_by        name NOT NULL DEFAULT session_user,
    added_at        timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON newsroom.members
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;
GRANT INSERT, UPDATE, DELETE ON newsroom.members TO dateline_admin;

-- ---- Change numbers ---------------------------------------------------------------------
-- Every row that travels carries `seq`, taken from one sequence while holding a
-- transaction-level advisory lock, so numbers are handed out in commit order: a desk that
-- pulls "everything after my cursor" never skips a row committed late (a sequence alone is
-- not a commit order). Writers queue on the lock for the length of their transaction, which
-- at a newsroom's rate (a few writes a second) costs nothing worth measuring.
CREATE SEQUENCE newsroom.change_seq;
GRANT USAGE ON SEQUENCE newsroom.change_seq
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;

CREATE FUNCTION newsroom.stamp_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(2026113013);
    NEW.seq := nextval('newsroom.change_seq');
    RETURN NEW;
END
$$;

-- Whether the connected person is an editor (or a superuser, for whom every role holds).
CREATE FUNCTION newsroom.is_editor() RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT pg_has_role(session_user, 'dateline_editor', 'MEMBER')
$$;

-- Whether a byline list names the connected person (by their newsroom name or login).
CREATE FUNCTION newsroom.bylines_me(bylines jsonb) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, newsroom AS $$
    SELECT EXISTS (
        SELECT 1 FROM jsonb_array_elements(bylines) AS b
        LEFT JOIN newsroom.members m ON m.login = session_user
        WHERE b->>'name' = session_user::text OR b->>'name' = m.display_name
    )
$$;

-- ---- Managed lists ---------------------------------------------------------------------
CREATE TABLE newsroom.authors (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    role        text NOT NULL DEFAULT '',
    bio         text NOT NULL DEFAULT '',
    portrait    uuid,
    updated_by  name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0
);
CREATE TABLE newsroom.sections (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE,
    slug        text NOT NULL UNIQUE,
    updated_by  name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0
);
CREATE TABLE newsroom.tags (
    name        text PRIMARY KEY,
    updated_by  name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0
);

-- ---- Stories ---------------------------------------------------------------------------
CREATE TABLE newsroom.stories (
    id                  uuid PRIMARY KEY,
    slug                text NOT NULL,
    headline            text NOT NULL,
    dek                 text NOT NULL DEFAULT '',
    body                text NOT NULL DEFAULT '',
    dateline            text NOT NULL DEFAULT '',
    section             text,
    language            text NOT NULL DEFAULT 'en',
    status              text NOT NULL DEFAULT 'draft'
                        CHECK (status IN ('draft', 'in_edit', 'copy_desk', 'ready',
                                          'published', 'spiked', 'archived')),
    tags                text[] NOT NULL DEFAULT '{}',
    -- [{"name": …, "role": …|null}] in order.
    bylines             jsonb NOT NULL DEFAULT '[]',
    -- {"photos": [{"photo": uuid, "crop": …|null}], "edited_by": …|null} or null.
    hero                jsonb,
    front_matter_extra  text,
    -- The revision these fields are the content of: the story's head on the server.
    head                uuid,
    trashed_at          timestamptz,
    created_by          name NOT NULL DEFAULT session_user,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_by          name NOT NULL DEFAULT session_user,
    updated_at          timestamptz NOT NULL DEFAULT now(),
    seq                 bigint NOT NULL DEFAULT 0
);
CREATE INDEX stories_by_seq ON newsroom.stories (seq);

-- The allowed moves, as `dateline::workflow::TRANSITIONS` (a test compares the two), and
-- which of them a correspondent may make: filing (Draft ⇄ In edit) and spiking their own
-- draft. Everything else along the workflow is an editor's.
CREATE TABLE newsroom.workflow_moves (
    from_status     text NOT NULL,
    to_status       text NOT NULL,
    correspondent   boolean NOT NULL,
    PRIMARY KEY (from_status, to_status)
);
INSERT INTO newsroom.workflow_moves (from_status, to_status, correspondent) VALUES
    ('draft', 'in_edit', true),
    ('draft', 'spiked', true),
    ('in_edit', 'draft', true),
    ('in_edit', 'copy_desk', false),
    ('in_edit', 'spiked', false),
    ('copy_desk', 'in_edit', false),
    ('copy_desk', 'ready', false),
    ('copy_desk', 'spiked', false),
    ('ready', 'copy_desk', false),
    ('ready', 'published', false),
    ('ready', 'spiked', false),
    ('published', 'in_edit', false),
    ('published', 'archived', false),
    ('spiked', 'draft', true),
    ('archived', 'published', false),
    ('archived', 'draft', false);
GRANT SELECT ON newsroom.workflow_moves
    TO dateline_correspondent, dateline_editor, dateline_photo, dateline_admin;

CREATE FUNCTION newsroom.status_label(s text) RETURNS text
LANGUAGE sql IMMUTABLE SET search_path = pg_catalog AS $$
    SELECT CASE s WHEN 'draft' THEN 'Draft' WHEN 'in_edit' THEN 'In edit'
        WHEN 'copy_desk' THEN 'Copy desk' WHEN 'ready' THEN 'Ready'
        WHEN 'published' THEN 'Published' WHEN 'spiked' THEN 'Spiked'
        WHEN 'archived' THEN 'Archived' ELSE s END
$$;

-- Identity comes from the connection, and a status changes only along an allowed move that
-- the connected person's role may make. Messages are for the journalist whose desk shows them.
CREATE FUNCTION newsroom.story_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
DECLARE
    for_correspondents boolean;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := session_user;
        -- A story sent again is skipped by ON CONFLICT; its status was checked the first time.
        IF EXISTS (SELECT 1 FROM newsroom.stories s WHERE s.id = NEW.id) THEN
            RETURN NEW;
        END IF;
        IF NEW.status NOT IN ('draft', 'in_edit') AND NOT newsroom.is_editor() THEN
            RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                MESSAGE = format('Only an editor can send a new story to the newsroom as %s; '
                                 'file it as Draft or In edit.', newsroom.status_label(NEW.status));
        END IF;
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
        IF NEW.status IS DISTINCT FROM OLD.status THEN
            SELECT m.correspondent INTO for_correspondents FROM newsroom.workflow_moves m
            WHERE m.from_status = OLD.status AND m.to_status = NEW.status;
            IF NOT FOUND THEN
                RAISE EXCEPTION USING ERRCODE = 'check_violation',
                    MESSAGE = format('A story in %s cannot move to %s.',
                                     newsroom.status_label(OLD.status),
                                     newsroom.status_label(NEW.status));
            END IF;
            IF NOT for_correspondents AND NOT newsroom.is_editor() THEN
                RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
                    MESSAGE = format('Only an editor can move a story from %s to %s.',
                                     newsroom.status_label(OLD.status),
                                     newsroom.status_label(NEW.status));
            END IF;
        END IF;
    END IF;
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER stories_guard BEFORE INSERT OR UPDATE ON newsroom.stories
    FOR EACH ROW EXECUTE FUNCTION newsroom.story_guard();

-- ---- Revisions: the history, a graph -------------------------------------------------
CREATE TABLE newsroom.revisions (
    id          uuid PRIMARY KEY,
    story_id    uuid NOT NULL REFERENCES newsroom.stories(id),
    -- One parent for an edit, two for a merge, none for the first revision.
    parents     uuid[] NOT NULL DEFAULT '{}',
    -- The newsroom login that sent it (set by the server, whatever the desk says).
    author      name NOT NULL DEFAULT session_user,
    reason      text NOT NULL DEFAULT '',
    -- The desk's clock: shown, never used for ordering.
    created_at  timestamptz NOT NULL,
    -- The whole story as the desk's revision snapshot (JSON of `ArticleDraft`).
    snapshot    jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    seq         bigint NOT NULL DEFAULT 0
);
CREATE INDEX revisions_by_story ON newsroom.revisions (story_id);
CREATE INDEX revisions_by_seq ON newsroom.revisions (seq);

CREATE FUNCTION newsroom.stamp_author() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.author := session_user;
    NEW.received_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER revisions_author BEFORE INSERT ON newsroom.revisions
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_author();

-- ---- Moves and notes -------------------------------------------------------------------
CREATE TABLE newsroom.moves (
    id          uuid PRIMARY KEY,
    story_id    uuid NOT NULL REFERENCES newsroom.stories(id),
    from_status text NOT NULL,
    to_status   text NOT NULL,
    who         name NOT NULL DEFAULT session_user,
    at          timestamptz NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now(),
    seq         bigint NOT NULL DEFAULT 0
);
CREATE INDEX moves_by_seq ON newsroom.moves (seq);

-- A move is recorded by inserting it; the story follows, through the story's own rules (so
-- a move a person may not make is refused by the same check as a raw UPDATE).
CREATE FUNCTION newsroom.apply_move() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
DECLARE
    current text;
BEGIN
    -- A move sent again (a desk killed before it recorded the first send) is the same move:
    -- ON CONFLICT skips it, and it must not be applied twice.
    IF EXISTS (SELECT 1 FROM newsroom.moves m WHERE m.id = NEW.id) THEN
        RETURN NEW;
    END IF;
    NEW.who := session_user;
    NEW.received_at := now();
    SELECT s.status INTO current FROM newsroom.stories s WHERE s.id = NEW.story_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'You cannot move this story: it is not yours, and you are not an editor.';
    END IF;
    IF current <> NEW.from_status THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            MESSAGE = format('The story is in %s in the newsroom, not in %s: someone moved it first.',
                             newsroom.status_label(current),
                             newsroom.status_label(NEW.from_status));
    END IF;
    UPDATE newsroom.stories SET status = NEW.to_status WHERE id = NEW.story_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'You cannot move this story: it is not yours, and you are not an editor.';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER moves_apply BEFORE INSERT ON newsroom.moves
    FOR EACH ROW EXECUTE FUNCTION newsroom.apply_move();

CREATE TABLE newsroom.notes (
    id          uuid PRIMARY KEY,
    story_id    uuid NOT NULL REFERENCES newsroom.stories(id),
    who         name NOT NULL DEFAULT session_user,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL,
    seq         bigint NOT NULL DEFAULT 0
);
CREATE INDEX notes_by_seq ON newsroom.notes (seq);

CREATE FUNCTION newsroom.stamp_who() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.who := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER notes_who BEFORE INSERT ON newsroom.notes
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_who();

-- ---- Photos ----------------------------------------------------------------------------
CREATE TABLE newsroom.photos (
    id              uuid PRIMARY KEY,
    sha256          text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    original_name   text NOT NULL,
    mime            text NOT NULL,
    width           integer NOT NULL,
    height          integer NOT NULL,
    caption         text NOT NULL DEFAULT '',
    creator         text NOT NULL DEFAULT '',
    agency          text NOT NULL DEFAULT '',
    distributor     text NOT NULL DEFAULT '',
    copyright       text NOT NULL DEFAULT '',
    alt_text        text NOT NULL DEFAULT '',
    usage_terms     text NOT NULL DEFAULT '',
    credit_override text,
    focus_x         double precision NOT NULL DEFAULT 0.5,
    focus_y         double precision NOT NULL DEFAULT 0.5,
    embedded        text NOT NULL DEFAULT '{}',
    imported_by     name NOT NULL DEFAULT session_user,
    imported_at     timestamptz NOT NULL,
    updated_by      name NOT NULL DEFAULT session_user,
    seq             bigint NOT NULL DEFAULT 0
);
CREATE INDEX photos_by_seq ON newsroom.photos (seq);

CREATE TABLE newsroom.crops (
    photo_id    uuid NOT NULL REFERENCES newsroom.photos(id),
    name        text NOT NULL,
    aspect      text NOT NULL,
    x double precision NOT NULL, y double precision NOT NULL,
    w double precision NOT NULL, h double precision NOT NULL,
    updated_by  name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (photo_id, name)
);
CREATE INDEX crops_by_seq ON newsroom.crops (seq);

CREATE FUNCTION newsroom.photo_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.imported_by := session_user;
    ELSE
        NEW.imported_by := OLD.imported_by;
        NEW.sha256 := OLD.sha256;
    END IF;
    NEW.updated_by := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER photos_guard BEFORE INSERT OR UPDATE ON newsroom.photos
    FOR EACH ROW EXECUTE FUNCTION newsroom.photo_guard();

CREATE FUNCTION newsroom.stamp_updated_by() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.updated_by := session_user;
    RETURN NEW;
END
$$;
CREATE TRIGGER crops_by BEFORE INSERT OR UPDATE ON newsroom.crops
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_updated_by();
CREATE TRIGGER authors_by BEFORE INSERT OR UPDATE ON newsroom.authors
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_updated_by();
CREATE TRIGGER sections_by BEFORE INSERT OR UPDATE ON newsroom.sections
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_updated_by();
CREATE TRIGGER tags_by BEFORE INSERT OR UPDATE ON newsroom.tags
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_updated_by();

-- Originals travel once, by SHA-256, in chunks of at most 1 MiB, so an upload on a bad line
-- resumes where it stopped. An original is `complete` only when its chunks hash to its name
-- (checked by the server when a desk says it is done).
CREATE TABLE newsroom.originals (
    sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size        bigint NOT NULL CHECK (size >= 0),
    chunks      integer NOT NULL CHECK (chunks >= 0),
    complete    boolean NOT NULL DEFAULT false,
    uploaded_by name NOT NULL DEFAULT session_user,
    seq         bigint NOT NULL DEFAULT 0
);
CREATE TABLE newsroom.original_chunks (
    sha256      text NOT NULL REFERENCES newsroom.originals(sha256),
    n           integer NOT NULL CHECK (n >= 0),
    data        bytea NOT NULL CHECK (length(data) <= 1048576),
    PRIMARY KEY (sha256, n)
);

CREATE FUNCTION newsroom.original_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
DECLARE
    got text;
    have integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        NEW.uploaded_by := session_user;
        NEW.complete := false;
        RETURN NEW;
    END IF;
    IF OLD.complete THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'A complete original never changes.';
    END IF;
    NEW.sha256 := OLD.sha256; NEW.size := OLD.size; NEW.chunks := OLD.chunks;
    NEW.uploaded_by := OLD.uploaded_by;
    IF NEW.complete THEN
        SELECT count(*), encode(sha256(coalesce(string_agg(c.data, ''::bytea ORDER BY c.n), ''::bytea)), 'hex')
        INTO have, got FROM newsroom.original_chunks c WHERE c.sha256 = NEW.sha256;
        IF have <> NEW.chunks OR got <> NEW.sha256 THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                MESSAGE = 'The photo file that arrived does not match the one the desk sent; it will be sent again.';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER originals_guard BEFORE INSERT OR UPDATE ON newsroom.originals
    FOR EACH ROW EXECUTE FUNCTION newsroom.original_guard();

-- Chunks of a complete original never change either.
CREATE FUNCTION newsroom.chunk_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, newsroom AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM newsroom.originals o WHERE o.sha256 = NEW.sha256 AND o.complete) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = 'A complete original never changes.';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER chunks_guard BEFORE INSERT OR UPDATE ON newsroom.original_chunks
    FOR EACH ROW EXECUTE FUNCTION newsroom.chunk_guard();

-- ---- Change numbers on everything that travels ----------------------------------------
CREATE TRIGGER authors_seq BEFORE INSERT OR UPDATE ON newsroom.authors
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER sections_seq BEFORE INSERT OR UPDATE ON newsroom.sections
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER tags_seq BEFORE INSERT OR UPDATE ON newsroom.tags
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER stories_seq BEFORE INSERT OR UPDATE ON newsroom.stories
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER revisions_seq BEFORE INSERT ON newsroom.revisions
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER moves_seq BEFORE INSERT ON newsroom.moves
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER notes_seq BEFORE INSERT ON newsroom.notes
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER photos_seq BEFORE INSERT OR UPDATE ON newsroom.photos
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER crops_seq BEFORE INSERT OR UPDATE ON newsroom.crops
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
CREATE TRIGGER originals_seq BEFORE INSERT OR UPDATE ON newsroom.originals
    FOR EACH ROW EXECUTE FUNCTION newsroom.stamp_change();
