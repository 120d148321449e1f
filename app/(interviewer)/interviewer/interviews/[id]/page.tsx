import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { InterviewWorkspace } from "@/components/interview/interview-workspace";
import { toClientInterview } from "@/components/interview/serialize";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getInterview } from "@/lib/interviews/service";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("interview");

type TProps = { params: Promise<{ id: string }> };

export default async function InterviewWorkspacePage({ params }: TProps) {
  const { id } = await params;
  const actor = await requirePageActor("INTERVIEWER", `/interviewer/interviews/${encodeURIComponent(id)}`);
  // Scoped to the acting interviewer: anyone else's interview (or none) is simply not found.
  const interview = await getInterview(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const locale = await getLocale();
  return (
    <ClientMessages namespaces={["interview", "codebook"]}>
      <InterviewWorkspace userId={actor.userId} lang={languageOf(locale)} interview={toClientInterview(interview)} />
    </ClientMessages>
  );
}
