import { z } from "zod";

/** One autosave: the new value of one item (null clears it), based on the revision the client last saw. */
export const ZSaveAnswer = z.object({
  mutationId: z.uuid(),
  /** The questionnaire version the expert was shown; a response stays on the version it began with. */
  versionId: z.uuid(),
  /** An item code, or "<code>~reason" for a Delphi round's reason (lib/delphi/reasons.ts). */
  item: z.string().min(1).max(48),
  baseRevision: z.number().int().min(0).max(1_000_000),
  value: z.unknown(),
});
export type TSaveAnswer = z.infer<typeof ZSaveAnswer>;

export const ZConsentDecision = z.object({
  decision: z.enum(["ACCEPTED", "DECLINED"]),
  textVersion: z.number().int().min(1),
  language: z.enum(["ru", "en"]),
});

export const ZResponseParams = z.object({ responseId: z.uuid() });
