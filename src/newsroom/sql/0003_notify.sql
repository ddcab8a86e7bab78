-- Newsroom server, format 3: a wake-up for online desks. Every transaction that changes what
-- desks pull sends one notification on the channel `dateline_newsroom` when it commits
-- (PostgreSQL drops duplicates within a transaction and sends nothing for a rollback). A
-- notification is a hint to pull, not a delivery: a desk pulls after every (re)connect
-- whatever it heard, and a notification sent while it was away is simply gone.

CREATE FUNCTION newsroom.notify_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_notify('dateline_newsroom', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER stories_notify AFTER INSERT OR UPDATE ON newsroom.stories
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER revisions_notify AFTER INSERT ON newsroom.revisions
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER moves_notify AFTER INSERT ON newsroom.moves
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER notes_notify AFTER INSERT ON newsroom.notes
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER photos_notify AFTER INSERT OR UPDATE ON newsroom.photos
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
CREATE TRIGGER crops_notify AFTER INSERT OR UPDATE ON newsroom.crops
    FOR EACH STATEMENT EXECUTE FUNCTION newsroom.notify_change();
