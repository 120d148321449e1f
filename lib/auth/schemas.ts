import { z } from "zod";

/** Shared by the sign-in form (through zodResolver) and the server. */
export const ZPasswordSignIn = z.object({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(200),
});
export type TPasswordSignIn = z.input<typeof ZPasswordSignIn>;

export const ZInvitationSignIn = z.object({ token: z.string().min(1).max(200) });
