import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { StaffManager } from "@/components/coordinator/staff-manager";
import { actingAs, requirePageActor } from "@/lib/auth/actor";
import { listStudies } from "@/lib/study/service";
import { listStaff } from "@/lib/users/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("coordination");

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CoordinatorHomePage({ searchParams }: TProps) {
  const actor = await requirePageActor("COORDINATOR", "/coordinator");
  const showArchived = (await searchParams).archived === "1";
  const [all, interviewer, staff, t, ts, locale] = await Promise.all([
    listStudies(actor),
    actingAs(actor, ["INTERVIEWER"]),
    actor.isAdmin ? listStaff(actor) : null,
    getTranslations("coordinator"),
    getTranslations("studies"),
    getLocale(),
  ]);
  // Archived studies stay reachable, but out of the default list.
  const studies = all.filter((s) => showArchived || s.status !== "ARCHIVED");
  const archivedCount = all.length - all.filter((s) => s.status !== "ARCHIVED").length;
  return (
    <ClientMessages namespaces={["coordinator"]}>
      <CoordinatorNav current="/coordinator" />
      <h1>{t("title")}</h1>
      <section aria-labelledby="studies-title">
        <h2 id="studies-title">{ts("title")}</h2>
        <p className="muted">{ts("lead")}</p>
        <div className="row-actions" style={{ marginBottom: "1rem" }}>
          <Link className="button" href="/coordinator/studies/new">
            {ts("newTitle")}
          </Link>
          {interviewer && (
            <Link className="button secondary" href="/interviewer">
              {ts("yourInterviews")}
            </Link>
          )}
          {archivedCount > 0 && (
            <Link className="button secondary" href={showArchived ? "/coordinator" : "/coordinator?archived=1"}>
              {showArchived ? ts("hideArchived") : ts("showArchived", { n: archivedCount })}
            </Link>
          )}
        </div>
        {studies.length === 0 ? (
          <p className="card muted">{ts("none")}</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {studies.map((s) => (
              <li key={s.id} className="card">
                <Link href={`/coordinator/studies/${s.id}`}>
                  <strong>{locale === "en" ? s.titleEn : s.titleRu}</strong>
                </Link>
                {s.isDemo ? <span className="muted"> ({ts("demo")})</span> : null} <span className="muted">· {ts(`statuses.${s.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {staff ? (
        <section aria-labelledby="staff-title">
          <h2 id="staff-title">{t("staffTitle")}</h2>
          <p className="muted">{t("staffLead")}</p>
          <StaffManager
            currentUserId={actor.userId}
            users={staff.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role as "COORDINATOR" | "INTERVIEWER", disabled: Boolean(u.disabledAt) }))}
          />
        </section>
      ) : null}
    </ClientMessages>
  );
}
