import { getTranslations } from "next-intl/server";

/** What an expert sees instead of the consent or the questionnaire once the study is closed: a message, not an error. */
export async function StudyClosed() {
  const t = await getTranslations("studies");
  return (
    <div className="card stack" style={{ maxWidth: "44rem", margin: "0 auto" }}>
      <h1>{t("closedTitle")}</h1>
      <p>{t("closedBody")}</p>
    </div>
  );
}
