-- Delphi rounds: the short reason an expert gives for a changed answer that lies outside the group's
-- interquartile range. One per answer; saved through the same autosave as the answer (its own
-- revision, so an older save never overwrites a newer one), shown anonymously in the round report.
CREATE TABLE "AnswerReason" (
    "responseId" UUID NOT NULL,
    "itemCode" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "mutationId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerReason_pkey" PRIMARY KEY ("responseId","itemCode")
);

ALTER TABLE "AnswerReason" ADD CONSTRAINT "AnswerReason_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;
