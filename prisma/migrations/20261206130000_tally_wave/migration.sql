-- The running totals of submitted answers (lib/aggregates/tally.ts) keep every wave (or Delphi round)
-- apart, so the summary of wave 2 never mixes with wave 1. The totals are emptied and recounted on
-- first use (TallyState's definition no longer matches: TALLY_FORMAT 3).
DELETE FROM "AnswerTally";
DELETE FROM "TalliedResponse";
DELETE FROM "TallyState";

ALTER TABLE "AnswerTally" ADD COLUMN "wave" INTEGER NOT NULL;
ALTER TABLE "AnswerTally" DROP CONSTRAINT "AnswerTally_pkey";
ALTER TABLE "AnswerTally" ADD CONSTRAINT "AnswerTally_pkey" PRIMARY KEY ("instrumentId", "versionId", "wave", "country", "grp", "q", "item", "k");

ALTER TABLE "TalliedResponse" ADD COLUMN "wave" INTEGER NOT NULL;
