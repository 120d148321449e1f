/**
 * The one rule for characters in what clients send: text may hold any Unicode character except
 * U+0000 (NUL) and UTF-16 surrogates without their pair (e.g. "\ud800x", which JSON can carry as an
 * escape). PostgreSQL stores neither: a text column refuses NUL, and jsonb (the audit log, answers)
 * refuses both. Such input is refused with a 400 that names the field, before any handler runs,
 * wherever it comes in:
 *
 * - JSON bodies of every API route, every string and every object key at any depth
 *   (lib/route/handler.ts, before the route's zod schema);
 * - the path and query string of every request, pages included (proxy.ts); a path that does not
 *   decode as UTF-8 is refused there too. (A query string's undecodable bytes are read as U+FFFD.)
 *
 * Nothing is removed or replaced: a refused field is the user's to correct.
 */
export const UNSTORABLE_MESSAGE = "contains a character that cannot be stored (U+0000 or an unpaired UTF-16 surrogate)";
/** The error code of such a 400 (the autosave queue tells the user what is wrong by it: lib/autosave/queue.ts). */
export const UNSTORABLE_CODE = "unstorable_text";

export function isStorableText(text: string): boolean {
  return !text.includes("\u0000") && text.isWellFormed();
}

/**
 * The path (as zod writes it, "items.0.text") of the first string or object key in `value` that
 * breaks the rule, "" when `value` itself is such a string, or null when all is well. Iterative, so
 * that a deeply nested body cannot exhaust the stack.
 */
export function findUnstorableText(value: unknown): string | null {
  // Each entry links to its parent, so a path is built only for the one field reported.
  type TNode = { value: unknown; key: string | null; parent: TNode | null };
  const pathOf = (node: TNode | null, last?: string): string => {
    const keys: string[] = last === undefined ? [] : [last];
    for (let n = node; n && n.key !== null; n = n.parent) keys.push(n.key);
    return keys.reverse().join(".");
  };
  const stack: TNode[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.value;
    if (typeof v === "string") {
      if (!isStorableText(v)) return pathOf(node);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: node });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      for (const [key] of entries) if (!isStorableText(key)) return pathOf(node, key.replace(/[\u0000\ud800-\udfff]/g, "\ufffd"));
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return null;
}

/** The message of the 400: names the field (shown with `where`, e.g. "query parameter"). */
export function unstorableMessage(path: string, where = "field"): string {
  const shown = path.length > 200 ? `${path.slice(0, 200)}…` : path;
  return path ? `The ${where} "${shown}" ${UNSTORABLE_MESSAGE}.` : `The request ${UNSTORABLE_MESSAGE}.`;
}

/**
 * The same rule for a request's address: each query parameter (name and value, as decoded) and
 * each path segment. Returns the 400's message and detail, or null when all is well.
 */
export function findUnstorableInUrl(url: URL): { code: string; path: string; message: string } | null {
  for (const [name, value] of url.searchParams) {
    if (!isStorableText(name) || !isStorableText(value)) {
      const shown = name.replace(/[\u0000\ud800-\udfff]/g, "\ufffd");
      return { code: UNSTORABLE_CODE, path: shown, message: unstorableMessage(shown, "query parameter") };
    }
  }
  for (const segment of url.pathname.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // Not UTF-8 (e.g. an unpaired surrogate's bytes, %ED%A0%80): Next fails on it with a 500.
      return { code: "bad_request", path: "", message: "The address is not valid: it is not percent-encoded UTF-8." };
    }
    if (!isStorableText(decoded)) return { code: UNSTORABLE_CODE, path: "", message: `The address ${UNSTORABLE_MESSAGE}.` };
  }
  return null;
}
