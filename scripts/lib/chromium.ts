// The one browser lookup for the end-to-end tests, the README screenshot and the Lighthouse benchmark:
// 1. CHROMIUM_PATH, if set;
// 2. on Linux x64, the Chromium that ships inside the npm package @sparticuz/chromium (a devDependency),
//    unpacked once into node_modules/.cache, so `npm install` is all a fresh machine needs;
// 3. a system Chromium (/usr/bin/chromium, Debian's package) or Playwright's own download.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { brotliDecompressSync, createBrotliDecompress } from "node:zlib";
import { ROOT } from "./build";

export type TChromium = {
  executablePath: string;
  /** Where it came from, for the one line the runners print. */
  source: string;
  /** Extra environment for the browser process (the bundled libraries, when the system lacks them). */
  env: Record<string, string>;
};

/**
 * The flags every launch uses. `--single-process` and the rest of @sparticuz/chromium's own defaults
 * are deliberately absent: with them the browser dies when a context closes.
 */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const BUNDLED_PACKAGE = "@sparticuz/chromium";

export function noChromiumHint(platform = process.platform, arch = process.arch): string {
  const bundled = platform === "linux" && arch === "x64";
  return bundled
    ? `No Chromium found: the one bundled in ${BUNDLED_PACKAGE} is missing (run \`npm install\`), or set CHROMIUM_PATH to a Chrome or Chromium.`
    : `No Chromium found: the bundled browser exists only for Linux x64, and this is ${platform}-${arch}; set CHROMIUM_PATH to an installed Chrome or Chromium, or run \`npx playwright install chromium\`.`;
}

/** Finds (and on first use unpacks) a Chromium, or returns null with nothing found. */
export async function findChromium(): Promise<TChromium | null> {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH is set to ${override}, which does not exist.`);
    return { executablePath: override, source: "CHROMIUM_PATH", env: {} };
  }
  if (process.platform === "linux" && process.arch === "x64") {
    const bundled = await bundledChromium();
    if (bundled) return bundled;
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return { executablePath: candidate, source: `the system's ${candidate}`, env: {} };
  }
  try {
    const { chromium } = await import("@playwright/test");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { executablePath: own, source: "Playwright's own download", env: {} };
  } catch {
    // Playwright has no browser of its own here
  }
  return null;
}

/** The package's folder (its `exports` hide package.json, so climb from its entry point). */
export function bundledPackageDir(): string | null {
  let dir: string;
  try {
    dir = path.dirname(createRequire(path.join(ROOT, "package.json")).resolve(BUNDLED_PACKAGE));
  } catch {
    return null;
  }
  for (; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === BUNDLED_PACKAGE) return dir;
  }
  return null;
}

/** A name beside `final` that no other process uses; renamed into place only once complete. */
function temporaryBeside(final: string): string {
  return `${final}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`;
}

async function bundledChromium(): Promise<TChromium | null> {
  const packageDir = bundledPackageDir();
  if (!packageDir) return null;
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string };
  const cacheDir = path.join(ROOT, "node_modules", ".cache", "expert-panel", `chromium-${version}`);
  const executablePath = path.join(cacheDir, "chromium");
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(executablePath)) {
    const partial = temporaryBeside(executablePath);
    try {
      await pipeline(createReadStream(path.join(packageDir, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(partial, { mode: 0o755 }));
      renameSync(partial, executablePath);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  const source = `${BUNDLED_PACKAGE} ${version}`;
  const probe = runsWith(executablePath, {});
  if (probe === true) return { executablePath, source, env: {} };
  // The system lacks a library the browser needs (nss, nspr, expat): the package carries those too.
  const libDir = path.join(cacheDir, "lib");
  if (!existsSync(path.join(libDir, "libnss3.so"))) unpackLibraries(path.join(packageDir, "bin", "al2023.tar.br"), cacheDir);
  const env = { LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(":") };
  const second = runsWith(executablePath, env);
  if (second === true) return { executablePath, source: `${source} (with its own nss libraries)`, env };
  throw new Error(`The bundled Chromium (${source}) does not start here: ${second}`);
}

/** true, or the first line of what the browser said when it failed. */
export function runsWith(executablePath: string, env: Record<string, string>): true | string {
  const result = spawnSync(executablePath, ["--version"], { env: { ...process.env, ...env }, encoding: "utf8", timeout: 30_000 });
  if (result.status === 0) return true;
  return (result.stderr || result.error?.message || `exit ${result.status}`).trim().split("\n")[0]!;
}

/** Unpacks the regular files of a brotli-compressed tar (its `lib/` folder) into `into`. */
export function unpackLibraries(archive: string, into: string): void {
  const tar = brotliDecompressSync(readFileSync(archive));
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) => header.subarray(start, start + length).toString("utf8").replace(/\0.*$/s, "");
    const name = path.posix.join(field(345, 155), field(0, 100));
    const size = parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const body = tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
    if (type !== "0" || !name.startsWith("lib/") || name.includes("..")) continue;
    const target = path.join(into, name);
    mkdirSync(path.dirname(target), { recursive: true });
    const partial = temporaryBeside(target);
    writeFileSync(partial, body, { mode: 0o755 });
    renameSync(partial, target);
  }
}
