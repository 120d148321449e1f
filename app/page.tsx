import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor, homeOf } from "@/lib/auth/actor";

export default async function HomePage() {
  const actor = await getActor();
  if (actor) redirect(homeOf(actor.role));
  const t = await getTranslations("home");
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>{t("lead")}</p>
      <p>
        <Link className="button" href="/signin">
          {t("staffSignIn")}
        </Link>
      </p>
      <p className="muted">{t("expertHint")}</p>
    </div>
  );
}
