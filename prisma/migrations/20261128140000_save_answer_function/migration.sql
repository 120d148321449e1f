-- One autosave in one round trip. The application has already checked who the expert is, their
-- consent, and that the value is valid for the item; this function applies the save atomically:
--   * creates the response on first use (race-free) with the option order the expert was shown;
--   * serialises saves of one response with a row lock;
--   * acknowledges a replayed mutation id again instead of applying it twice;
--   * refuses a save based on an older revision than the stored one, returning the stored value.
-- Outcomes: saved | replay | conflict | submitted | version_changed | mutation_reused.
CREATE FUNCTION "save_answer"(
  p_expert uuid,
  p_instrument uuid,
  p_version uuid,
  p_option_order jsonb,
  p_item text,
  p_base integer,
  p_mutation uuid,
  p_value jsonb
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
  INSERT INTO "Response" ("expertId", "instrumentId", "versionId", "optionOrder")
  VALUES (p_expert, p_instrument, p_version, p_option_order)
  ON CONFLICT ("expertId", "instrumentId") DO NOTHING;

  SELECT r."id", r."status", r."versionId" INTO v_response, v_status, v_version
  FROM "Response" r WHERE r."expertId" = p_expert AND r."instrumentId" = p_instrument
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
