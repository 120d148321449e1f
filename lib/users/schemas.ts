import { z } from "zod";

export const ZStaffRole = z.enum(["COORDINATOR", "INTERVIEWER"]);
export const ZLanguage = z.enum(["ru", "en"]);

export const ZCreateStaffUser = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: ZStaffRole,
  password: z.string().min(12, "At least 12 characters").max(200),
  language: ZLanguage.default("ru"),
});
export type TCreateStaffUser = z.input<typeof ZCreateStaffUser>;

export const ZUpdateUser = z
  .object({
    role: ZStaffRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, "Nothing to change.");

export const ZUserIdParams = z.object({ id: z.uuid() });
