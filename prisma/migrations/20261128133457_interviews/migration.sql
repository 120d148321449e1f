-- CreateEnum
CREATE TYPE "InterviewMode" AS ENUM ('IN_PERSON', 'PHONE', 'VIDEO');

-- CreateEnum
CREATE TYPE "InterviewStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateTable
CREATE TABLE "Interview" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "expertId" UUID NOT NULL,
    "interviewerId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "plannedAt" TIMESTAMPTZ(3) NOT NULL,
    "mode" "InterviewMode" NOT NULL,
    "status" "InterviewStatus" NOT NULL DEFAULT 'PLANNED',
    "consentAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "durationSeconds" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewNote" (
    "interviewId" UUID NOT NULL,
    "questionCode" TEXT NOT NULL,
    "text" TEXT NOT NULL DEFAULT '',
    "probesAsked" JSONB NOT NULL DEFAULT '[]',
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL,
    "mutationId" UUID NOT NULL,
    "firstWorkedAt" TIMESTAMPTZ(3),
    "lastWorkedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewNote_pkey" PRIMARY KEY ("interviewId","questionCode")
);

-- CreateTable
CREATE TABLE "NoteMutation" (
    "id" UUID NOT NULL,
    "interviewId" UUID NOT NULL,
    "questionCode" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoteMutation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Quote" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "interviewId" UUID NOT NULL,
    "questionCode" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Quote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThemeCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "studyId" UUID NOT NULL,
    "parentId" UUID,
    "code" TEXT NOT NULL,
    "nameRu" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionRu" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ThemeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QuoteCode" (
    "quoteId" UUID NOT NULL,
    "codeId" UUID NOT NULL,

    CONSTRAINT "QuoteCode_pkey" PRIMARY KEY ("quoteId","codeId")
);

-- CreateTable
CREATE TABLE "NoteCode" (
    "interviewId" UUID NOT NULL,
    "questionCode" TEXT NOT NULL,
    "codeId" UUID NOT NULL,

    CONSTRAINT "NoteCode_pkey" PRIMARY KEY ("interviewId","questionCode","codeId")
);

-- CreateIndex
CREATE INDEX "Interview_interviewerId_plannedAt_idx" ON "Interview"("interviewerId", "plannedAt");

-- CreateIndex
CREATE INDEX "Interview_expertId_idx" ON "Interview"("expertId");

-- CreateIndex
CREATE INDEX "NoteMutation_interviewId_idx" ON "NoteMutation"("interviewId");

-- CreateIndex
CREATE INDEX "Quote_interviewId_idx" ON "Quote"("interviewId");

-- CreateIndex
CREATE INDEX "ThemeCode_parentId_idx" ON "ThemeCode"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "ThemeCode_studyId_code_key" ON "ThemeCode"("studyId", "code");

-- CreateIndex
CREATE INDEX "QuoteCode_codeId_idx" ON "QuoteCode"("codeId");

-- CreateIndex
CREATE INDEX "NoteCode_codeId_idx" ON "NoteCode"("codeId");

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_interviewerId_fkey" FOREIGN KEY ("interviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "InstrumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewNote" ADD CONSTRAINT "InterviewNote_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Quote" ADD CONSTRAINT "Quote_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeCode" ADD CONSTRAINT "ThemeCode_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThemeCode" ADD CONSTRAINT "ThemeCode_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "ThemeCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCode" ADD CONSTRAINT "QuoteCode_quoteId_fkey" FOREIGN KEY ("quoteId") REFERENCES "Quote"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QuoteCode" ADD CONSTRAINT "QuoteCode_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "ThemeCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteCode" ADD CONSTRAINT "NoteCode_interviewId_questionCode_fkey" FOREIGN KEY ("interviewId", "questionCode") REFERENCES "InterviewNote"("interviewId", "questionCode") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoteCode" ADD CONSTRAINT "NoteCode_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "ThemeCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

