import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
const SOURCES = ["app", "components", "lib", "public", "types", "prisma/schema.prisma", "next.config.js", "package-lock.json", "tsconfig.json", "instrumentation.ts", "proxy.ts"];
const STAMP = path.join(ROOT, ".next", "source-fingerprint");

function walk(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const name of readdirSync(entry).sort()) if (name !== "generated") walk(path.join(entry, name), out);
  } else {
    out.push(`${path.relative(ROOT, entry)}:${stat.size}:${stat.mtimeMs}`);
  }
}

/** Size and mtime of every file the build reads: a changed source means a stale build. */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const s of SOURCES) walk(path.join(ROOT, s), files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

/** Runs `next build` unless the current build was made from these exact sources. */
export function buildIfStale(log: (line: string) => void): void {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;
  if (built) return;
  log("Building the app (next build); this takes a minute or two the first time...");
  const started = Date.now();
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  writeFileSync(STAMP, fingerprint);
  log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}
