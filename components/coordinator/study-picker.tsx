import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";

export type TStudyOption = { id: string; titleEn: string; titleRu: string; isDemo: boolean };

/**
 * The study a coordinator page works on, among `studies` (the actor's own, lib/study/service.ts
 * listStudies): the one in the address, else the demo study, else the first. A study in the address
 * that is not among them is a 404, whether it is another team's or does not exist.
 */
export function chooseStudy<T extends TStudyOption>(studies: T[], requested: string | string[] | undefined): T | undefined {
  const id = Array.isArray(requested) ? requested[0] : requested;
  if (id && !studies.some((s) => s.id === id)) notFound();
  return studies.find((s) => s.id === id) ?? studies.find((s) => s.isDemo) ?? studies[0];
}

/** Switches the page to another study: a plain GET form, so it works without JavaScript. Shown only when there is a choice. */
export async function StudyPicker({ action, studies, current }: { action: string; studies: TStudyOption[]; current: string | undefined }) {
  const [t, locale] = await Promise.all([getTranslations("common"), getLocale()]);
  if (studies.length < 2) return null;
  const id = `study-${action.replace(/\W+/g, "-")}`;
  return (
    <form method="get" action={action} className="row-actions" style={{ alignItems: "end", marginBottom: "1rem" }}>
      <div style={{ flex: "1 1 16rem" }}>
        <label htmlFor={id}>{t("study")}</label>
        <select id={id} name="study" defaultValue={current}>
          {studies.map((s) => (
            <option key={s.id} value={s.id}>
              {locale === "en" ? s.titleEn : s.titleRu}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t("showStudy")}</button>
    </form>
  );
}
