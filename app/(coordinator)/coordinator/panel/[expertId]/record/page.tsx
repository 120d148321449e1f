import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { ReopenResponseButton } from "@/components/panel/reopen-response-button";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { pageMetadata } from "@/lib/i18n/metadata";
import { getExpertRecord } from "@/lib/responses/record";

export const generateMetadata = pageMetadata("expertRecord");

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

/** One expert's responses and consent, read-only, for the coordinators of their study. */
export default async function ExpertRecordPage({ params }: { params: Promise<{ expertId: string }> }) {
  const { expertId } = await params;
  if (!z.uuid().safeParse(expertId).success) notFound();
  const actor = await requirePageActor("COORDINATOR", `/coordinator/panel/${expertId}/record`);
  const [t, tq, common, locale] = await Promise.all([getTranslations("panel"), getTranslations("questionnaire"), getTranslations("common"), getLocale()]);
  const lang = locale === "en" ? "en" : "ru";
  const record = await getExpertRecord(actor, expertId, lang, { cannotAssess: tq("cannotAssess") }).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  return (
    <ClientMessages namespaces={["coordinator"]}>
      <CoordinatorNav current="/coordinator/panel" />
      <p>
        <Link href={`/coordinator/panel/${record.id}`}>{t("record.back")}</Link>
      </p>
      <h1>
        {t("record.title")}: {common("expertPseudonym", { n: record.pseudonym })} · {record.name}
      </h1>
      <p className="muted">{t("record.lead")}</p>
      <section aria-labelledby="record-consent">
        <h2 id="record-consent">{t("record.consentTitle")}</h2>
        {record.consents.length === 0 ? (
          <p className="card muted">{t("record.noConsent")}</p>
        ) : (
          <div className="table-wrap card">
            <table data-testid="record-consents">
              <caption className="muted">{t("record.consentCaption", { version: record.currentConsentVersion })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("record.decidedAt")}</th>
                  <th scope="col">{t("record.decision")}</th>
                  <th scope="col">{t("record.textVersion")}</th>
                  <th scope="col">{t("record.language")}</th>
                </tr>
              </thead>
              <tbody>
                {record.consents.map((c) => (
                  <tr key={c.id}>
                    <td>{utc(c.decidedAt)}</td>
                    <td>{t(`record.decisions.${c.decision}`)}</td>
                    <td className="num">{c.textVersion}</td>
                    <td lang={c.language}>{common(`languageNames.${c.language}` as "languageNames.ru")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="record-responses">
        <h2 id="record-responses">{t("record.responsesTitle")}</h2>
        {record.responses.length === 0 && <p className="card muted">{t("record.noResponses")}</p>}
        {record.responses.map((r, index) => (
          <article key={r.id} className="card stack" aria-labelledby={`response-${r.id}`} data-testid={`record-response-${index + 1}`} style={{ marginBottom: "1rem" }}>
            <h3 id={`response-${r.id}`} style={{ margin: 0 }}>
              {t("record.responseHeading", { n: index + 1, instrument: r.version.title, version: r.version.number })}
            </h3>
            <dl>
              <dt>{t("record.status")}</dt>
              <dd>{t(`record.statuses.${r.status}`)}</dd>
              <dt>{t("record.startedAt")}</dt>
              <dd>{utc(r.startedAt)}</dd>
              <dt>{t("record.updatedAt")}</dt>
              <dd>{utc(r.updatedAt)}</dd>
              <dt>{t("record.submittedAt")}</dt>
              <dd>{utc(r.submittedAt)}</dd>
            </dl>
            {r.status === "SUBMITTED" && <ReopenResponseButton responseId={r.id} />}
            {r.sections.map((s) => (
              <div key={s.code} className="table-wrap">
                <table>
                  <caption>{s.title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("record.item")}</th>
                      <th scope="col">{t("record.answer")}</th>
                      <th scope="col">{t("record.revisions")}</th>
                      <th scope="col">{t("record.savedAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.items.map((i) => (
                      <tr key={i.code} data-testid={`record-${i.code}`}>
                        <th scope="row">
                          <span className="muted">{i.code}</span> {i.text}
                        </th>
                        <td lang={lang}>{i.answer ?? "—"}</td>
                        <td className="num">{i.revisions}</td>
                        <td>{utc(i.savedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ))}
          </article>
        ))}
      </section>
    </ClientMessages>
  );
}
