import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * One API route's contract: method, path (the folder under app/ exactly as on disk), who may call
 * it, and the schemas of its params, query, body and response. The route wrapper
 * (lib/route/handler.ts) parses the request with it and checks the handler's answer against it; the
 * typed client (lib/api/client.ts) takes its types from it; scripts/openapi.ts describes it.
 *
 * Response schemas read from the server's side to the wire: their input is what the handler returns
 * (dates as Date), their output what the browser gets (dates as ISO strings).
 */
export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** A route whose answer is not JSON: a download or a server-sent event stream. */
export type TRawResponse = { kind: "file"; contentType: string } | { kind: "stream" };

export type TRouteContract = {
  method: THttpMethod;
  path: `/api/${string}`;
  /** One line for the API's documentation. */
  summary: string;
  /** The roles that may call it, or "anyone" (the actor is then null when anonymous). */
  roles: readonly Role[] | "anyone";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType | TRawResponse;
};

export function defineRoute<const C extends TRouteContract>(contract: C): C {
  return contract;
}

type TOut<S> = S extends z.ZodType ? z.output<S> : undefined;
type TIn<S> = S extends z.ZodType ? z.input<S> : undefined;

/** What the handler gets: parsed params, query and body. */
export type TParsed<C extends TRouteContract> = { params: TOut<C["params"]>; query: TOut<C["query"]>; body: TOut<C["body"]> };
/** What the handler returns (the response schema's input), and what the browser gets (its output). */
export type TServerResponse<C extends TRouteContract> = C["response"] extends z.ZodType ? z.input<C["response"]> : never;
export type TWireResponse<C extends TRouteContract> = C["response"] extends z.ZodType ? z.output<C["response"]> : never;
/** What the browser sends: params as strings, the query and body as their schemas accept them. */
export type TRequestInput<C extends TRouteContract> = (C["params"] extends z.ZodType ? { params: Record<keyof z.input<C["params"]>, string> } : { params?: undefined }) &
  (C["query"] extends z.ZodType ? { query?: TIn<C["query"]> } : { query?: undefined }) &
  (C["body"] extends z.ZodType ? { body: TIn<C["body"]> } : { body?: undefined });

/** The body of every error answer (lib/route/handler.ts errorResponse). */
export const ZErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type TErrorBody = z.output<typeof ZErrorBody>;

/** A date on the wire: the server hands a Date (or an ISO string already), the browser gets the ISO string. */
export const ZIsoDate = z.codec(z.union([z.date(), z.string()]), z.iso.datetime({ offset: true }), {
  decode: (value) => (typeof value === "string" ? value : value.toISOString()),
  encode: (value) => value,
});

/** `{ ok: true }`: the answer of a change that has nothing else to say. */
export const ZOk = z.object({ ok: z.literal(true) });
