import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundledPackageDir, findChromium, noChromiumHint, runsWith, unpackLibraries } from "./chromium";

const linuxX64 = process.platform === "linux" && process.arch === "x64";

describe("the test browser lookup", () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CHROMIUM_PATH;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
  });

  it("takes CHROMIUM_PATH first, and names it when it points nowhere", async () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(await findChromium()).toEqual({ executablePath: process.execPath, source: "CHROMIUM_PATH", env: {} });
    process.env.CHROMIUM_PATH = "/nowhere/chromium";
    await expect(findChromium()).rejects.toThrow("CHROMIUM_PATH is set to /nowhere/chromium, which does not exist.");
  });

  it.runIf(linuxX64)("on Linux x64 without CHROMIUM_PATH, unpacks the Chromium that npm installed and it runs", { timeout: 120_000 }, async () => {
    delete process.env.CHROMIUM_PATH;
    const found = await findChromium();
    expect(found?.source).toMatch(/^@sparticuz\/chromium \d+\.\d+\.\d+/);
    expect(found!.executablePath).toContain(path.join("node_modules", ".cache", "expert-panel"));
    const version = spawnSync(found!.executablePath, ["--version"], { env: { ...process.env, ...found!.env }, encoding: "utf8" });
    expect(version.stdout).toMatch(/^Chromium \d+\./);
    // A second lookup uses the unpacked file as it is.
    expect((await findChromium())!.executablePath).toBe(found!.executablePath);
  });

  it.runIf(linuxX64)("the package's own nss, nspr and expat unpack and load, for systems that lack them", { timeout: 120_000 }, async () => {
    delete process.env.CHROMIUM_PATH;
    const found = (await findChromium())!;
    const dir = mkdtempSync(path.join(tmpdir(), "chromium-libs-"));
    try {
      unpackLibraries(path.join(bundledPackageDir()!, "bin", "al2023.tar.br"), dir);
      for (const lib of ["libnss3.so", "libnspr4.so", "libexpat.so.1", "libsoftokn3.so"]) expect(existsSync(path.join(dir, "lib", lib))).toBe(true);
      expect(runsWith(found.executablePath, { LD_LIBRARY_PATH: path.join(dir, "lib") })).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says in one line what to do where no browser is bundled", () => {
    const hint = noChromiumHint("darwin", "arm64");
    expect(hint).toContain("darwin-arm64");
    expect(hint).toContain("CHROMIUM_PATH");
    expect(hint).not.toContain("\n");
    expect(noChromiumHint("linux", "x64")).toContain("npm install");
  });
});
