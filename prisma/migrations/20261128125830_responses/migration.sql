-- CreateEnum
CREATE TYPE "ResponseStatus" AS ENUM ('IN_PROGRESS', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "ConsentDecision" AS ENUM ('ACCEPTED', 'DECLINED');

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "consentText" JSONB,
ADD COLUMN     "consentVersion" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "Consent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "expertId" UUID NOT NULL,
    "decision" "ConsentDecision" NOT NULL,
    "textVersion" INTEGER NOT NULL,
    "language" "Language" NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "expertId" UUID NOT NULL,
    "instrumentId" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "status" "ResponseStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "optionOrder" JSONB NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Answer" (
    "responseId" UUID NOT NULL,
    "itemCode" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "revision" INTEGER NOT NULL,
    "mutationId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Answer_pkey" PRIMARY KEY ("responseId","itemCode")
);

-- CreateTable
CREATE TABLE "AnswerMutation" (
    "id" UUID NOT NULL,
    "responseId" UUID NOT NULL,
    "itemCode" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerMutation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Consent_expertId_decidedAt_idx" ON "Consent"("expertId", "decidedAt");

-- CreateIndex
CREATE INDEX "Response_versionId_status_idx" ON "Response"("versionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Response_expertId_instrumentId_key" ON "Response"("expertId", "instrumentId");

-- CreateIndex
CREATE INDEX "AnswerMutation_responseId_idx" ON "AnswerMutation"("responseId");

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_expertId_fkey" FOREIGN KEY ("expertId") REFERENCES "Expert"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "InstrumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Answer" ADD CONSTRAINT "Answer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

