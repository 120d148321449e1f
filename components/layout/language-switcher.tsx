"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { api } from "@/lib/api/client";
import { LANGUAGES, isLanguage, type TLanguage } from "@/lib/i18n/config";

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
          if (!isLanguage(language)) return;
          startTransition(async () => {
            await api("POST /api/locale", { body: { language } });
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
