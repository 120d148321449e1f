-- Decimals of percentages in a study's results (the report, its charts and the aggregates CSV): a
-- study setting, one by default, from none to two.

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "percentDecimals" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "Study" ADD CONSTRAINT "Study_percentDecimals_range" CHECK ("percentDecimals" BETWEEN 0 AND 2);
