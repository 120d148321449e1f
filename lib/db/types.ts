import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

/** Either the client or an open transaction: domain helpers that must join a caller's transaction take this. */
export type TDb = PrismaClient | Prisma.TransactionClient;
