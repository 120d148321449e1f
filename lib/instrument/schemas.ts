import { z } from "zod";

/** Request bodies of the instrument endpoints (the definition itself is checked by check.ts). */
export const ZCreateInstrument = z.object({
  studyId: z.uuid(),
  kind: z.enum(["questionnaire", "guide"]),
  name: z.string().trim().min(1).max(200),
});

export const ZSaveDraft = z.object({ content: z.unknown() });

/** The file format of an exported version; an import takes the same shape. */
export const INSTRUMENT_FILE_FORMAT = "expert-panel/instrument";
export const ZInstrumentFile = z.object({
  format: z.literal(INSTRUMENT_FILE_FORMAT),
  formatVersion: z.literal(1),
  name: z.string().max(200).optional(),
  definition: z.unknown(),
});

export const ZVersionParams = z.object({ versionId: z.uuid() });
export const ZInstrumentParams = z.object({ instrumentId: z.uuid() });
