-- CreateEnum
CREATE TYPE "InstrumentKind" AS ENUM ('QUESTIONNAIRE', 'GUIDE');

-- CreateEnum
CREATE TYPE "VersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "Instrument" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "studyId" UUID NOT NULL,
    "kind" "InstrumentKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentVersion" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "instrumentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "VersionStatus" NOT NULL DEFAULT 'DRAFT',
    "content" JSONB NOT NULL,
    "contentHash" TEXT,
    "createdById" UUID,
    "publishedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InstrumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_studyId_name_key" ON "Instrument"("studyId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "InstrumentVersion_instrumentId_number_key" ON "InstrumentVersion"("instrumentId", "number");

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentVersion" ADD CONSTRAINT "InstrumentVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A published version is the exact text experts answered: the database refuses to change it.
-- (Deleting one is left to the application, which refuses it once the version has responses.)
CREATE FUNCTION "instrument_version_published_is_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'PUBLISHED' THEN
    RAISE EXCEPTION 'InstrumentVersion % is published and cannot be changed', OLD."id"
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "InstrumentVersion_published_immutable"
BEFORE UPDATE ON "InstrumentVersion"
FOR EACH ROW EXECUTE FUNCTION "instrument_version_published_is_immutable"();
