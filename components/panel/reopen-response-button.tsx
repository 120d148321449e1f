"use client";

import { useTranslations } from "next-intl";
import { ApiActionButton } from "@/components/forms/api-action-button";
import { api } from "@/lib/api/client";

/** Reopens a submitted response so the expert can change it (audited by the server). */
export function ReopenResponseButton({ responseId }: { responseId: string }) {
  const t = useTranslations("coordinator");
  return <ApiActionButton label={t("reopen")} className="secondary" call={() => api("POST /api/coordinator/responses/[responseId]/reopen", { params: { responseId } })} />;
}
