import type { z } from "zod";
import { badRequest, notFound } from "@/lib/errors";

/**
 * Checks a service's input against its schema, so a call from a page or a script is held to the
 * same rules as the HTTP route: a 400 listing every problem, before anything is read or written.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "The request is not valid."): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw badRequest(message, parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return parsed.data;
}

/** Query-string parameters (the last value of each), checked like a body. */
export function parseQuery<S extends z.ZodType>(schema: S, params: URLSearchParams): z.output<S> {
  const values: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") values[key] = value;
  return parseInput(schema, values, "The query is not valid.");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from outside that is not a uuid names nothing: 404, without asking the database. */
export function assertId(id: string, what: string): void {
  if (!UUID.test(id)) throw notFound(what);
}
