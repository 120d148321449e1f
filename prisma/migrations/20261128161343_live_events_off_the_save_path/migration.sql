-- Autosave no longer notifies from inside its transaction: a NOTIFY holds PostgreSQL's global
-- notification lock until the commit has been flushed, which queued every save behind the one
-- before. The app announces saved answers after commit instead (lib/live/announce.ts), and a
-- response notifies only when its status changes, not on every save that touches "updatedAt".
DROP TRIGGER answer_live_insert ON "Answer";
DROP TRIGGER answer_live_update ON "Answer";
DROP TRIGGER answer_live_delete ON "Answer";
DROP FUNCTION live_notify_answers();

DROP TRIGGER response_live_update ON "Response";

CREATE FUNCTION live_notify_response_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', json_build_object('studyId', i."studyId", 'topic', 'responses')::text)
  FROM "Instrument" i WHERE i.id = NEW."instrumentId";
  RETURN NULL;
END $$;
CREATE TRIGGER response_live_status AFTER UPDATE OF "status" ON "Response"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status") EXECUTE FUNCTION live_notify_response_status();
