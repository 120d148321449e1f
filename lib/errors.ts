/** Expected failures, each with the HTTP status and a message safe to show the user. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthenticated = () => new AppError(401, "unauthenticated", "Sign in to continue.");
/** The database is down or busy: retry shortly (the same answer lib/route/handler.ts gives for pool and connection errors). */
export const unavailable = () => new AppError(503, "unavailable", "The service is busy. Please try again in a moment.", { retryAfterSeconds: 2 });
export const forbidden = () => new AppError(403, "forbidden", "You do not have access to this.");
export const notFound = (what = "This item") => new AppError(404, "not_found", `${what} was not found.`);
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const badRequest = (message: string, details?: unknown) => new AppError(400, "bad_request", message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, "too_many_requests", "Too many attempts. Wait a little and try again.", { retryAfterSeconds });
