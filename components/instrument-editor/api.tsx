import type { TProblem } from "@/lib/instrument/check";

export type TApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string | null; problems: TProblem[] };

function isProblem(value: unknown): value is TProblem {
  return typeof value === "object" && value !== null && typeof (value as TProblem).path === "string" && typeof (value as TProblem).message === "string";
}

/** A same-origin JSON call to the coordinator API; errors come back with the server's message and problems. */
export async function callApi<T>(url: string, method: "PUT" | "POST", body?: unknown): Promise<TApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: null, problems: [] };
  }
  const data = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return { ok: true, data: data as T };
  const error = (data as { error?: { message?: unknown; details?: { problems?: unknown } } } | null)?.error;
  const problems = Array.isArray(error?.details?.problems) ? error.details.problems.filter(isProblem) : [];
  return { ok: false, status: res.status, message: typeof error?.message === "string" ? error.message : null, problems };
}
