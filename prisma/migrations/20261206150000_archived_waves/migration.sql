-- An archived study's waves and Delphi rounds are read-only too (migration
-- 20261206100000_archived_read_only guards the rest of its data): no wave is planned, opened, closed
-- or deleted in it.
CREATE OR REPLACE FUNCTION "archived_study_of"(tbl TEXT, r JSONB) RETURNS UUID
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

CREATE TRIGGER "Wave_archived_read_only" BEFORE INSERT OR UPDATE OR DELETE ON "Wave"
FOR EACH ROW EXECUTE FUNCTION "archived_study_is_read_only"();
