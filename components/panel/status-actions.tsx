"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormAlert } from "@/components/forms/form-alert";
import { useApiAction } from "@/components/forms/use-api-action";
import type { TStatusAction } from "@/lib/panel/schemas";
import { IssueLinkButton } from "./issue-link-button";
import { api } from "@/lib/api/client";

/** Decline, withdraw or reinstate (only the moves the lifecycle allows are offered), and link re-issue. */
export function StatusActions({ expertId, actions }: { expertId: string; actions: TStatusAction[] }) {
  const t = useTranslations("panel");
  const { run, error } = useApiAction();
  const act = (action: TStatusAction) => run(() => api("POST /api/coordinator/experts/[id]/status", { params: { id: expertId }, body: { action } }), { refreshOnError: true });
  return (
    <div className="stack">
      <FormAlert message={error} />
      {actions.length > 0 && (
        <div className="row-actions">
          {actions.map((a) => (
            <button key={a} type="button" className="secondary" onClick={() => act(a)}>
              {t(a)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** The link re-issue on its own, for the detail page's invitation section. */
export function ExpertLink({ expertId }: { expertId: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="stack">
      <FormAlert message={error} />
      <div className="stack">
        <IssueLinkButton expertId={expertId} onError={setError} />
      </div>
    </div>
  );
}
