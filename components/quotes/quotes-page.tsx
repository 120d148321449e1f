import { getTranslations } from "next-intl/server";
import { InterviewerNav } from "@/components/interview/interviewer-nav";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import type { ComponentProps } from "react";
import { QuotesBrowser } from "./quotes-browser";

const ROLES = {
  COORDINATOR: { base: "/coordinator/quotes", interviews: "/coordinator/interviews", lead: "leadCoordinator" },
  INTERVIEWER: { base: "/interviewer/quotes", interviews: "/interviewer/interviews", lead: "leadInterviewer" },
} as const;

/** The quotes page of either role (coordinators: every quote; interviewers: their own): the role's navigation, lead and note links. */
export async function QuotesPage(props: { role: keyof typeof ROLES } & Omit<ComponentProps<typeof QuotesBrowser>, "base" | "noteHref">) {
  const t = await getTranslations("quotes");
  const role = ROLES[props.role];
  return (
    <div className="stack">
      {props.role === "COORDINATOR" ? <CoordinatorNav current={ROLES.COORDINATOR.base} /> : <InterviewerNav current={ROLES.INTERVIEWER.base} />}
      <h1>{t("title")}</h1>
      <p className="muted">{t(role.lead)}</p>
      <QuotesBrowser
        base={role.base}
        noteHref={(id, question) => `${role.interviews}/${id}#note-${question}`}
        quotes={props.quotes}
        filters={props.filters}
        codeGroups={props.codeGroups}
        blocks={props.blocks}
        lang={props.lang}
      />
    </div>
  );
}
