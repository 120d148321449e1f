-- Running totals of submitted answers for the dashboard's summary (lib/aggregates/tally.ts).
-- CreateTable
CREATE TABLE "AnswerTally" (
    "instrumentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "country" TEXT NOT NULL,
    "grp" TEXT NOT NULL,
    "q" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "k" TEXT NOT NULL,
    "n" BIGINT NOT NULL,
    "s" DECIMAL NOT NULL,
    "ss" DECIMAL NOT NULL,
    "x" BIGINT NOT NULL,

    CONSTRAINT "AnswerTally_pkey" PRIMARY KEY ("instrumentId","versionId","country","grp","q","item","k")
);

-- CreateTable
CREATE TABLE "TalliedResponse" (
    "responseId" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "country" TEXT NOT NULL,
    "grp" TEXT NOT NULL,
    "snapshot" JSONB,

    CONSTRAINT "TalliedResponse_pkey" PRIMARY KEY ("responseId")
);

-- CreateTable
CREATE TABLE "TallyState" (
    "instrumentId" UUID NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "TallyState_pkey" PRIMARY KEY ("instrumentId")
);

-- CreateIndex
CREATE INDEX "TalliedResponse_instrumentId_idx" ON "TalliedResponse"("instrumentId");

-- AddForeignKey
ALTER TABLE "AnswerTally" ADD CONSTRAINT "AnswerTally_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TalliedResponse" ADD CONSTRAINT "TalliedResponse_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TallyState" ADD CONSTRAINT "TallyState_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A submitted response that is reopened or deleted keeps, in its TalliedResponse row, a copy of the
-- answers it was counted with, taken before anything can change them (a submitted response takes no
-- saves), so the next tally sync takes away exactly what it added.
CREATE FUNCTION "tally_snapshot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TalliedResponse" t
     SET "snapshot" = (SELECT coalesce(jsonb_object_agg(a."itemCode", a."value"), '{}'::jsonb) FROM "Answer" a WHERE a."responseId" = OLD."id")
   WHERE t."responseId" = OLD."id" AND t."snapshot" IS NULL;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Response_tally_reopened" BEFORE UPDATE OF "status" ON "Response"
  FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED' AND NEW."status" <> 'SUBMITTED') EXECUTE FUNCTION "tally_snapshot"();
CREATE TRIGGER "Response_tally_deleted" BEFORE DELETE ON "Response"
  FOR EACH ROW WHEN (OLD."status" = 'SUBMITTED') EXECUTE FUNCTION "tally_snapshot"();
