"use client";

import { useTranslations } from "next-intl";
import { useEditor } from "./editor-context";

/** Focuses an element once React has rendered it (moved elements are remounted). */
function focusSoon(ids: string[], tries = 5) {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
    if (tries > 0) focusSoon(ids, tries - 1);
  });
}

/**
 * Move up / move down / remove buttons of one element of a list; each names its element. After a
 * move, focus follows the element to its new place.
 */
export function ListControls({
  owner,
  index,
  count,
  pathAt,
  onMove,
  onRemove,
}: {
  owner: string;
  index: number;
  count: number;
  /** the element's path at a position, e.g. `(i) => sections[0].items[${i}]` */
  pathAt: (index: number) => string;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("editor");
  const { readOnly } = useEditor();
  if (readOnly) return null;
  const move = (to: number, key: "moveUp" | "moveDown") => {
    onMove(index, to);
    focusSoon([`${pathAt(to)}.${key}`, `${pathAt(to)}.${key === "moveUp" ? "moveDown" : "moveUp"}`]);
  };
  const here = pathAt(index);
  return (
    <div className="row-actions ie-list-controls">
      <button
        type="button"
        id={`${here}.moveUp`}
        className="secondary"
        disabled={index === 0}
        aria-label={t("ownerAction", { owner, action: t("moveUp") })}
        onClick={() => move(index - 1, "moveUp")}
      >
        {t("moveUp")}
      </button>
      <button
        type="button"
        id={`${here}.moveDown`}
        className="secondary"
        disabled={index >= count - 1}
        aria-label={t("ownerAction", { owner, action: t("moveDown") })}
        onClick={() => move(index + 1, "moveDown")}
      >
        {t("moveDown")}
      </button>
      <button type="button" className="secondary ie-danger" aria-label={t("ownerAction", { owner, action: t("remove") })} onClick={onRemove}>
        {t("remove")}
      </button>
    </div>
  );
}

/** An "Add …" button, named after the list it adds to. */
export function AddButton({ owner, label, onClick, disabled }: { owner?: string; label: string; onClick: () => void; disabled?: boolean }) {
  const t = useTranslations("editor");
  const { readOnly } = useEditor();
  if (readOnly) return null;
  return (
    <div>
      <button type="button" className="secondary" disabled={disabled} aria-label={owner ? t("ownerAction", { owner, action: label }) : undefined} onClick={onClick}>
        + {label}
      </button>
    </div>
  );
}
