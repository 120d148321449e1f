import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The point of the contracts: a route's response field renamed without its callers fails
 * `npm run typecheck`. This compiles a real caller (the new-study form) against a copy of the study
 * contract whose `id` is renamed (a `paths` entry points the contract's import at the copy): it
 * must fail, and only at the caller's use of `res.data.id` (`npm run typecheck` shows the caller
 * compiles against the contract as it is).
 */
const ROOT = path.resolve(__dirname, "../..");
const CALLER = path.join(ROOT, "components/coordinator/study-form.tsx");
const CONTRACT = path.join(ROOT, "lib/study/contract.ts");
// Inside the project, so that the copy's own imports (zod) resolve from its node_modules.
mkdirSync(path.join(ROOT, "node_modules/.cache"), { recursive: true });
const scratch = mkdtempSync(path.join(ROOT, "node_modules/.cache/contract-typecheck-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function typecheck(contractSource: string, name: string): Promise<string> {
  const contract = path.join(scratch, `${name}.contract.ts`);
  writeFileSync(contract, contractSource);
  const config = path.join(scratch, `${name}.tsconfig.json`);
  writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { incremental: false, noEmit: true, plugins: [], paths: { "@/lib/study/contract": [contract], "@/*": [path.join(ROOT, "*")] } },
      files: [CALLER],
      include: [],
    }),
  );
  try {
    await promisify(execFile)(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", config], { cwd: ROOT });
    return "";
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("a renamed response field fails the typecheck at its callers", () => {
  it("the new-study form no longer compiles once the contract renames `id`", async () => {
    const source = readFileSync(CONTRACT, "utf8");
    const created = "response: z.object({ id: z.string(), slug: z.string() })";
    expect(source).toContain(created);
    const output = await typecheck(source.replace(created, "response: z.object({ studyId: z.string(), slug: z.string() })"), "renamed");
    const errors = output.split("\n").filter((line) => line.includes("error TS"));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/^components\/coordinator\/study-form\.tsx\(\d+,\d+\): error TS2339: Property 'id' does not exist/);
  }, 180_000);
});
