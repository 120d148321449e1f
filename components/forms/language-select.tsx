import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { LANGUAGES } from "@/lib/i18n/config";

/** A labelled choice of the app's languages, each named in itself. Pass react-hook-form's `register(...)` (and any aria props) as `select`. */
export function LanguageSelect({ id, label, select }: { id: string; label: string; select: ComponentProps<"select"> }) {
  const common = useTranslations("common");
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...select}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {common(`languageNames.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
