"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/config";

/** Its texts come translated from the (server) header, so the root layout needs no client messages. */
export function LanguageSwitcher({ current, label, names }: { current: TLanguage; label: string; names: Record<TLanguage, string> }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label style={{ display: "flex", gap: "0.4rem", alignItems: "center", margin: 0, fontWeight: 400 }}>
      <span className="lang-label">{label}</span>
      <select
        value={current}
        disabled={pending}
        style={{ width: "auto" }}
        onChange={(event) => {
          const language = event.target.value;
          startTransition(async () => {
            await fetch("/api/locale", {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify({ language }),
            });
            router.refresh();
          });
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {names[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
