import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { StaffManager } from "@/components/coordinator/staff-manager";
import { requirePageActor } from "@/lib/auth/actor";
import { listStudies } from "@/lib/study/service";
import { listStaff } from "@/lib/users/service";

export const metadata: Metadata = { title: "Coordination" };

export default async function CoordinatorHomePage() {
  const actor = await requirePageActor("COORDINATOR", "/coordinator");
  const [studies, staff, t, ts, locale] = await Promise.all([
    listStudies(actor),
    actor.isAdmin ? listStaff(actor) : null,
    getTranslations("coordinator"),
    getTranslations("studies"),
    getLocale(),
  ]);
  return (
    <ClientMessages namespaces={["coordinator"]}>
      <CoordinatorNav current="/coordinator" />
      <h1>{t("title")}</h1>
      <section aria-labelledby="studies-title">
        <h2 id="studies-title">{ts("title")}</h2>
        <p className="muted">{ts("lead")}</p>
        {studies.length === 0 ? (
          <p className="card muted">{ts("none")}</p>
        ) : (
          <ul className="stack" style={{ listStyle: "none", padding: 0 }}>
            {studies.map((s) => (
              <li key={s.id} className="card">
                <strong>{locale === "en" ? s.titleEn : s.titleRu}</strong>
                {s.isDemo ? <span className="muted"> ({ts("demo")})</span> : null}
                <div className="row-actions">
                  <Link href={`/coordinator/monitor?study=${s.id}`}>{ts("monitor")}</Link>
                  <Link href={`/coordinator/panel?study=${s.id}`}>{ts("panel")}</Link>
                  <Link href={`/coordinator/results?study=${s.id}`}>{ts("results")}</Link>
                </div>
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
