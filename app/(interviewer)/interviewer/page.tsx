import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePageActor } from "@/lib/auth/actor";

export const metadata: Metadata = { title: "Your interviews" };

export default async function InterviewerHomePage() {
  const actor = await requirePageActor("INTERVIEWER", "/interviewer");
  const t = await getTranslations("interviewer");
  return (
    <div className="stack">
      <h1>{t("title")}</h1>
      <p>{t("welcome", { name: actor.name })}</p>
      <p className="card muted">{t("none")}</p>
    </div>
  );
}
