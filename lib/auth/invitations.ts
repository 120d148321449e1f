import type { TDb } from "@/lib/db/types";
import { generateToken, hashToken, looksLikeToken } from "@/lib/auth/tokens";

export type TInvitationState = "valid" | "used" | "expired" | "replaced" | "unknown";

/**
 * Issues a new single-use sign-in link for an expert. Any earlier unused link stops working, so a
 * re-issued link is the only one that signs in. Returns the token: it is never stored, only its hash.
 */
export async function issueInvitation(
  client: TDb,
  input: { expertId: string; issuedById: string | null; ttlDays: number },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + input.ttlDays * 24 * 3600_000);
  await client.invitationToken.updateMany({
    where: { expertId: input.expertId, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  await client.invitationToken.create({
    data: { tokenHash: hashToken(token), expertId: input.expertId, issuedById: input.issuedById, expiresAt },
  });
  return { token, expiresAt };
}

function stateOf(row: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): TInvitationState {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "replaced";
  if (row.expiresAt <= now) return "expired";
  return "valid";
}

/** Looks a link up without using it (for the page the link opens). */
export async function inspectInvitation(client: TDb, token: string, now = new Date()) {
  if (!looksLikeToken(token)) return { state: "unknown" as const, expert: null };
  const row = await client.invitationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      expert: { select: { id: true, user: { select: { language: true } }, study: { select: { titleRu: true, titleEn: true } } } },
    },
  });
  if (!row) return { state: "unknown" as const, expert: null };
  return { state: stateOf(row, now), expert: row.expert };
}

/**
 * Uses a link: exactly one caller wins, even when two requests race, because the row is claimed
 * with a conditional UPDATE. Returns the expert's user, or the reason the link does not work.
 */
export async function consumeInvitation(
  client: TDb,
  token: string,
  now = new Date(),
): Promise<{ ok: true; userId: string; expertId: string } | { ok: false; state: TInvitationState }> {
  if (!looksLikeToken(token)) return { ok: false, state: "unknown" };
  const tokenHash = hashToken(token);
  const claimed = await client.invitationToken.updateMany({
    where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  const row = await client.invitationToken.findUnique({
    where: { tokenHash },
    select: { usedAt: true, revokedAt: true, expiresAt: true, expert: { select: { id: true, userId: true } } },
  });
  if (!row) return { ok: false, state: "unknown" };
  if (claimed.count !== 1) return { ok: false, state: stateOf(row, now) };
  await markLinkOpened(client, row.expert.id, now);
  return { ok: true, userId: row.expert.userId, expertId: row.expert.id };
}

/**
 * An expert holding a used or expired link asks for a new one. Coordinators see the request in
 * the panel and re-issue the link. Returns false for a link that names no expert.
 */
export async function requestNewLink(client: TDb, token: string, now = new Date()): Promise<boolean> {
  if (!looksLikeToken(token)) return false;
  const row = await client.invitationToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { expertId: true } });
  if (!row) return false;
  await client.expert.update({ where: { id: row.expertId }, data: { linkRequestedAt: now } });
  return true;
}

/** Records the first time any of the expert's sign-in links is used; later uses keep the first time. */
async function markLinkOpened(tx: TDb, expertId: string, at: Date): Promise<void> {
  await tx.expert.updateMany({ where: { id: expertId, linkOpenedAt: null }, data: { linkOpenedAt: at } });
}
