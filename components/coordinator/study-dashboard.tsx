import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { auditActionName } from "@/components/audit/audit-values";
import { ResultsFunnel } from "@/components/results/funnel";
import type { TDashboard } from "@/lib/monitor/dashboard";

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace("T", " ")} UTC` : "—");

/** A study's home: funnel and targets, reminders due, interviews, latest activity (a server component). */
export async function StudyDashboard({ studyId, data }: { studyId: string; data: TDashboard }) {
  const [t, tm, ta, common, locale] = await Promise.all([getTranslations("studies"), getTranslations("monitor"), getTranslations("audit"), getTranslations("common"), getLocale()]);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const country = (c: string) => (common.has(`countries.${c}`) ? common(`countries.${c}` as "countries.RU") : c);
  const group = (g: string) => common(`groups.${g}` as "groups.SCIENTIST");
  const expert = (e: { pseudonym: number; name: string }) => `${common("expertPseudonym", { n: e.pseudonym })} · ${e.name}`;
  return (
    <>
      <section aria-labelledby="dashboard-funnel">
        <h2 id="dashboard-funnel">{t("dashboard.funnelTitle")}</h2>
        <ResultsFunnel funnel={Promise.resolve(data.funnel)} studyId={studyId} />
        <div className="table-wrap card" style={{ marginTop: "1rem" }}>
          <table data-testid="dashboard-targets">
            <caption className="muted">{t("dashboard.targetsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{tm("country")}</th>
                <th scope="col">{tm("group")}</th>
                <th scope="col">{tm("target")}</th>
                <th scope="col">{tm("stages.started")}</th>
                <th scope="col">{tm("stages.completed")}</th>
                <th scope="col">{tm("progress")}</th>
              </tr>
            </thead>
            <tbody>
              {data.cells.map((c) => (
                <tr key={`${c.country}:${c.expertGroup}`}>
                  <th scope="row">{country(c.country)}</th>
                  <td>{group(c.expertGroup)}</td>
                  <td className="num">{c.target ?? "—"}</td>
                  <td className="num">{c.started}</td>
                  <td className="num">{c.completed}</td>
                  <td className="num">{c.progress === null ? "—" : percent.format(c.progress)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="dashboard-totals">
                <th scope="row" colSpan={2}>
                  {t("dashboard.total")}
                </th>
                <td className="num">{data.totals.target}</td>
                <td className="num">{data.totals.started}</td>
                <td className="num">{data.totals.completed}</td>
                <td className="num">{data.totals.target > 0 ? percent.format(data.totals.completed / data.totals.target) : "—"}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section aria-labelledby="dashboard-waiting">
        <h2 id="dashboard-waiting">{t("dashboard.waitingTitle")}</h2>
        {data.waiting.length === 0 ? (
          <p className="card muted">{t("dashboard.waitingNone")}</p>
        ) : (
          <div className="table-wrap card">
            <table data-testid="dashboard-waiting">
              <caption className="muted">{t("dashboard.waitingCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{tm("expert")}</th>
                  <th scope="col">{t("dashboard.waitingFor")}</th>
                  <th scope="col">{t("dashboard.invitedAt")}</th>
                  <th scope="col">{t("dashboard.lastReminder")}</th>
                </tr>
              </thead>
              <tbody>
                {data.waiting.map((w) => (
                  <tr key={w.expertId}>
                    <th scope="row">
                      <Link href={`/coordinator/panel/${w.expertId}`}>{expert(w)}</Link>
                    </th>
                    <td>{t(`dashboard.waiting.${w.waitingFor}`)}</td>
                    <td>{utc(w.invitedAt)}</td>
                    <td>{utc(w.lastReminderAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="dashboard-interviews">
        <h2 id="dashboard-interviews">{t("dashboard.interviewsTitle")}</h2>
        {data.interviews.length === 0 ? (
          <p className="card muted">{t("dashboard.interviewsNone")}</p>
        ) : (
          <div className="table-wrap card">
            <table data-testid="dashboard-interviews">
              <caption className="muted">{t("dashboard.interviewsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{tm("expert")}</th>
                  <th scope="col">{t("dashboard.interviewer")}</th>
                  <th scope="col">{tm("status")}</th>
                  <th scope="col">{t("dashboard.when")}</th>
                </tr>
              </thead>
              <tbody>
                {data.interviews.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link href={`/coordinator/interviews/${i.id}`}>{expert(i.expert)}</Link>
                    </th>
                    <td>{i.interviewer}</td>
                    <td>{t(`dashboard.interviewStatus.${i.status}`)}</td>
                    <td>{utc(i.startedAt ?? i.plannedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section aria-labelledby="dashboard-activity">
        <h2 id="dashboard-activity">{t("dashboard.activityTitle")}</h2>
        {data.activity.length === 0 ? (
          <p className="card muted">{t("dashboard.activityNone")}</p>
        ) : (
          <ul className="card stack" data-testid="dashboard-activity" style={{ listStyle: "none" }}>
            {data.activity.map((a) => (
              <li key={a.id}>
                <span className="muted">{utc(a.at)}</span> · {auditActionName(ta, a.action)} · {a.actor ?? ta("system")}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/coordinator/audit">{t("dashboard.activityMore")}</Link>
        </p>
      </section>
    </>
  );
}
