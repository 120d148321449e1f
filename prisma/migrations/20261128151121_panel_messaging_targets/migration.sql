-- CreateEnum
CREATE TYPE "ExpertStatus" AS ENUM ('NOMINATED', 'VETTED', 'REJECTED', 'INVITED', 'STARTED', 'COMPLETED', 'DECLINED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ExpertTrack" AS ENUM ('QUESTIONNAIRE', 'INTERVIEW', 'BOTH');

-- CreateEnum
CREATE TYPE "MessageKind" AS ENUM ('INVITATION', 'REMINDER_NOT_STARTED', 'REMINDER_NOT_FINISHED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "remindNotFinishedDays" INTEGER[] DEFAULT ARRAY[3, 7]::INTEGER[],
ADD COLUMN     "remindNotStartedDays" INTEGER[] DEFAULT ARRAY[3, 7]::INTEGER[],
ADD COLUMN     "remindersPaused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suppressionK" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Expert" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "decidedById" UUID,
ADD COLUMN     "degree" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "experienceYears" INTEGER,
ADD COLUMN     "invitedAt" TIMESTAMPTZ(3),
ADD COLUMN     "isDemo" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastActivityAt" TIMESTAMPTZ(3),
ADD COLUMN     "leadershipRole" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "linkOpenedAt" TIMESTAMPTZ(3),
ADD COLUMN     "notes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "organisation" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "position" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "publications" INTEGER,
ADD COLUMN     "remindersPaused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "status" "ExpertStatus" NOT NULL DEFAULT 'NOMINATED',
ADD COLUMN     "track" "ExpertTrack" NOT NULL DEFAULT 'QUESTIONNAIRE',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "vetting" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "studyId" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "language" "Language" NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("studyId","kind","language")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "studyId" UUID NOT NULL,
    "expertId" UUID NOT NULL,
    "kind" "MessageKind" NOT NULL,
    "language" "Language" NOT NULL,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT '',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'QUEUED',
    "transport" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dedupeKey" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CellTarget" (
    "studyId" UUID NOT NULL,
    "country" TEXT NOT NULL,
    "expertGroup" "ExpertGroup" NOT NULL,
    "target" INTEGER NOT NULL,

    CONSTRAINT "CellTarget_pkey" PRIMARY KEY ("studyId","country","expertGroup")
);

-- CreateIndex
CREATE INDEX "Message_studyId_createdAt_idx" ON "Message"("studyId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_expertId_dedupeKey_key" ON "Message"("expertId", "dedupeKey");

-- CreateIndex
CREATE INDEX "Expert_studyId_status_idx" ON "Expert"("studyId", "status");

-- AddForeignKey
ALTER TABLE "Expert" ADD CONSTRAINT "Expert_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CellTarget" ADD CONSTRAINT "CellTarget_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Experts already on a panel take the status their links and responses show.
UPDATE "Expert" e SET
  "invitedAt" = (SELECT min(t."createdAt") FROM "InvitationToken" t WHERE t."expertId" = e.id),
  "linkOpenedAt" = (SELECT min(t."usedAt") FROM "InvitationToken" t WHERE t."expertId" = e.id),
  "lastActivityAt" = (SELECT max(r."updatedAt") FROM "Response" r WHERE r."expertId" = e.id),
  "status" = (CASE
    WHEN EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e.id AND r.status = 'SUBMITTED') THEN 'COMPLETED'
    WHEN EXISTS (SELECT 1 FROM "Consent" c WHERE c."expertId" = e.id AND c.decision = 'DECLINED'
                 AND c."decidedAt" = (SELECT max(c2."decidedAt") FROM "Consent" c2 WHERE c2."expertId" = e.id)) THEN 'DECLINED'
    WHEN EXISTS (SELECT 1 FROM "Response" r WHERE r."expertId" = e.id) THEN 'STARTED'
    WHEN EXISTS (SELECT 1 FROM "InvitationToken" t WHERE t."expertId" = e.id) THEN 'INVITED'
    ELSE 'NOMINATED' END)::"ExpertStatus";

-- Live updates: every change that moves a dashboard number sends one notification per study and
-- topic on the channel "live_events" when its transaction commits (PostgreSQL folds duplicates
-- within a transaction). Each app instance LISTENs once and fans events out to its browsers
-- (lib/live). Statement-level triggers with transition tables keep bulk writes cheap.
CREATE FUNCTION live_notify_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', json_build_object('studyId', s."studyId", 'topic', 'answers')::text)
  FROM (SELECT DISTINCT i."studyId" FROM changed c
        JOIN "Response" r ON r.id = c."responseId"
        JOIN "Instrument" i ON i.id = r."instrumentId") s;
  RETURN NULL;
END $$;
CREATE TRIGGER answer_live_insert AFTER INSERT ON "Answer" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_answers();
CREATE TRIGGER answer_live_update AFTER UPDATE ON "Answer" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_answers();
CREATE TRIGGER answer_live_delete AFTER DELETE ON "Answer" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_answers();

CREATE FUNCTION live_notify_responses() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', json_build_object('studyId', s."studyId", 'topic', 'responses')::text)
  FROM (SELECT DISTINCT i."studyId" FROM changed c JOIN "Instrument" i ON i.id = c."instrumentId") s;
  RETURN NULL;
END $$;
CREATE TRIGGER response_live_insert AFTER INSERT ON "Response" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_responses();
CREATE TRIGGER response_live_update AFTER UPDATE ON "Response" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_responses();
CREATE TRIGGER response_live_delete AFTER DELETE ON "Response" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_responses();

CREATE FUNCTION live_notify_panel() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', json_build_object('studyId', s."studyId", 'topic', 'panel')::text)
  FROM (SELECT DISTINCT c."studyId" FROM changed c) s;
  RETURN NULL;
END $$;
CREATE TRIGGER expert_live_insert AFTER INSERT ON "Expert" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();
CREATE TRIGGER expert_live_update AFTER UPDATE ON "Expert" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();
CREATE TRIGGER expert_live_delete AFTER DELETE ON "Expert" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();
CREATE TRIGGER target_live_insert AFTER INSERT ON "CellTarget" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();
CREATE TRIGGER target_live_update AFTER UPDATE ON "CellTarget" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();
CREATE TRIGGER target_live_delete AFTER DELETE ON "CellTarget" REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_panel();

CREATE FUNCTION live_notify_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('live_events', json_build_object('studyId', s."studyId", 'topic', 'messages')::text)
  FROM (SELECT DISTINCT c."studyId" FROM changed c) s;
  RETURN NULL;
END $$;
CREATE TRIGGER message_live_insert AFTER INSERT ON "Message" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_messages();
CREATE TRIGGER message_live_update AFTER UPDATE ON "Message" REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION live_notify_messages();
