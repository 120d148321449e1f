-- Waves and Delphi rounds: a questionnaire is answered in one or more waves; a response is keyed by
-- the expert, the questionnaire and the wave number, so a second wave or a Delphi round needs no
-- schema change. Wave 1 exists for every questionnaire (created by the database with it).

CREATE TYPE "WaveKind" AS ENUM ('WAVE', 'DELPHI_ROUND');
CREATE TYPE "WaveStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');
CREATE TYPE "WaveAudience" AS ENUM ('PANEL', 'PREVIOUS_COMPLETED');

CREATE TABLE "Wave" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "instrumentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "kind" "WaveKind" NOT NULL DEFAULT 'WAVE',
    "status" "WaveStatus" NOT NULL DEFAULT 'OPEN',
    "audience" "WaveAudience" NOT NULL DEFAULT 'PANEL',
    "versionId" UUID,
    "itemCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "realtime" BOOLEAN NOT NULL DEFAULT false,
    "rules" JSONB,
    "closesAt" TIMESTAMPTZ(3),
    "openedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Wave_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Wave_number_positive" CHECK ("number" >= 1)
);

CREATE UNIQUE INDEX "Wave_instrumentId_number_key" ON "Wave"("instrumentId", "number");

ALTER TABLE "Wave" ADD CONSTRAINT "Wave_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Wave" ADD CONSTRAINT "Wave_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "InstrumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Wave" ADD CONSTRAINT "Wave_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Wave 1 of every existing questionnaire, open since the questionnaire was created.
INSERT INTO "Wave" ("instrumentId", "number", "status", "openedAt", "createdAt")
SELECT i."id", 1, 'OPEN', i."createdAt", i."createdAt" FROM "Instrument" i WHERE i."kind" = 'QUESTIONNAIRE';

-- Every new questionnaire gets its wave 1, whoever creates it (the app, a seed, an import or a copy).
CREATE FUNCTION "instrument_first_wave"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."kind" = 'QUESTIONNAIRE' THEN
    INSERT INTO "Wave" ("instrumentId", "number", "status", "openedAt") VALUES (NEW."id", 1, 'OPEN', now());
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Instrument_first_wave" AFTER INSERT ON "Instrument" FOR EACH ROW EXECUTE FUNCTION "instrument_first_wave"();

-- What a wave asks and how it is judged is fixed once it opens: only its status (forward only:
-- planned -> open -> closed), its closing date and the open/close times change after that.
CREATE FUNCTION "wave_fixed_once_open"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."instrumentId" <> OLD."instrumentId" OR NEW."number" <> OLD."number" THEN
    RAISE EXCEPTION 'a wave keeps its questionnaire and number' USING ERRCODE = '42501';
  END IF;
  IF OLD."status" <> 'PLANNED' AND (
       NEW."kind" IS DISTINCT FROM OLD."kind" OR NEW."audience" IS DISTINCT FROM OLD."audience"
    OR NEW."versionId" IS DISTINCT FROM OLD."versionId" OR NEW."itemCodes" IS DISTINCT FROM OLD."itemCodes"
    OR NEW."realtime" IS DISTINCT FROM OLD."realtime" OR NEW."rules" IS DISTINCT FROM OLD."rules") THEN
    RAISE EXCEPTION 'wave % is open or closed: its items, audience and rules are fixed', OLD."number" USING ERRCODE = '42501';
  END IF;
  IF (OLD."status" = 'OPEN' AND NEW."status" = 'PLANNED') OR (OLD."status" = 'CLOSED' AND NEW."status" <> 'CLOSED') THEN
    RAISE EXCEPTION 'a wave goes planned -> open -> closed, never back' USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Wave_fixed_once_open" BEFORE UPDATE ON "Wave" FOR EACH ROW EXECUTE FUNCTION "wave_fixed_once_open"();

-- A response belongs to one wave of its questionnaire.
ALTER TABLE "Response" ADD COLUMN "wave" INTEGER NOT NULL DEFAULT 1;
DROP INDEX "Response_expertId_instrumentId_key";
CREATE UNIQUE INDEX "Response_expertId_instrumentId_wave_key" ON "Response"("expertId", "instrumentId", "wave");
CREATE INDEX "Response_instrumentId_wave_status_idx" ON "Response"("instrumentId", "wave", "status");
ALTER TABLE "Response" ADD CONSTRAINT "Response_instrumentId_wave_fkey" FOREIGN KEY ("instrumentId", "wave") REFERENCES "Wave"("instrumentId", "number") ON DELETE CASCADE ON UPDATE CASCADE;

-- save_answer now names the wave the save is for (the application resolves it: lib/study/waves.ts).
DROP FUNCTION "save_answer"(uuid, uuid, uuid, jsonb, text, integer, uuid, jsonb);
CREATE FUNCTION "save_answer"(
  p_expert uuid,
  p_instrument uuid,
  p_version uuid,
  p_option_order jsonb,
  p_item text,
  p_base integer,
  p_mutation uuid,
  p_value jsonb,
  p_wave integer
) RETURNS TABLE ("outcome" text, "revision" integer, "value" jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  v_response uuid;
  v_status "ResponseStatus";
  v_version uuid;
  v_replay_response uuid;
  v_replay_item text;
  v_replay_revision integer;
  v_revision integer;
  v_value jsonb;
BEGIN
  INSERT INTO "Response" ("expertId", "instrumentId", "wave", "versionId", "optionOrder")
  VALUES (p_expert, p_instrument, p_wave, p_version, p_option_order)
  ON CONFLICT ("expertId", "instrumentId", "wave") DO NOTHING;

  SELECT r."id", r."status", r."versionId" INTO v_response, v_status, v_version
  FROM "Response" r WHERE r."expertId" = p_expert AND r."instrumentId" = p_instrument AND r."wave" = p_wave
  FOR UPDATE;

  IF v_version <> p_version THEN
    RETURN QUERY SELECT 'version_changed'::text, 0, NULL::jsonb;
    RETURN;
  END IF;

  SELECT m."responseId", m."itemCode", m."revision" INTO v_replay_response, v_replay_item, v_replay_revision
  FROM "AnswerMutation" m WHERE m."id" = p_mutation;
  IF FOUND THEN
    IF v_replay_response <> v_response OR v_replay_item <> p_item THEN
      RETURN QUERY SELECT 'mutation_reused'::text, 0, NULL::jsonb;
    ELSE
      RETURN QUERY SELECT 'replay'::text, v_replay_revision, NULL::jsonb;
    END IF;
    RETURN;
  END IF;

  IF v_status = 'SUBMITTED' THEN
    RETURN QUERY SELECT 'submitted'::text, 0, NULL::jsonb;
    RETURN;
  END IF;

  SELECT a."revision", a."value" INTO v_revision, v_value
  FROM "Answer" a WHERE a."responseId" = v_response AND a."itemCode" = p_item;
  IF NOT FOUND THEN
    v_revision := 0;
    v_value := NULL;
  END IF;
  IF v_revision <> p_base THEN
    RETURN QUERY SELECT 'conflict'::text, v_revision, v_value;
    RETURN;
  END IF;

  INSERT INTO "Answer" ("responseId", "itemCode", "value", "revision", "mutationId", "updatedAt")
  VALUES (v_response, p_item, p_value, p_base + 1, p_mutation, now())
  ON CONFLICT ("responseId", "itemCode") DO UPDATE
    SET "value" = EXCLUDED."value", "revision" = EXCLUDED."revision", "mutationId" = EXCLUDED."mutationId", "updatedAt" = EXCLUDED."updatedAt";
  INSERT INTO "AnswerMutation" ("id", "responseId", "itemCode", "revision") VALUES (p_mutation, v_response, p_item, p_base + 1);
  UPDATE "Response" SET "updatedAt" = now() WHERE "id" = v_response;
  RETURN QUERY SELECT 'saved'::text, p_base + 1, NULL::jsonb;
END;
$$;

-- Audit entries about a wave name its study, like every other entity of a study.
CREATE OR REPLACE FUNCTION "audit_study_of"(entity TEXT, entity_id TEXT) RETURNS UUID
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN entity_id IS NULL OR entity_id !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN NULL
    WHEN entity = 'Study' THEN (SELECT s."id" FROM "Study" s WHERE s."id" = entity_id::uuid)
    WHEN entity = 'Expert' THEN (SELECT e."studyId" FROM "Expert" e WHERE e."id" = entity_id::uuid)
    WHEN entity = 'Instrument' THEN (SELECT i."studyId" FROM "Instrument" i WHERE i."id" = entity_id::uuid)
    WHEN entity = 'InstrumentVersion' THEN (SELECT i."studyId" FROM "InstrumentVersion" v JOIN "Instrument" i ON i."id" = v."instrumentId" WHERE v."id" = entity_id::uuid)
    WHEN entity = 'Interview' THEN (SELECT e."studyId" FROM "Interview" iv JOIN "Expert" e ON e."id" = iv."expertId" WHERE iv."id" = entity_id::uuid)
    WHEN entity = 'Response' THEN (SELECT e."studyId" FROM "Response" r JOIN "Expert" e ON e."id" = r."expertId" WHERE r."id" = entity_id::uuid)
    WHEN entity = 'ThemeCode' THEN (SELECT c."studyId" FROM "ThemeCode" c WHERE c."id" = entity_id::uuid)
    WHEN entity = 'Wave' THEN (SELECT i."studyId" FROM "Wave" w JOIN "Instrument" i ON i."id" = w."instrumentId" WHERE w."id" = entity_id::uuid)
  END
$$;
