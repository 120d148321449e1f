-- Study teams: membership and role per study, and an installation administrator who manages accounts.

-- CreateEnum
CREATE TYPE "StudyRole" AS ENUM ('COORDINATOR', 'INTERVIEWER');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "isAdmin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "StudyMember" (
    "studyId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "StudyRole" NOT NULL,
    "addedById" UUID,
    "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyMember_pkey" PRIMARY KEY ("studyId","userId")
);

-- CreateIndex
CREATE INDEX "StudyMember_userId_idx" ON "StudyMember"("userId");

-- AddForeignKey
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyMember" ADD CONSTRAINT "StudyMember_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Existing data: every coordinator coordinates, and every interviewer interviews for, every existing
-- study, as they could before teams existed; every coordinator keeps managing accounts.
INSERT INTO "StudyMember" ("studyId", "userId", "role")
SELECT s."id", u."id", u."role"::text::"StudyRole"
  FROM "Study" s CROSS JOIN "User" u
 WHERE u."role" IN ('COORDINATOR', 'INTERVIEWER');

UPDATE "User" SET "isAdmin" = true WHERE "role" = 'COORDINATOR';

-- The audit log by study: each entry names the study its entity belongs to, so a coordinator reads
-- the entries of their own studies only.
ALTER TABLE "AuditEvent" ADD COLUMN     "studyId" UUID;

CREATE INDEX "AuditEvent_studyId_at_idx" ON "AuditEvent"("studyId", "at");

CREATE FUNCTION "audit_study_of"(entity TEXT, entity_id TEXT) RETURNS UUID
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
  END
$$;

CREATE FUNCTION "audit_event_study"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."studyId" IS NULL THEN
    NEW."studyId" := "audit_study_of"(NEW."entity", NEW."entityId");
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_study"
BEFORE INSERT ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "audit_event_study"();

-- Existing entries get their study once, here; afterwards the log is append-only again.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" SET "studyId" = "audit_study_of"("entity", "entityId") WHERE "studyId" IS NULL;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";
