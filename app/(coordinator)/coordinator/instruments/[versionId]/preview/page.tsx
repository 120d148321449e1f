import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LiteMessages } from "@/components/layout/lite-messages";
import { InstrumentPreview } from "@/components/questionnaire/instrument-preview";
import { requirePageActor } from "@/lib/auth/actor";
import { checkDefinition } from "@/lib/instrument/check";
import { ZVersionParams } from "@/lib/instrument/schemas";
import { getVersion } from "@/lib/instrument/service";
import { pick } from "@/lib/i18n/text";
import { pageMetadata } from "@/lib/i18n/metadata";
import { languageOf } from "@/lib/i18n/config";

export const generateMetadata = pageMetadata("preview");

export default async function PreviewPage({ params }: { params: Promise<{ versionId: string }> }) {
  const parsed = ZVersionParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { versionId } = parsed.data;
  const actor = await requirePageActor("COORDINATOR", `/coordinator/instruments/${versionId}/preview`);
  const [version, t, locale] = await Promise.all([getVersion(actor, versionId).catch(() => null), getTranslations("instruments"), getLocale()]);
  if (!version) notFound();
  const { definition } = checkDefinition(version.content);
  const lang = languageOf(locale);
  return (
    <LiteMessages namespaces={["questionnaire", "answers"]}>
      <p>
        <Link href={`/coordinator/instruments/${versionId}/edit`}>← {t("backToEditor")}</Link>
      </p>
      <h1>
        {t("previewTitle")}: {definition ? pick(definition.title, lang) : version.instrument.name} (v{version.number})
      </h1>
      {definition ? <InstrumentPreview definition={definition} initialLang={lang} /> : <p className="alert error">{t("cannotPreview")}</p>}
    </LiteMessages>
  );
}
