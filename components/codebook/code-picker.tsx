"use client";

import { useLocale, useTranslations } from "next-intl";
import { useMemo, useRef, useState } from "react";
import { flattenTree, type TCodeNode } from "@/lib/codebook/tree";

export const codeName = (node: Pick<TCodeNode, "nameRu" | "nameEn">, lang: string) => (lang === "ru" ? node.nameRu || node.nameEn : node.nameEn || node.nameRu);

/** Code id → its node and path, for showing tags. */
export function useCodeIndex(codes: readonly TCodeNode[]) {
  return useMemo(() => new Map(flattenTree(codes).map((f) => [f.node.id, f])), [codes]);
}

/** The codes on a quote or note, as small tags (full path in the title). */
export function CodeTags({ codes, ids, label }: { codes: readonly TCodeNode[]; ids: readonly string[]; label: string }) {
  const lang = useLocale();
  const t = useTranslations("codebook");
  const index = useCodeIndex(codes);
  const known = ids.map((id) => index.get(id)).filter((f) => f !== undefined);
  if (known.length === 0) return <p className="iv-tags-empty muted">{t("noCodes")}</p>;
  return (
    <ul className="iv-tags" aria-label={label}>
      {known.map((f) => (
        <li key={f.node.id} className="iv-tag" title={f.path.map((n) => codeName(n, lang)).join(" › ")}>
          <span className="iv-tag-code">{f.node.code}</span> {codeName(f.node, lang)}
        </li>
      ))}
    </ul>
  );
}

function CodeChecks({ nodes, selected, toggle, idPrefix }: { nodes: readonly TCodeNode[]; selected: ReadonlySet<string>; toggle: (id: string) => void; idPrefix: string }) {
  const lang = useLocale();
  return (
    <ul className="iv-code-list">
      {nodes.map((node) => {
        const id = `${idPrefix}-${node.id}`;
        return (
          <li key={node.id}>
            <span className="iv-check">
              <input type="checkbox" id={id} checked={selected.has(node.id)} onChange={() => toggle(node.id)} />
              <label htmlFor={id}>
                <span className="iv-tag-code">{node.code}</span> {codeName(node, lang)}
              </label>
            </span>
            {node.children.length > 0 && <CodeChecks nodes={node.children} selected={selected} toggle={toggle} idPrefix={idPrefix} />}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Tags and a disclosure with the whole codebook tree as checkboxes; each tick saves at once.
 * The checkboxes are only rendered while it is open, so a page with many quotes stays light.
 */
export function CodePicker({
  codes,
  selected,
  onChange,
  legend,
  idPrefix,
  disabled = false,
}: {
  codes: readonly TCodeNode[];
  selected: readonly string[];
  onChange: (next: string[]) => Promise<boolean>;
  legend: string;
  idPrefix: string;
  disabled?: boolean;
}) {
  const t = useTranslations("codebook");
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  // Ticks show at once; saves go out one after another, each with the whole set, so the last tick wins.
  const [optimistic, setOptimistic] = useState<string[] | null>(null);
  const latest = useRef<string[] | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const current = optimistic ?? selected;
  const set = useMemo(() => new Set(current), [current]);

  const toggle = (id: string) => {
    const base = latest.current ?? [...selected];
    const next = base.includes(id) ? base.filter((c) => c !== id) : [...base, id];
    latest.current = next;
    setOptimistic(next);
    setFailed(false);
    chain.current = chain.current.then(async () => {
      const ok = await onChange(next).catch(() => false);
      if (!ok) setFailed(true);
      if (latest.current === next) {
        latest.current = null;
        setOptimistic(null);
      }
    });
  };

  return (
    <div className="iv-codes">
      <CodeTags codes={codes} ids={current} label={legend} />
      {!disabled && (
        <details className="iv-picker" onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t("editCodes")}</summary>
          {open &&
            (codes.length === 0 ? (
              <p className="muted">{t("emptyPicker")}</p>
            ) : (
              <fieldset className="iv-picker-body" aria-describedby={failed ? `${idPrefix}-error` : undefined}>
                <legend>{legend}</legend>
                <CodeChecks nodes={codes} selected={set} toggle={toggle} idPrefix={idPrefix} />
              </fieldset>
            ))}
          {failed && (
            <p id={`${idPrefix}-error`} className="field-error" role="alert">
              {t("codesFailed")}
            </p>
          )}
        </details>
      )}
    </div>
  );
}
