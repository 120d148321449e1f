import { z } from "zod";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log's filters as they arrive in the page's query string; every one is optional. */
export const ZAuditQuery = z.object({
  /** Part of the actor's e-mail or name (case-insensitive). */
  actor: z.string().trim().max(200).optional(),
  /** An action, or its prefix such as "auth." */
  action: z.string().trim().max(100).optional(),
  /** An entity type such as "Response". */
  entity: z.string().trim().max(100).optional(),
  /** Inclusive days, UTC (YYYY-MM-DD). */
  from: z.string().regex(DAY, "must be YYYY-MM-DD").optional(),
  to: z.string().regex(DAY, "must be YYYY-MM-DD").optional(),
  /** Keyset cursor "<at ISO>_<id>": show entries older than this one (see lib/monitor/audit-log.ts). */
  before: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_\d{1,19}$/, "not a page cursor").optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;
