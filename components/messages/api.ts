/** A same-origin JSON call; an error comes back with the server's message (shown to the coordinator). */
export async function send<T>(url: string, method: "GET" | "POST" | "PUT", body?: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string | null }> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = (await res.json().catch(() => null)) as unknown;
    if (res.ok) return { ok: true, data: data as T };
    const message = (data as { error?: { message?: unknown } } | null)?.error?.message;
    return { ok: false, message: typeof message === "string" ? message : null };
  } catch {
    return { ok: false, message: null };
  }
}
