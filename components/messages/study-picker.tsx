import { getLocale, getTranslations } from "next-intl/server";

export type TStudyOption = { id: string; titleEn: string; titleRu: string };

/** Picks the study the messages pages show (a plain GET form: works without JavaScript). */
export async function StudyPicker({ action, studies, current }: { action: string; studies: TStudyOption[]; current: string }) {
  const [t, locale] = await Promise.all([getTranslations("messages"), getLocale()]);
  if (studies.length < 2) return null;
  return (
    <form method="get" action={action} className="msg-filters">
      <div>
        <label htmlFor="msg-study">{t("study")}</label>
        <select id="msg-study" name="study" defaultValue={current}>
          {studies.map((s) => (
            <option key={s.id} value={s.id}>
              {locale === "en" ? s.titleEn : s.titleRu}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary">
        {t("show")}
      </button>
    </form>
  );
}

/** The study named in the address, or the first one. */
export function pickStudy<T extends { id: string }>(studies: T[], requested: string | string[] | undefined): T | undefined {
  return studies.find((s) => s.id === requested) ?? studies[0];
}
