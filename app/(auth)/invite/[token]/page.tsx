import { getLocale, getTranslations } from "next-intl/server";
import { InvitationContinue } from "@/components/auth/invitation-continue";
import { RequestNewLink } from "@/components/auth/request-new-link";
import { ClientMessages } from "@/components/layout/client-messages";
import { inspectLink } from "@/lib/panel/link-requests";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("invitation", { referrer: "no-referrer" });

/**
 * The page an invitation link opens. Looking at it does not use the link (mail scanners open links
 * too); the expert's click on "Continue" does.
 */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, locale, link] = await Promise.all([getTranslations("invite"), getLocale(), inspectLink(token)]);
  const title = link.expert ? (locale === "en" ? link.expert.study.titleEn : link.expert.study.titleRu) : null;
  return (
    <ClientMessages namespaces={["invite"]}>
      <div className="card narrow stack">
        <h1>{t("title")}</h1>
        {link.state === "valid" ? (
          <>
            <p>{t("valid")}</p>
            <p>
              <strong>{title}</strong>
            </p>
            <InvitationContinue token={token} />
            <p className="hint">{t("singleUse")}</p>
          </>
        ) : (
          <>
            <p className="alert error" role="alert">
              {t(link.state)}
            </p>
            {link.state !== "unknown" && <RequestNewLink token={token} />}
          </>
        )}
      </div>
    </ClientMessages>
  );
}
