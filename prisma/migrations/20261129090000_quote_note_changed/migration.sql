-- A quote whose passage an edit of its note changed (its anchor could not follow the edit).
ALTER TABLE "Quote" ADD COLUMN "noteChanged" BOOLEAN NOT NULL DEFAULT false;
