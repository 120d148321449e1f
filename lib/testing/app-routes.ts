import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What the route files under app/api export, read from the files themselves (for the tests that every route is listed). */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type THttpMethodName = (typeof HTTP_METHODS)[number];

export const APP_DIR = path.resolve(__dirname, "../../app");

export function walk(dir: string, visit: (file: string) => void): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, visit);
    else visit(full);
  }
}

/** "/api/quotes/[quoteId]" for app/api/quotes/[quoteId]/route.ts; (group) folders are not part of the URL. */
export const urlPath = (file: string) =>
  `/${path
    .relative(APP_DIR, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .join("/")}`;

/** Every route handler under app/api with the HTTP methods its file exports. */
export function apiRoutes(): Map<string, THttpMethodName[]> {
  const routes = new Map<string, THttpMethodName[]>();
  walk(path.join(APP_DIR, "api"), (file) => {
    if (!/\/route\.(ts|tsx|js)$/.test(file)) return;
    const source = readFileSync(file, "utf8");
    const reexported = [...source.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((p) => p.trim().split(/\s+as\s+/).pop()!));
    routes.set(
      urlPath(file),
      HTTP_METHODS.filter((m) => new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b`).test(source) || reexported.includes(m)),
    );
  });
  return routes;
}
