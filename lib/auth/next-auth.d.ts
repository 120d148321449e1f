import type { TActor } from "@/lib/auth/sessions";

declare module "next-auth" {
  interface Session {
    actor?: TActor;
    /** The session could not be checked because the database is unavailable (answered 503). */
    unavailable?: boolean;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    actor?: TActor;
    unavailable?: boolean;
  }
}
