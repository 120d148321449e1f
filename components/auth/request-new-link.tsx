"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { api } from "@/lib/api/client";

export function RequestNewLink({ token }: { token: string }) {
  const t = useTranslations("invite");
  const [state, setState] = useState<"idle" | "busy" | "done" | "error" | "throttled">("idle");
  if (state === "done") {
    return (
      <p className="alert success" role="status">
        {t("requested")}
      </p>
    );
  }
  return (
    <div className="stack">
      {(state === "error" || state === "throttled") && (
        <p className="alert error" role="alert">
          {t(state === "throttled" ? "throttled" : "failed")}
        </p>
      )}
      <button
        type="button"
        className="secondary"
        disabled={state === "busy"}
        onClick={async () => {
          setState("busy");
          const res = await api("POST /api/invitations/request", { body: { token } });
          setState(res.ok ? "done" : res.error.status === 429 ? "throttled" : "error");
        }}
      >
        {t("requestNew")}
      </button>
    </div>
  );
}
