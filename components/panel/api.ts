/** A JSON request from a panel form; the error's message and details come back for the form to show. */
export async function sendJson<T = unknown>(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ ok: true; data: T } | { ok: false; status: number; message?: string; details?: unknown }> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = (await res.json().catch(() => null)) as (T & { error?: { message?: string; details?: unknown } }) | null;
  if (res.ok) return { ok: true, data: data as T };
  return { ok: false, status: res.status, message: data?.error?.message, details: data?.error?.details };
}
