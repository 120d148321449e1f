import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/layout/client-messages";
import { getActor, homeOf } from "@/lib/auth/actor";
import { safeReturnPath } from "@/lib/http/safe-path";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("signin");

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (actor) redirect(homeOf(actor.role));
  const t = await getTranslations("signin");
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  return (
    <div className="card narrow stack">
      <h1>{t("title")}</h1>
      <ClientMessages namespaces={["signin"]}>
        <SignInForm returnTo={returnTo} />
      </ClientMessages>
    </div>
  );
}
