/**
 * True when an error means the database cannot serve us right now (pool exhausted, server down or
 * restarting), as opposed to a bad query: such requests get 503 and may be retried.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { message?: unknown; code?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown };
    const message = typeof e.message === "string" ? e.message : "";
    const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
    if (/timeout exceeded when trying to connect|Unable to start a transaction in the given time|Connection terminated|Connection closed|is not queryable|has been ended by the other party|server closed the connection unexpectedly|ECONNREFUSED|ECONNRESET|EPIPE|the database system is (starting up|shutting down)|terminating connection due to administrator command|Can't reach database server|too many clients already|Transaction already closed/i.test(message)) {
      return true;
    }
    if (["P1001", "P1002", "P1017", "P2024", "P2028", "ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "53300"].includes(code)) return true;
    if (code.startsWith("08")) return true;
    if (["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"].includes(String(e.kind))) return true;
    current = e.cause;
  }
  return false;
}

/** Prisma's "unique constraint failed". */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}


/**
 * The database refused a write to an archived study (SQLSTATE EPARC, raised by the triggers of
 * `archived_study_is_read_only`, prisma/README.md).
 */
export function isArchivedRefusal(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    if (e.code === "EPARC" || e.originalCode === "EPARC") return true;
    if (typeof e.message === "string" && e.message.includes("This study is archived: it can be viewed but not changed.")) return true;
    current = e.cause;
  }
  return false;
}
