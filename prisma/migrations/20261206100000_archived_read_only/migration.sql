-- An archived study is read-only: every write of its data (the study's settings, team, targets,
-- templates, panel, messages, links, instruments, interviews, notes, quotes, codes and the status of
-- its responses, waves) is refused by the database itself, with SQLSTATE 'EPARC', which the app answers
-- with 409 "archived". Reads, views and exports are untouched. Expert-side marks (link opened, new
-- link asked for, last activity) still go through, so an expert of an archived study still reaches
-- the page that says the study is closed. Deleting a whole study (function `delete_study`) sets
-- `expert_panel.deleting_study` to its id for its own transaction, which this guard lets through.

CREATE FUNCTION "archived_study_of"(tbl TEXT, r JSONB) RETURNS UUID
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN tbl = 'Study' THEN (r->>'id')::uuid
    WHEN tbl IN ('StudyMember', 'CellTarget', 'MessageTemplate', 'ThemeCode', 'Instrument', 'Expert', 'Message') THEN (r->>'studyId')::uuid
    WHEN tbl IN ('InvitationToken', 'Interview', 'Response') THEN (SELECT e."studyId" FROM "Expert" e WHERE e."id" = (r->>'expertId')::uuid)
    WHEN tbl IN ('InstrumentVersion', 'Wave') THEN (SELECT i."studyId" FROM "Instrument" i WHERE i."id" = (r->>'instrumentId')::uuid)
    WHEN tbl IN ('InterviewNote', 'Quote') THEN (SELECT e."studyId" FROM "Interview" iv JOIN "Expert" e ON e."id" = iv."expertId" WHERE iv."id" = (r->>'interviewId')::uuid)
    WHEN tbl IN ('QuoteCode', 'NoteCode') THEN (SELECT c."studyId" FROM "ThemeCode" c WHERE c."id" = (r->>'codeId')::uuid)
  END
$$;

CREATE FUNCTION "archived_study_is_read_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  rows JSONB[];
  r JSONB;
  study UUID;
BEGIN
  IF TG_OP = 'INSERT' THEN rows := ARRAY[to_jsonb(NEW)];
  ELSIF TG_OP = 'DELETE' THEN rows := ARRAY[to_jsonb(OLD)];
  ELSE
    -- What an expert's own visit writes on their row is no change of the study's data.
    IF TG_TABLE_NAME = 'Expert'
       AND to_jsonb(NEW) - 'linkOpenedAt' - 'linkRequestedAt' - 'lastActivityAt' - 'updatedAt'
         = to_jsonb(OLD) - 'linkOpenedAt' - 'linkRequestedAt' - 'lastActivityAt' - 'updatedAt' THEN
      RETURN NEW;
    END IF;
    rows := ARRAY[to_jsonb(OLD), to_jsonb(NEW)];
  END IF;
  FOREACH r IN ARRAY rows LOOP
    study := "archived_study_of"(TG_TABLE_NAME, r);
    IF study IS NOT NULL
       AND study::text IS DISTINCT FROM current_setting('expert_panel.deleting_study', true)
       AND EXISTS (SELECT 1 FROM "Study" s WHERE s."id" = study AND s."status" = 'ARCHIVED') THEN
      RAISE EXCEPTION 'This study is archived: it can be viewed but not changed.'
        USING ERRCODE = 'EPARC', DETAIL = format('%s of study %s', TG_TABLE_NAME, study);
    END IF;
  END LOOP;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Study_archived_read_only" BEFORE UPDATE OR DELETE ON "Study"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "StudyMember_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "StudyMember"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "CellTarget_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "CellTarget"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "MessageTemplate_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "MessageTemplate"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "ThemeCode_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "ThemeCode"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "Instrument_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Instrument"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "InstrumentVersion_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "InstrumentVersion"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "Wave_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Wave"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "Expert_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Expert"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
-- A message's delivery (its status) may still be recorded; no new message is queued.
CREATE TRIGGER "Message_archived_read_only" BEFORE INSERT ON "Message"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
-- Using a link is the expert's visit; issuing one is a change.
CREATE TRIGGER "InvitationToken_archived_read_only" BEFORE INSERT ON "InvitationToken"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "Interview_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Interview"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "InterviewNote_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "InterviewNote"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "Quote_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Quote"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "QuoteCode_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "QuoteCode"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
CREATE TRIGGER "NoteCode_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "NoteCode"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
-- Answers are refused by the app once a study is closed (before it can be archived); a reopened or
-- deleted response is a coordinator's change. Saves, which touch only "updatedAt", do not fire it.
CREATE TRIGGER "Response_archived_read_only" BEFORE UPDATE OF "status" OR DELETE ON "Response"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
