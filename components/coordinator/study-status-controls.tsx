"use client";

import { useTranslations } from "next-intl";
import { ApiActionButton } from "@/components/forms/api-action-button";
import { api } from "@/lib/api/client";

/** The one next step of a study's lifecycle, as a button that asks for confirmation. */
export function StudyStatusControls({ studyId, next }: { studyId: string; next: "FIELDWORK" | "CLOSED" | "ARCHIVED" | null }) {
  const t = useTranslations("studies");
  if (!next) return null;
  return (
    <ApiActionButton
      label={t(`move.${next}`)}
      confirm={t(`confirm.${next}`)}
      call={() => api("POST /api/coordinator/studies/[studyId]/status", { params: { studyId }, body: { to: next } })}
    />
  );
}
