"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { OutcomeAlert, type TOutcome } from "@/components/forms/form-alert";
import { api, type TApiError, type TInputOf } from "@/lib/api/client";
import type { TProblem } from "@/lib/instrument/check";
import type { TDefinition } from "@/lib/instrument/definition";
import { pick } from "@/lib/i18n/text";
import { BilingualField } from "./bilingual-field";
import { cleanDefinition } from "./definition-tools";
import { EditorContextProvider, groupProblems, useHydrated } from "./editor-context";
import { EditorToolbar, type TSaveState } from "./editor-toolbar";
import { GuideFields } from "./guide-fields";
import { ProblemsList } from "./problems-list";
import { QuestionnaireFields } from "./questionnaire-fields";
import { languageOf } from "@/lib/i18n/config";

export type TEditorVersion = {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED";
  instrument: { id: string; name: string };
  definition: TDefinition;
};


const editUrl = (versionId: string) => `/coordinator/instruments/${versionId}/edit`;

function isProblem(value: unknown): value is TProblem {
  return typeof value === "object" && value !== null && typeof (value as TProblem).path === "string" && typeof (value as TProblem).message === "string";
}

/** The problems a refused save, publish or import lists in its error details. */
function problemsOf(error: TApiError): TProblem[] {
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter(isProblem) : [];
}

/**
 * The coordinators' editor of one instrument version. The definition is the form state; the
 * server's check is authoritative, so every save shows the problems it reports.
 */
export function InstrumentEditor({ version, initialProblems, imported = false }: { version: TEditorVersion; initialProblems: TProblem[]; imported?: boolean }) {
  const t = useTranslations("editor");
  const common = useTranslations("common");
  const router = useRouter();
  const readOnly = version.status === "PUBLISHED";
  const methods = useForm<TDefinition>({ defaultValues: version.definition });
  const locale = useLocale();
  const [state, setState] = useState<TSaveState>("idle");
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [problems, setProblems] = useState<TProblem[]>(initialProblems);
  /** Problems of a refused import file describe the file, not the form. */
  const [problemsOfFile, setProblemsOfFile] = useState(false);
  const [message, setMessage] = useState<TOutcome | null>(imported ? { kind: "success", text: t("imported") } : null);
  const context = useMemo(() => ({ readOnly, problems: groupProblems(problems) }), [readOnly, problems]);
  const kind = version.definition.kind;
  const hydrated = useHydrated();

  // Any change after loading or saving makes the status "unsaved".
  const { subscribe } = methods;
  useEffect(
    () => subscribe({ formState: { values: true }, callback: () => setState((s) => (s === "idle" || s === "saved" ? "unsaved" : s)) }),
    [subscribe],
  );

  const failed = (error: TApiError, ofFile = false) => {
    const found = problemsOf(error);
    if (found.length) {
      setProblems(found);
      setProblemsOfFile(ofFile);
    }
    setMessage({ kind: "error", text: error.message ?? common("unexpectedError") });
  };

  /** PUT the form; true when the server stored it. */
  const save = async (): Promise<boolean> => {
    setState("saving");
    setMessage(null);
    const result = await api("PUT /api/coordinator/instrument-versions/[versionId]", {
      params: { versionId: version.id },
      body: { content: cleanDefinition(methods.getValues()) },
    });
    if (!result.ok) {
      failed(result.error);
      setState("unsaved");
      return false;
    }
    setProblems(result.data.problems);
    setProblemsOfFile(false);
    setSavedAt(new Date());
    setState("saved");
    setMessage({ kind: "success", text: result.data.problems.length ? t("savedWithProblems", { count: result.data.problems.length }) : t("saved") });
    return true;
  };

  const publish = async () => {
    if (!(await save())) return;
    setState("publishing");
    const result = await api("POST /api/coordinator/instrument-versions/[versionId]/publish", { params: { versionId: version.id } });
    if (!result.ok) {
      failed(result.error);
      setState("saved");
      return;
    }
    setMessage({ kind: "success", text: t("published") });
    router.push("/coordinator/instruments");
  };

  const importFile = async (file: File) => {
    setMessage(null);
    // The file is whatever the coordinator chose: the server checks its shape (400 with the details).
    let body: TInputOf<"POST /api/coordinator/instruments/[instrumentId]/import">["body"];
    try {
      body = JSON.parse(await file.text()) as typeof body;
    } catch {
      setMessage({ kind: "error", text: t("importNotJson") });
      return;
    }
    const previous = state;
    setState("importing");
    const result = await api("POST /api/coordinator/instruments/[instrumentId]/import", { params: { instrumentId: version.instrument.id }, body });
    if (!result.ok) {
      failed(result.error, true);
      setState(previous);
      return;
    }
    // The page reloads the imported draft from the server (a new draft, or this one replaced).
    router.push(`${editUrl(result.data.versionId)}?imported=1`);
    router.refresh();
  };

  const openDraft = async () => {
    setState("opening");
    setMessage(null);
    const result = await api("POST /api/coordinator/instruments/[instrumentId]/drafts", { params: { instrumentId: version.instrument.id } });
    if (!result.ok) {
      failed(result.error);
      setState("idle");
      return;
    }
    router.push(editUrl(result.data.versionId));
  };

  return (
    <EditorContextProvider value={context}>
      <FormProvider {...methods}>
        <form
          className="ie stack"
          noValidate
          aria-labelledby="ie-heading"
          onSubmit={(e) => {
            e.preventDefault();
            if (!readOnly) void save();
          }}
        >
          <header className="stack">
            <h1 id="ie-heading">{pick(version.definition.title, languageOf(locale)) || version.instrument.name}</h1>
            <p className="muted ie-meta">
              {t(`kind.${kind}`)} · {t("versionN", { n: version.number })} · <span className={`ie-badge ie-badge-${version.status.toLowerCase()}`}>{t(`status.${version.status}`)}</span>
            </p>
            {readOnly && <p className="alert">{t("readOnlyNote")}</p>}
            <EditorToolbar
              versionId={version.id}
              readOnly={readOnly}
              state={state}
              ready={hydrated}
              savedAt={savedAt}
              onPublish={() => void publish()}
              onImport={(file) => void importFile(file)}
              onNewDraft={() => void openDraft()}
            />
            {!readOnly && <p className="hint">{t("toolbarHint")}</p>}
            <OutcomeAlert outcome={message} />
          </header>
          <ProblemsList problems={problems} note={problemsOfFile ? "file" : state === "unsaved" ? "stale" : "current"} />
          <fieldset className="ie-body" disabled={readOnly || !hydrated}>
            <legend className="ie-sr">{t("contents")}</legend>
            <div className="card stack">
              <BilingualField name="title" path="title" owner={t("instrumentOwner")} field={t("f.title")} label={t("instrumentTitle")} />
              <BilingualField name="intro" path="intro" owner={t("instrumentOwner")} field={t("f.intro")} label={t("intro")} multiline />
            </div>
            {kind === "questionnaire" ? <QuestionnaireFields /> : <GuideFields />}
          </fieldset>
        </form>
      </FormProvider>
    </EditorContextProvider>
  );
}
