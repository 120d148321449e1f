import { z } from "zod";
import { InstrumentKind, VersionStatus } from "@/lib/generated/prisma/enums";
import { defineRoute, ZIsoDate, ZOk } from "@/lib/http/contract";
import { ZText } from "@/lib/instrument/definition";
import { ZOpenWaveBody, ZWaveIdParams } from "@/lib/study/wave-schemas";
import { ZCopyInstrument, ZCreateInstrument, ZImportInstrument, ZInstrumentFile, ZInstrumentParams, ZSaveDraft, ZVersionParams } from "@/lib/instrument/schemas";

/** A problem check.ts found in a definition (also the `problems` of a refused publish's 422). */
export const ZProblem = z.object({
  path: z.string(),
  kind: z.enum(["structure", "duplicate", "condition", "cycle", "bounds", "empty", "translation-missing", "translation-stale"]),
  message: z.string(),
});
const ZProblems = z.object({ problems: z.array(ZProblem) });

export const instrumentRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/coordinator/instruments",
    summary: "The instruments of the coordinator's studies with their versions.",
    roles: ["COORDINATOR"],
    response: z.object({
      instruments: z.array(
        z.object({
          title: ZText.optional(),
          study: z.object({ id: z.string(), titleRu: z.string(), titleEn: z.string() }),
          id: z.string(),
          kind: z.enum(InstrumentKind),
          name: z.string(),
          versions: z.array(z.object({ number: z.number(), id: z.string(), status: z.enum(VersionStatus), updatedAt: ZIsoDate, publishedAt: ZIsoDate.nullable() })),
        }),
      ),
    }),
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments",
    summary: "Creates a questionnaire or interview guide with an empty draft.",
    roles: ["COORDINATOR"],
    body: ZCreateInstrument,
    response: z.object({ instrumentId: z.string(), versionId: z.string() }),
  }),
  openDraft: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments/[instrumentId]/drafts",
    summary: "Opens the instrument's draft: the current one, or a new copy of the latest published version.",
    roles: ["COORDINATOR"],
    params: ZInstrumentParams,
    response: z.object({ versionId: z.string(), number: z.number(), created: z.boolean() }),
  }),
  import: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments/[instrumentId]/import",
    summary: "Imports an exported instrument file as the instrument's draft.",
    roles: ["COORDINATOR"],
    params: ZInstrumentParams,
    body: ZInstrumentFile,
    response: ZProblems.extend({ versionId: z.string() }),
  }),
  version: defineRoute({
    method: "GET",
    path: "/api/coordinator/instrument-versions/[versionId]",
    summary: "One version with its content and the problems found in it.",
    roles: ["COORDINATOR"],
    params: ZVersionParams,
    response: ZProblems.extend({
      number: z.number(),
      instrument: z.object({ id: z.string(), studyId: z.string(), kind: z.enum(InstrumentKind), name: z.string() }),
      id: z.string(),
      status: z.enum(VersionStatus),
      createdAt: ZIsoDate,
      updatedAt: ZIsoDate,
      contentHash: z.string().nullable(),
      /** The definition as saved: a draft may not (yet) be a valid one. */
      content: z.unknown(),
      publishedAt: ZIsoDate.nullable(),
    }),
  }),
  saveDraft: defineRoute({
    method: "PUT",
    path: "/api/coordinator/instrument-versions/[versionId]",
    summary: "Saves a draft's content (problems are reported, not refused).",
    roles: ["COORDINATOR"],
    params: ZVersionParams,
    body: ZSaveDraft,
    response: ZProblems,
  }),
  deleteDraft: defineRoute({
    method: "DELETE",
    path: "/api/coordinator/instrument-versions/[versionId]",
    summary: "Deletes a draft.",
    roles: ["COORDINATOR"],
    params: ZVersionParams,
    response: ZOk,
  }),
  publish: defineRoute({
    method: "POST",
    path: "/api/coordinator/instrument-versions/[versionId]/publish",
    summary: "Publishes a draft without problems (422 with the problems otherwise).",
    roles: ["COORDINATOR"],
    params: ZVersionParams,
    response: z.object({ contentHash: z.string() }),
  }),
  export: defineRoute({
    method: "GET",
    path: "/api/coordinator/instrument-versions/[versionId]/export",
    summary: "Downloads a version as an instrument file (JSON).",
    roles: ["COORDINATOR"],
    params: ZVersionParams,
    response: { kind: "file", contentType: "application/json" },
  }),
  importNew: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments/import",
    summary: "A new instrument of a study from an exported instrument file (its first version a draft); translation gaps are listed.",
    roles: ["COORDINATOR"],
    body: ZImportInstrument,
    response: ZProblems.extend({ instrumentId: z.string(), versionId: z.string() }),
  }),
  copy: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments/copy",
    summary: "A new draft instrument holding the latest version of an instrument of another study the coordinator coordinates.",
    roles: ["COORDINATOR"],
    body: ZCopyInstrument,
    response: z.object({ instrumentId: z.string(), versionId: z.string() }),
  }),
  openWave: defineRoute({
    method: "POST",
    path: "/api/coordinator/instruments/[instrumentId]/waves",
    summary: "Opens the questionnaire's next wave (closing the one open before it).",
    roles: ["COORDINATOR"],
    params: ZInstrumentParams,
    body: ZOpenWaveBody,
    response: z.object({ id: z.string(), number: z.number(), kind: z.enum(["WAVE", "DELPHI_ROUND"]), closedWaves: z.array(z.number()) }),
  }),
  closeWave: defineRoute({
    method: "POST",
    path: "/api/coordinator/waves/[waveId]/close",
    summary: "Closes an open (or planned) wave: its experts can no longer change their answers in it.",
    roles: ["COORDINATOR"],
    params: ZWaveIdParams,
    response: z.object({ id: z.string(), number: z.number(), status: z.literal("CLOSED") }),
  }),
};
