import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { StudyPicker, chooseStudy } from "@/components/coordinator/study-picker";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { PlanRoundForm } from "@/components/rounds/plan-round-form";
import { RoundActions } from "@/components/rounds/round-actions";
import { requirePageActor } from "@/lib/auth/actor";
import { itemsWithoutConsensus, listRounds, roundItems } from "@/lib/delphi/rounds";
import { pageMetadata } from "@/lib/i18n/metadata";
import { pick } from "@/lib/i18n/text";
import { listStudies } from "@/lib/study/service";

export const generateMetadata = pageMetadata("rounds");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RoundsPage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator/rounds");
  const [studies, t, locale] = await Promise.all([listStudies(actor), getTranslations("rounds"), getLocale()]);
  const study = chooseStudy(studies, (await searchParams).study);
  const lang = locale === "en" ? "en" : "ru";
  const rounds = study ? await listRounds(actor, study.id) : null;
  const date = (d: Date | null) => (d ? new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone: "UTC" }).format(d) : "—");
  return (
    <ClientMessages namespaces={["rounds"]}>
      <CoordinatorNav current="/coordinator/rounds" />
      <h1>{t("title")}</h1>
      <p className="muted">{t("lead")}</p>
      <StudyPicker action="/coordinator/rounds" studies={studies} current={study?.id} />
      {!study || !rounds ? (
        <p className="card muted">{t("noStudies")}</p>
      ) : rounds.questionnaires.every((q) => !q.definition) ? (
        <p className="card muted">{t("noQuestionnaire")}</p>
      ) : (
        await Promise.all(
          rounds.questionnaires
            .filter((q) => q.definition)
            .map(async (q) => {
              const title = pick(q.definition!.title, lang) || q.name;
              const last = q.waves[q.waves.length - 1];
              const judged = [...q.waves].reverse().find((w) => w.status !== "PLANNED");
              const preselected = judged ? await itemsWithoutConsensus(actor, study.id, judged.id) : [];
              const items = roundItems(q.definition!).map((i) => ({ code: i.code, title: pick(i.text, lang) }));
              return (
                <section key={q.instrumentId} aria-labelledby={`rounds-${q.instrumentId}`} className="stack">
                  <h2 id={`rounds-${q.instrumentId}`}>{t("waves", { name: title })}</h2>
                  <div className="table-wrap" tabIndex={0} role="region" aria-label={t("waves", { name: title })}>
                    <table data-testid="rounds-table">
                      <thead>
                        <tr>
                          <th scope="col">{t("number")}</th>
                          <th scope="col">{t("kind")}</th>
                          <th scope="col">{t("status")}</th>
                          <th scope="col">{t("audience")}</th>
                          <th scope="col">{t("items")}</th>
                          <th scope="col">{t("submitted")}</th>
                          <th scope="col">{t("closes")}</th>
                          <th scope="col">{t("actions")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {q.waves.map((w) => (
                          <tr key={w.id} data-testid={`round-row-${w.number}`}>
                            <td>{w.number}</td>
                            <td>{t(`kind_${w.kind}`)}</td>
                            <td data-testid={`round-status-${w.number}`}>{t(`status_${w.status}`)}</td>
                            <td>{t(`audience_${w.audience}`)}</td>
                            <td>{w.itemCodes.length === 0 ? t("allItems") : w.itemCodes.join(", ")}</td>
                            <td>{w.submitted}</td>
                            <td>{date(w.closesAt)}</td>
                            <td className="row-actions">
                              {w.status !== "PLANNED" && (
                                <Link href={`/coordinator/rounds/${w.id}?study=${study.id}`} className="button secondary">
                                  {t("report")}
                                </Link>
                              )}
                              <RoundActions studyId={study.id} waveId={w.id} status={w.status} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {last?.status !== "PLANNED" && <PlanRoundForm studyId={study.id} instrumentId={q.instrumentId} number={(last?.number ?? 0) + 1} items={items} preselected={preselected} />}
                </section>
              );
            }),
        )
      )}
    </ClientMessages>
  );
}
