"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";

/** Issues a fresh single-use sign-in link (older links stop working) and shows it once. */
export function IssueLinkButton({ expertId, onError }: { expertId: string; onError: (message: string) => void }) {
  const t = useTranslations("coordinator");
  const common = useTranslations("common");
  const [link, setLink] = useState<string | null>(null);
  const issue = async () => {
    const result = await api("POST /api/coordinator/experts/[id]/invitation", { params: { id: expertId } });
    if (!result.ok) return onError(result.error.message ?? common("unexpectedError"));
    setLink(`${window.location.origin}${result.data.path}`);
  };
  return (
    <>
      <button type="button" className="secondary" onClick={issue}>
        {t("issueLink")}
      </button>
      {link && (
        <p role="status">
          {t("newLink")} <code className="link">{link}</code>
        </p>
      )}
    </>
  );
}
