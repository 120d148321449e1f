import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("notFound");

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="card narrow stack">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/">{t("home")}</Link>
    </div>
  );
}
