import "server-only";
import { db } from "@/lib/db";
import { inspectInvitation, requestNewLink } from "@/lib/auth/invitations";
import { linkRequestWaitMs } from "@/lib/auth/sign-in";
import { tooManyRequests } from "@/lib/errors";

export async function askForNewLink(token: string, address: string): Promise<void> {
  const wait = await linkRequestWaitMs(db(), address);
  if (wait > 0) throw tooManyRequests(Math.ceil(wait / 1000));
  await requestNewLink(db(), token);
}

export async function inspectLink(token: string) {
  return inspectInvitation(db(), token);
}
