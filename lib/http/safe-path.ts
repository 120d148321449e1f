/**
 * Only a path of this site may follow sign-in. Browsers read "/\\host" and "/<tab>/host" as other
 * origins, so the path is resolved against a stand-in origin and must stay on it.
 */
export function safeReturnPath(value: string | string[] | undefined): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  const base = "http://this.site";
  const resolved = new URL(value, base);
  return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : undefined;
}
