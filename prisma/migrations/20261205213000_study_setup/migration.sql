-- Studies made in the app: description, languages, link lifetime, fieldwork dates, and a lifecycle.

-- CreateEnum
CREATE TYPE "StudyStatus" AS ENUM ('DRAFT', 'FIELDWORK', 'CLOSED', 'ARCHIVED');

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "descriptionEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "descriptionRu" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "fieldworkEnd" DATE,
ADD COLUMN     "fieldworkStart" DATE,
ADD COLUMN     "invitationTtlDays" INTEGER,
ADD COLUMN     "languages" "Language"[] DEFAULT ARRAY['ru', 'en']::"Language"[],
ADD COLUMN     "status" "StudyStatus" NOT NULL DEFAULT 'DRAFT';

-- Existing studies (the demo among them) are running.
UPDATE "Study" SET "status" = 'FIELDWORK';
