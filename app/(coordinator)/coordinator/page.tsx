import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { StaffManager } from "@/components/coordinator/staff-manager";
import { requirePageActor } from "@/lib/auth/actor";
import { listStaff } from "@/lib/users/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("coordination");

export default async function CoordinatorHomePage() {
  const actor = await requirePageActor("COORDINATOR", "/coordinator");
  const [staff, t] = await Promise.all([listStaff(actor), getTranslations("coordinator")]);
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
    </ClientMessages>
  );
}
