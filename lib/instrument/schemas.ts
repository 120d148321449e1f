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

/** A new instrument in a study from an exported file; its name defaults to the file's. */
export const ZImportInstrument = z.object({
  studyId: z.uuid(),
  name: z.string().trim().max(200).optional(),
  file: ZInstrumentFile,
});
export type TImportInstrument = z.input<typeof ZImportInstrument>;

/** A new instrument in a study copied from an instrument of another (or the same) study of the coordinator. */
export const ZCopyInstrument = z.object({
  studyId: z.uuid(),
  sourceInstrumentId: z.uuid(),
  name: z.string().trim().min(1).max(200),
});
export type TCopyInstrument = z.input<typeof ZCopyInstrument>;
