import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { InterviewReview } from "@/components/interview/interview-review";
import { toClientInterview } from "@/components/interview/serialize";
import { ClientMessages } from "@/components/layout/client-messages";
import { CoordinatorNav } from "@/components/layout/coordinator-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getInterview, listInterviews } from "@/lib/interviews/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("interview");

type TProps = { params: Promise<{ id: string }> };

export default async function CoordinatorInterviewPage({ params }: TProps) {
  const { id } = await params;
  const actor = await requirePageActor("COORDINATOR", `/coordinator/interviews/${encodeURIComponent(id)}`);
  const interview = await getInterview(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  // The coordinator's own view may name the expert and the interviewer.
  const [{ interviews }, locale] = await Promise.all([listInterviews(actor), getLocale()]);
  const row = interviews.find((i) => i.id === interview.id);
  return (
    <ClientMessages namespaces={["interview", "codebook"]}>
      <CoordinatorNav current="/coordinator/interviews" />
      <InterviewReview lang={languageOf(locale)} interview={toClientInterview(interview)} expertName={row?.expert.name} interviewerName={row?.interviewer.name} />
    </ClientMessages>
  );
}
