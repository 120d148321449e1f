import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Either the client or an open transaction: domain helpers that must join a caller's transaction take this. */
export type TDb = PrismaClient | Prisma.TransactionClient;

/**
 * Options for a transaction that works through a whole panel (an import, a batch of invitations, a
 * reminder sweep): Prisma's default allows 5 s, which a few hundred experts can exceed.
 */
export const LONG_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;
