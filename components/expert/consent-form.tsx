"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";

export function ConsentForm({ textVersion, lang }: { textVersion: number; lang: "ru" | "en" }) {
  const t = useTranslations("expertFlow");
  const router = useRouter();
  const [state, setState] = useState<"idle" | "busy" | "declined" | "error">("idle");

  const decide = async (decision: "ACCEPTED" | "DECLINED") => {
    setState("busy");
    const res = await api("POST /api/expert/consent", { body: { decision, textVersion, language: lang } });
    if (!res.ok) {
      setState("error");
      return;
    }
    if (decision === "ACCEPTED") {
      router.push("/expert/questionnaire");
      router.refresh();
    } else {
      setState("declined");
    }
  };

  if (state === "declined") {
    return (
      <p className="alert" role="status">
        {t("declinedThanks")}
      </p>
    );
  }
  return (
    <div className="stack">
      {state === "error" && (
        <p className="alert error" role="alert">
          {t("consentFailed")}
        </p>
      )}
      <div className="row-actions">
        <button type="button" disabled={state === "busy"} onClick={() => void decide("ACCEPTED")}>
          {t("accept")}
        </button>
        <button type="button" className="secondary" disabled={state === "busy"} onClick={() => void decide("DECLINED")}>
          {t("decline")}
        </button>
      </div>
    </div>
  );
}
