import type { TActor } from "@/lib/auth/sessions";

declare module "next-auth" {
  interface Session {
    actor?: TActor;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    actor?: TActor;
  }
}
