import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { InstrumentEditor } from "@/components/instrument-editor/instrument-editor";
import { ClientMessages } from "@/components/layout/client-messages";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { ZDefinition } from "@/lib/instrument/definition";
import { getVersion } from "@/lib/instrument/service";
import { pageMetadata } from "@/lib/i18n/metadata";

export const generateMetadata = pageMetadata("instrumentEditor");

type TProps = { params: Promise<{ versionId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InstrumentEditPage({ params, searchParams }: TProps) {
  const { versionId } = await params;
  const actor = await requirePageActor("COORDINATOR", `/coordinator/instruments/${encodeURIComponent(versionId)}/edit`);
  if (!z.uuid().safeParse(versionId).success) notFound();
  const version = await getVersion(actor, versionId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const t = await getTranslations("editor");
  const parsed = ZDefinition.safeParse(version.content);
  const imported = (await searchParams).imported === "1";

  if (!parsed.success) {
    // Stored versions are checked when saved, so this only happens to data written by hand.
    return (
      <div className="stack">
        <h1>{version.instrument.name}</h1>
        <p className="alert error" role="alert">
          {t("unreadable")}
        </p>
        <ul>
          {version.problems.map((p, i) => (
            <li key={i}>
              <code>{p.path}</code> {p.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  return (
    <ClientMessages namespaces={["editor"]}>
      <InstrumentEditor
        key={`${version.id}-${version.updatedAt.toISOString()}-${version.status}`}
        version={{
          id: version.id,
          number: version.number,
          status: version.status === "PUBLISHED" ? "PUBLISHED" : "DRAFT",
          instrument: { id: version.instrument.id, name: version.instrument.name },
          definition: parsed.data,
        }}
        initialProblems={version.problems}
        imported={imported}
      />
    </ClientMessages>
  );
}
