-- A published version is never deleted either: exports and responses name it by its number and hash.
CREATE FUNCTION "instrument_version_published_is_kept"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'InstrumentVersion % is published and cannot be deleted', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "InstrumentVersion_published_kept"
BEFORE DELETE ON "InstrumentVersion"
FOR EACH ROW EXECUTE FUNCTION "instrument_version_published_is_kept"();
