"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { apiHref } from "@/lib/api/client";

export type TSaveState = "idle" | "unsaved" | "saving" | "saved" | "publishing" | "importing" | "opening";

/** Save / Publish / Preview / Export / Import, with the save status; a published version offers only a new draft. */
export function EditorToolbar({
  versionId,
  readOnly,
  state,
  ready,
  savedAt,
  onPublish,
  onImport,
  onNewDraft,
}: {
  versionId: string;
  readOnly: boolean;
  state: TSaveState;
  /** false until hydrated: the buttons wait for React */
  ready: boolean;
  savedAt: Date | null;
  onPublish: () => void;
  onImport: (file: File) => void;
  onNewDraft: () => void;
}) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = !ready || state === "saving" || state === "publishing" || state === "importing" || state === "opening";
  const statusText =
    state === "saving"
      ? t("saving")
      : state === "publishing"
        ? t("publishing")
        : state === "importing"
          ? t("importing")
          : state === "opening"
            ? t("openingDraft")
            : state === "saved" && savedAt
              ? t("savedAt", { time: new Intl.DateTimeFormat(locale, { timeStyle: "short", hourCycle: "h23" }).format(savedAt) })
              : state === "unsaved"
                ? t("unsaved")
                : "";

  return (
    <div className="ie-toolbar" role="group" aria-label={t("actions")}>
      <div className="ie-toolbar-buttons">
        {readOnly ? (
          <button type="button" onClick={onNewDraft} disabled={busy}>
            {t("newDraft")}
          </button>
        ) : (
          <>
            <button type="submit" disabled={busy}>
              {t("save")}
            </button>
            <button type="button" onClick={onPublish} disabled={busy}>
              {t("publish")}
            </button>
          </>
        )}
        <a className="button secondary" href={`/coordinator/instruments/${versionId}/preview`}>
          {t("preview")}
        </a>
        <a className="button secondary" href={apiHref("GET /api/coordinator/instrument-versions/[versionId]/export", { params: { versionId } })} download>
          {t("export")}
        </a>
        {!readOnly && (
          <span className="ie-import">
            <label htmlFor="ie-import-file" className="button secondary">
              {t("import")}
            </label>
            <input
              ref={fileInput}
              id="ie-import-file"
              className="ie-file"
              type="file"
              accept=".json,application/json"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) onImport(file);
                if (fileInput.current) fileInput.current.value = "";
              }}
            />
          </span>
        )}
      </div>
      <p className="ie-status" role="status" aria-live="polite">
        {statusText}
      </p>
    </div>
  );
}
