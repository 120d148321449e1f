import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { machineLines, type TMachine } from "./machine";
import { markdownTable } from "./stats";
import type { TReport } from "./types";

/**
 * RESULTS.md keeps one section per benchmark between markers, so running one benchmark
 * (`--only autosave`) replaces its own section and leaves the others' last results in place.
 */

const HEADER = `# Benchmark results

Written by \`npm run bench\` (scripts/bench/run.ts); each section is replaced when its benchmark runs
again. Every run uses the production build and a fresh database that is dropped afterwards.
`;

const start = (name: string) => `<!-- bench:${name} -->`;
const end = (name: string) => `<!-- /bench:${name} -->`;

export function reportMarkdown(report: TReport, context: { date: string; machine: TMachine; command: string }): string {
  const checks = markdownTable([["target", "required", "measured", "result"], ...report.checks.map((c) => [c.label, c.target, c.actual, c.pass ? "PASS" : "FAIL"])]);
  return [
    `## ${report.title}`,
    "",
    `Run on ${context.date} with \`${context.command}\`.`,
    "",
    ...machineLines(context.machine).map((l) => `- ${l}`),
    "",
    markdownTable([["parameter", "value"], ...report.parameters]),
    "",
    markdownTable([["figure", "value"], ...report.figures]),
    "",
    checks,
    ...report.details.flatMap((d) => ["", `### ${d.title}`, "", d.text]),
  ].join("\n");
}

export function writeResults(file: string, sections: Array<{ name: string; markdown: string }>): void {
  let text = existsSync(file) ? readFileSync(file, "utf8") : HEADER;
  for (const { name, markdown } of sections) {
    const block = `${start(name)}\n${markdown.trimEnd()}\n${end(name)}`;
    const a = text.indexOf(start(name));
    const b = text.indexOf(end(name));
    if (a >= 0 && b > a) text = text.slice(0, a) + block + text.slice(b + end(name).length);
    else text = `${text.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(file, text.endsWith("\n") ? text : `${text}\n`);
}
