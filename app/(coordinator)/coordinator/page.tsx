import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PanelTable } from "@/components/coordinator/panel-table";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { StaffManager } from "@/components/coordinator/staff-manager";
import { requirePageActor } from "@/lib/auth/actor";
import { listPanel } from "@/lib/panel/service";
import { listStaff } from "@/lib/users/service";

export const metadata: Metadata = { title: "Coordination" };

export default async function CoordinatorHomePage() {
  const actor = await requirePageActor("COORDINATOR", "/coordinator");
  const [staff, panel, t] = await Promise.all([listStaff(actor), listPanel(actor), getTranslations("coordinator")]);
  return (
    <ClientMessages namespaces={["coordinator"]}>
      <CoordinatorNav current="/coordinator" />
      <h1>{t("title")}</h1>
      <h2>{t("staffTitle")}</h2>
      <p className="muted">{t("staffLead")}</p>
      <StaffManager
        currentUserId={actor.userId}
        users={staff.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role as "COORDINATOR" | "INTERVIEWER", disabled: Boolean(u.disabledAt) }))}
      />
      <h2>{t("panelTitle")}</h2>
      <PanelTable
        experts={panel.map((e) => ({
          id: e.id,
          pseudonym: e.pseudonym,
          name: e.user.name,
          email: e.user.email,
          country: e.country,
          group: e.expertGroup,
          linkRequested: Boolean(e.linkRequestedAt),
          response: e.responses[0] ? { id: e.responses[0].id, status: e.responses[0].status } : null,
        }))}
      />
    </ClientMessages>
  );
}
