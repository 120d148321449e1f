"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function InvitationContinue({ token }: { token: string }) {
  const t = useTranslations("invite");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<"failed" | "throttled" | null>(null);
  return (
    <div className="stack">
      {failed && (
        <p className="alert error" role="alert">
          {t(failed)}
        </p>
      )}
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const result = await signIn("invitation", { token, redirect: false });
          if (!result || result.error) {
            setFailed(result?.error === "throttled" ? "throttled" : "failed");
            setBusy(false);
            return;
          }
          router.replace("/expert");
          router.refresh();
        }}
      >
        {busy ? t("continuing") : t("continue")}
      </button>
    </div>
  );
}
