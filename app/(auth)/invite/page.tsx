import { getTranslations } from "next-intl/server";

export default async function InviteHelpPage() {
  const t = await getTranslations("invite");
  return (
    <div className="card narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("noToken")}</p>
    </div>
  );
}
