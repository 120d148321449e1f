import type { TRequestInput, TWireResponse } from "@/lib/http/contract";
import type { TApiRoutes } from "@/lib/api/routes";

/**
 * The browser's one way to call the API: `api("POST /api/coordinator/studies", { body })`. The key
 * names a contract (lib/api/routes.ts); params, query, body and the answer take their types from it,
 * so a route whose response changes fails `npm run typecheck` at every caller. Only types are
 * imported: no schema reaches the browser's bundle.
 */
export type TRouteKey = keyof TApiRoutes;
export type TResponseOf<K extends TRouteKey> = TWireResponse<TApiRoutes[K]>;
export type TInputOf<K extends TRouteKey> = TRequestInput<TApiRoutes[K]>;

/** An error answer as the client sees it; status 0 when the request never reached the server. */
export type TApiError = {
  status: number;
  code: string | null;
  message: string | null;
  details: unknown;
  /** The details that name a field of the request (`{ path, message }`), for lib/api/form-errors.ts. */
  fields: Array<{ path: string; message: string }>;
};
export type TApiResult<T> = { ok: true; data: T } | { ok: false; error: TApiError };

/** The route's URL: `[segments]` filled with the (encoded) params, the query's defined values appended. */
export function routeUrl(path: string, params?: Record<string, string>, query?: object): string {
  const filled = path.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`No value for [${name}] in ${path}.`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

/** A route's address: for links and downloads (`<a href>`), and for transports of their own (autosave, EventSource). */
export function apiHref<K extends TRouteKey>(key: K, ...[input]: THrefInput<K>): string {
  const i = input as { params?: Record<string, string>; query?: object } | undefined;
  return routeUrl(key.slice(key.indexOf(" ") + 1), i?.params, i?.query);
}

function fieldDetails(details: unknown): Array<{ path: string; message: string }> {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is { path: string; message: string } => typeof d?.path === "string" && typeof d?.message === "string");
}

/** Reads any answer's error body (lib/route/handler.ts errorResponse) into a TApiError. */
export function apiError(status: number, json: unknown): TApiError {
  const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return {
    status,
    code: typeof error?.code === "string" ? error.code : null,
    message: typeof error?.message === "string" ? error.message : null,
    details: error?.details,
    fields: fieldDetails(error?.details),
  };
}

type TNeedsInput<I> = I extends { params: unknown } ? true : I extends { body: unknown } ? true : false;
type TAddress<K extends TRouteKey> = Omit<TInputOf<K>, "body">;
type THrefInput<K extends TRouteKey> = TAddress<K> extends { params: unknown } ? [input: TAddress<K>] : [input?: TAddress<K>];
type TInit = { cache?: RequestCache; signal?: AbortSignal };
type TCallArgs<K extends TRouteKey> = TNeedsInput<TInputOf<K>> extends true ? [input: TInputOf<K>, init?: TInit] : [input?: TInputOf<K>, init?: TInit];

/** Calls a route; never throws: a network failure is `{ ok: false, error: { status: 0 } }`. */
export async function api<K extends TRouteKey>(key: K, ...[input, init]: TCallArgs<K>): Promise<TApiResult<TResponseOf<K>>> {
  const space = key.indexOf(" ");
  const method = key.slice(0, space);
  const i = input as { params?: Record<string, string>; query?: object; body?: unknown } | undefined;
  const url = routeUrl(key.slice(space + 1), i?.params, i?.query);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      cache: init?.cache ?? (method === "GET" ? "no-store" : undefined),
      signal: init?.signal,
      headers: i?.body === undefined ? undefined : { "content-type": "application/json" },
      body: i?.body === undefined ? undefined : JSON.stringify(i.body),
    });
  } catch {
    return { ok: false, error: { status: 0, code: null, message: null, details: undefined, fields: [] } };
  }
  const json = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: json as TResponseOf<K> };
  return { ok: false, error: apiError(res.status, json) };
}
