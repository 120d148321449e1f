-- Deleting the demo study and everything in it, in one step (lib/study/delete-demo.ts audits it).
-- Only a study marked isDemo can go this way; for every other study the protections stay whole.
-- The function names the study in `expert_panel.deleting_study` for its own transaction only:
-- the archived guard lets that study's rows through, and so does the guard of published versions,
-- but only for a demo study's versions.

CREATE OR REPLACE FUNCTION "instrument_version_published_is_kept"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' AND NOT EXISTS (
    SELECT 1 FROM "Instrument" i JOIN "Study" s ON s."id" = i."studyId"
     WHERE i."id" = OLD."instrumentId" AND s."isDemo"
       AND s."id"::text = current_setting('expert_panel.deleting_study', true)
  ) THEN
    RAISE EXCEPTION 'InstrumentVersion % is published and cannot be deleted', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

CREATE FUNCTION "delete_demo_study"(p_study UUID) RETURNS JSONB
LANGUAGE plpgsql AS $$
DECLARE
  v_experts UUID[];
  v_users UUID[];
  v_result JSONB;
  v_removed INT;
  v_emptied INT;
BEGIN
  PERFORM 1 FROM "Study" WHERE "id" = p_study FOR UPDATE;
  IF NOT EXISTS (SELECT 1 FROM "Study" WHERE "id" = p_study AND "isDemo") THEN
    RAISE EXCEPTION 'Only a demo study can be deleted.' USING ERRCODE = 'EPDEL';
  END IF;
  PERFORM set_config('expert_panel.deleting_study', p_study::text, true);

  SELECT coalesce(array_agg("id"), '{}') INTO v_experts FROM "Expert" WHERE "studyId" = p_study;
  -- Expert accounts that belong to no other study leave with it.
  SELECT coalesce(array_agg(DISTINCT e."userId"), '{}') INTO v_users
    FROM "Expert" e JOIN "User" u ON u."id" = e."userId"
   WHERE e."studyId" = p_study AND u."role" = 'EXPERT'
     AND NOT EXISTS (SELECT 1 FROM "Expert" o WHERE o."userId" = e."userId" AND o."studyId" <> p_study);
  v_result := jsonb_build_object(
    'experts', cardinality(v_experts),
    'responses', (SELECT count(*) FROM "Response" WHERE "expertId" = ANY (v_experts)),
    'interviews', (SELECT count(*) FROM "Interview" WHERE "expertId" = ANY (v_experts)),
    'instruments', (SELECT count(*) FROM "Instrument" WHERE "studyId" = p_study));

  -- Interviews and responses first: they keep their versions (ON DELETE RESTRICT).
  DELETE FROM "Interview" WHERE "expertId" = ANY (v_experts);
  DELETE FROM "Response" WHERE "expertId" = ANY (v_experts);
  DELETE FROM "Expert" WHERE "studyId" = p_study;
  -- Waves name their version (ON DELETE RESTRICT): they go before the versions.
  DELETE FROM "Wave" w USING "Instrument" i WHERE w."instrumentId" = i."id" AND i."studyId" = p_study;
  DELETE FROM "InstrumentVersion" v USING "Instrument" i WHERE v."instrumentId" = i."id" AND i."studyId" = p_study;
  DELETE FROM "Study" WHERE "id" = p_study;

  -- An account the audit log names as an actor is kept for the log (its foreign key), emptied of
  -- personal data and disabled; the others are deleted.
  DELETE FROM "User" u WHERE u."id" = ANY (v_users) AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."actorId" = u."id");
  GET DIAGNOSTICS v_removed = ROW_COUNT;
  UPDATE "User" SET "email" = 'deleted-' || "id" || '@deleted.invalid', "name" = 'Deleted expert', "passwordHash" = NULL,
                    "disabledAt" = coalesce("disabledAt", now()), "updatedAt" = now()
   WHERE "id" = ANY (v_users);
  GET DIAGNOSTICS v_emptied = ROW_COUNT;
  UPDATE "AuthSession" SET "revokedAt" = now(), "revokedWhy" = 'study-deleted' WHERE "userId" = ANY (v_users) AND "revokedAt" IS NULL;

  PERFORM set_config('expert_panel.deleting_study', '', true);
  RETURN v_result || jsonb_build_object('accountsDeleted', v_removed, 'accountsEmptied', v_emptied);
END;
$$;
