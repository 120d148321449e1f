"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/config";

export function LanguageSwitcher({ current }: { current: TLanguage }) {
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label style={{ display: "flex", gap: "0.4rem", alignItems: "center", margin: 0, fontWeight: 400 }}>
      <span>{t("language")}</span>
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
            {t(`languageNames.${l}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
