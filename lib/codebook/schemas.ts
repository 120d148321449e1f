import { z } from "zod";

/** A code's short identifier, unique within its study (e.g. BARRIERS_BUREAUCRACY). */
export const ZThemeCodeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/, "must start with a letter or digit and use only letters, digits, _ . - (at most 60)");

const name = z.string().trim().min(1).max(200);
const description = z.string().trim().max(4000);

export const ZCreateCode = z.object({
  code: ZThemeCodeCode,
  parentId: z.uuid().nullable().optional(),
  nameRu: name,
  nameEn: name,
  descriptionRu: description.optional(),
  descriptionEn: description.optional(),
});
export type TCreateCode = z.input<typeof ZCreateCode>;

export const ZUpdateCode = z
  .object({
    code: ZThemeCodeCode.optional(),
    parentId: z.uuid().nullable().optional(),
    nameRu: name.optional(),
    nameEn: name.optional(),
    descriptionRu: description.optional(),
    descriptionEn: description.optional(),
    /** Place among its siblings (0 first); a code moved to another parent goes last unless given. */
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");
export type TUpdateCode = z.input<typeof ZUpdateCode>;

export const ZCodeParams = z.object({ codeId: z.uuid() });
