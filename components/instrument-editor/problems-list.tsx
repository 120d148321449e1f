"use client";

import { useTranslations } from "next-intl";
import type { TProblem } from "@/lib/instrument/check";

/**
 * Scrolls to the element whose id is the problem's path, or the nearest enclosing one, and focuses
 * its first field. A folded item on the way is opened first, and its fields looked for once rendered.
 */
export function revealPath(path: string, attempts = 10): boolean {
  let current = path;
  for (;;) {
    const el = document.getElementById(current);
    if (el instanceof HTMLDetailsElement && !el.open) {
      el.open = true;
      if (current !== path && attempts > 0) {
        window.setTimeout(() => revealPath(path, attempts - 1), 30);
        return true;
      }
    }
    if (el) {
      if (current !== path && el instanceof HTMLDetailsElement && el.childElementCount < 2 && attempts > 0) {
        window.setTimeout(() => revealPath(path, attempts - 1), 30);
        return true;
      }
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      const field = el.matches("input, select, textarea") ? el : el.querySelector<HTMLElement>("input, select, textarea");
      (field ?? el).focus({ preventScroll: true });
      return true;
    }
    const parent = current.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
    if (parent === current || parent === "") return false;
    current = parent;
  }
}

/** Every problem the server reported, each with its path; a click shows the place in the form. */
export function ProblemsList({ problems, note }: { problems: TProblem[]; note: "current" | "stale" | "file" }) {
  const t = useTranslations("editor");
  if (problems.length === 0) return null;
  return (
    <section className="card ie-problems" aria-labelledby="ie-problems-title" id="ie-problems">
      <h2 id="ie-problems-title">{note === "file" ? t("problemsOfFile", { count: problems.length }) : t("problemsTitle", { count: problems.length })}</h2>
      <p className="hint">{note === "file" ? t("problemsOfFileHint") : note === "stale" ? t("problemsStale") : t("problemsHint")}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`} data-kind={p.kind}>
            {note === "file" ? (
              <code>{p.path}</code>
            ) : (
              <button type="button" className="ie-link" onClick={() => revealPath(p.path)}>
                <code>{p.path}</code>
              </button>
            )}{" "}
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
