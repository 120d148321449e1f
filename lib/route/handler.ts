import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import type { TParsed, TRouteContract, TServerResponse } from "@/lib/http/contract";
import { requireActor, getActor } from "@/lib/auth/actor";
import type { TActor } from "@/lib/auth/sessions";
import { isArchivedRefusal, isDatabaseUnavailable } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { AppError, badRequest } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { UNSTORABLE_CODE, UNSTORABLE_MESSAGE, findUnstorableText, unstorableMessage } from "@/lib/http/text-input";
import type { Role } from "@/lib/generated/prisma/enums";
import { parseQuery } from "@/lib/http/input";
import { contractResponse, type Reply } from "@/lib/http/reply";
import { log } from "@/lib/log";
import { archived } from "@/lib/study/lifecycle";

const MAX_BODY_BYTES = 256 * 1024;
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type TRouteContext = { params: Promise<Record<string, string | string[]>> };

type THandlerArgs<B extends z.ZodType, P extends z.ZodType, R> = {
  req: NextRequest;
  actor: R;
  body: z.output<B>;
  params: z.output<P>;
};

function expectedOrigin(req: NextRequest): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : req.nextUrl.origin;
}

/** Refuses cross-site writes: the Origin must be ours (`Origin: null` is not). */
function checkOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (origin === null && req.headers.get("sec-fetch-site") === "same-origin") return;
  if (origin !== expectedOrigin(req)) throw new AppError(403, "cross_site", "Cross-site requests are not allowed.");
}

/** The client's address, for throttling (lib/http/client-address.ts). */
export function requestAddress(req: NextRequest): string {
  return clientAddress(req.headers, env().TRUSTED_PROXY_HOPS);
}

function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

async function readJson(req: NextRequest): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) throw new AppError(413, "too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError(413, "too_large", `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

export function errorResponse(error: unknown): NextResponse {
  if (isArchivedRefusal(error)) error = archived();
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) headers["Retry-After"] = String(retry);
    return NextResponse.json({ error: { code: error.code, message: error.message, details: error.details } }, { status: error.status, headers });
  }
  if (isDatabaseUnavailable(error)) {
    log.warn({ event: "db.unavailable" }, "database unavailable");
    return NextResponse.json(
      { error: { code: "unavailable", message: "The service is busy. Please try again in a moment." } },
      { status: 503, headers: { "Retry-After": "2" } },
    );
  }
  const errorId = randomUUID();
  log.error({ event: "unhandled", errorId, err: error instanceof Error ? { name: error.name, stack: error.stack } : String(error) }, "unhandled error");
  return NextResponse.json({ error: { code: "internal", message: `Something went wrong (error id ${errorId}).` } }, { status: 500 });
}

/** Whether answers are checked against their contract (lib/http/reply.ts): outside production, or CHECK_RESPONSES=on. */
function checkResponses(): boolean {
  const { CHECK_RESPONSES, NODE_ENV } = env();
  return CHECK_RESPONSES ? CHECK_RESPONSES === "on" : NODE_ENV !== "production";
}

type TSpec = { body?: z.ZodType; params?: z.ZodType; query?: z.ZodType; response?: z.ZodType | TRouteContract["response"] };

function wrap<A>(spec: TSpec, authenticate: () => Promise<A>, handler: (args: { req: NextRequest; actor: A; body: unknown; params: unknown; query: unknown }) => Promise<unknown>) {
  return async (req: NextRequest, ctx: TRouteContext): Promise<NextResponse> => {
    try {
      if (MUTATING.has(req.method)) checkOrigin(req);
      const actor = await authenticate();
      let params: unknown = undefined;
      if (spec.params) {
        const parsed = spec.params.safeParse(await ctx.params);
        if (!parsed.success) throw badRequest("The address is not valid.", zodDetails(parsed.error));
        params = parsed.data;
      }
      const query = spec.query ? parseQuery(spec.query, req.nextUrl.searchParams) : undefined;
      let body: unknown = undefined;
      if (spec.body) {
        const json = await readJson(req);
        // NUL and unpaired surrogates anywhere in the body: one rule for every route (lib/http/text-input.ts).
        const bad = findUnstorableText(json);
        if (bad !== null) throw new AppError(400, UNSTORABLE_CODE, unstorableMessage(bad), [{ path: bad, message: UNSTORABLE_MESSAGE }]);
        const parsed = spec.body.safeParse(json);
        if (!parsed.success) throw badRequest("The request is not valid.", zodDetails(parsed.error));
        body = parsed.data;
      }
      const result = await handler({ req, actor, body, params, query });
      if (result instanceof NextResponse) return result;
      const schema = spec.response && "safeParse" in spec.response ? spec.response : undefined;
      return contractResponse(schema, result, checkResponses());
    } catch (error) {
      return errorResponse(error);
    }
  };
}

type TContractActor<C extends TRouteContract> = C["roles"] extends "anyone" ? TActor | null : TActor;
type TContractResult<C extends TRouteContract> = C["response"] extends z.ZodType ? TServerResponse<C> | Reply<TServerResponse<C>> : NextResponse;
type TContractHandler<C extends TRouteContract> = (args: TParsed<C> & { req: NextRequest; actor: TContractActor<C> }) => Promise<TContractResult<C>>;

/**
 * Wraps a route handler: origin check for writes, authentication and role (401 anonymous, 403
 * another role), zod validation of params, query and body, and error mapping. The handler itself
 * calls one lib function, which checks authorization again where it reads or writes.
 *
 * With a contract (lib/http/contract.ts) the handler's answer must be the contract's response:
 * TypeScript checks it, and outside production the wrapper checks it again at run time. The older
 * form `route({ roles, body?, params? }, handler)` still works for routes not yet on a contract.
 */
export function route<C extends TRouteContract>(contract: C, handler: TContractHandler<C>): (req: NextRequest, ctx: TRouteContext) => Promise<NextResponse>;
export function route<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: { roles: readonly Role[]; body?: B; params?: P },
  handler: (args: THandlerArgs<B, P, TActor>) => Promise<unknown>,
): (req: NextRequest, ctx: TRouteContext) => Promise<NextResponse>;
export function route(spec: TSpec & { roles: readonly Role[] | "anyone" }, handler: (args: never) => Promise<unknown>) {
  const roles = spec.roles;
  const run = handler as (args: unknown) => Promise<unknown>;
  return roles === "anyone" ? wrap(spec, getActor, run) : wrap(spec, () => requireActor(roles), run);
}

/** The older form for endpoints anyone may call; the actor is null when anonymous (a contract says roles: "anyone"). */
export function publicRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(
  spec: { body?: B; params?: P },
  handler: (args: THandlerArgs<B, P, TActor | null>) => Promise<unknown>,
) {
  return wrap(spec, getActor, handler as (args: unknown) => Promise<unknown>);
}
