import { AppError } from "@/lib/errors";
import type { StudyStatus } from "@/lib/generated/prisma/enums";

/**
 * A study's lifecycle: draft -> fieldwork -> closed -> archived, one step at a time, never back. A
 * closed study takes no answers but keeps every view and export; an archived one is also hidden
 * from the default list of studies and changes no more.
 */
export const STUDY_STATUSES = ["DRAFT", "FIELDWORK", "CLOSED", "ARCHIVED"] as const satisfies readonly StudyStatus[];

export const NEXT_STATUS: Record<StudyStatus, StudyStatus | null> = { DRAFT: "FIELDWORK", FIELDWORK: "CLOSED", CLOSED: "ARCHIVED", ARCHIVED: null };

/** Whether experts may still consent, answer and submit. */
export const takesAnswers = (status: StudyStatus) => status === "DRAFT" || status === "FIELDWORK";

/** The answer to any change of an archived study's data (the database refuses it too: `archived_study_is_read_only`). */
export const archived = () => new AppError(409, "archived", "This study is archived: it can be viewed but not changed.");
