import "server-only";
import { db } from "@/lib/db";
import { inspectInvitation, requestNewLink } from "@/lib/auth/invitations";

export async function askForNewLink(token: string): Promise<void> {
  await requestNewLink(db(), token);
}

export async function inspectLink(token: string) {
  return inspectInvitation(db(), token);
}
