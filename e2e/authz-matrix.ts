import { DEFAULT_TEMPLATES, LANGUAGES, MESSAGE_KINDS } from "@/lib/messaging/templates";
import { CRITERION_KEYS } from "@/lib/panel/vetting";

/**
 * The authorization matrix: who may call every API route and open every role page. Read by
 * e2e/authz-matrix.spec.ts, which lists app/api (every route.ts and its exported methods) and the
 * role areas' page.tsx files from the file system and FAILS for any route, method or page missing here
 * — a new route fails that test until it is added.
 *
 * ## How to add an API route
 * Key: the route's folder under app/ exactly as on disk ("/api/quotes/[quoteId]/codes"). Value: one
 * TRule per exported method:
 * - `allow`: the roles that may call it (["COORDINATOR"]), or "anyone" for public endpoints.
 * - `call(w, role)`: the request an allowed `role` makes on ITS OWN object (a coordinator: any
 *   object): `{ params, query?, body? }`. `params` fills the [segments]. It may create what it needs
 *   through `w.make` (it is called again for every caller, so a destructive call — delete, finish,
 *   cancel — should make a fresh object each time). Every other role makes the same request
 *   and must get 401 (anonymous) / 403 / 404 and never a 2xx.
 * - `ok`: the status the allowed caller gets (default 200). For the few calls whose real success
 *   needs a long set-up, a 4xx the handler itself returns (e.g. 422 "incomplete") proves the caller
 *   got past authorization; say why in a comment.
 * - `foreign`: per allowed role, a request on SOMEONE ELSE's object (another interviewer's interview,
 *   another expert's response...), which must be refused with 403 or 404.
 * - `hidden`: per allowed role, texts of other people's objects (`w.secrets`) that must not appear in
 *   the allowed caller's own successful answer (for lists and exports scoped to the caller).
 * - `stream: true` for endpoints that never end (server-sent events): only the status and the
 *   first bytes are read.
 *
 * ## Another team's study (no entry needed)
 * The test also builds a second study whose team the signed-in staff are not on (the interviewer
 * still conducts interviews there). For every staff role a route allows, it makes `call` on THAT
 * study's world: a request naming any of its objects must be refused with 403/404, and no successful
 * answer may show its texts or title. Pages: `params` of that world, and `?study=` for pages marked
 * `study: true`, must be a 404.
 *
 * ## How to add a page
 * PAGES: key the page's path as on disk without the (group) folder ("/coordinator/quotes",
 * "/interviewer/interviews/[id]"), value `{ role, params?, foreign? }`. The test opens it as every
 * caller: the role gets 200, anonymous visitors a redirect to sign-in, other roles a 404;
 * `foreign(w)` params (another interviewer's interview) must give the role a 404 too; `study: true`
 * for a page that shows the study named by `?study=`.
 */
export type TRole = "EXPERT" | "INTERVIEWER" | "COORDINATOR";
export type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type TCall = { params?: Record<string, string>; query?: string; body?: unknown };

/** What the test set up, in a study of its own: "own" objects belong to the signed-in callers. */
export type TWorld = {
  studyId: string;
  questionnaireInstrumentId: string;
  questionnaireVersionId: string;
  /** Wave 1 of that questionnaire (the database makes it). */
  questionnaireWaveId: string;
  guideVersionId: string;
  codeId: string;
  /** A message in the outbox, for the message page. */
  sentMessageId: string;
  /** The signed-in expert, and another expert of the same study who has a submitted response. */
  expert: { expertId: string; userId: string };
  otherExpert: { expertId: string; userId: string; responseId: string };
  /** The signed-in interviewer's interview (consented, a note on B1_Q1, a quote) and another interviewer's. */
  interviewer: { id: string };
  interview: { id: string; quoteId: string };
  otherInterview: { id: string; quoteId: string };
  /** Texts only other people's objects hold (and, for the other study's world, its own texts and title). */
  secrets: { otherAnswer: string; otherNote: string; otherQuote: string; ownNote: string; title: string };
  /** Every object of this study made so far (including by `make`): a request naming one is about this study. */
  ids: Set<string>;
  make: {
    /** A fresh consented interview of the signed-in interviewer with a note on B1_Q1; `status` DONE for a finished one. */
    interview: (status?: "IN_PROGRESS" | "DONE") => Promise<{ id: string; quoteId: string }>;
    code: () => Promise<string>;
    /** A draft version of a fresh questionnaire instrument (which also has a published version). */
    draft: () => Promise<{ instrumentId: string; versionId: string; definition: unknown }>;
    /** A fresh published questionnaire of the study and its wave 1 (open). */
    wave: () => Promise<{ instrumentId: string; waveId: string }>;
    staff: () => Promise<string>;
    /** A planned Delphi round 2 of a fresh published questionnaire: its wave id. */
    round: () => Promise<string>;
    submittedResponse: () => Promise<string>;
    /** A fresh expert of the study (no response), nominated unless said otherwise. */
    expert: (status?: "NOMINATED" | "VETTED") => Promise<string>;
    /** A message sent to a fresh invited expert. */
    message: () => Promise<string>;
    /** A fresh interviewer account, on this study's team when `join`. */
    member: (join: boolean) => Promise<{ id: string; email: string }>;
    /** A fresh draft study with this study's team (marked as a demo study when `demo`). */
    study: (options?: { demo?: boolean }) => Promise<string>;
    unique: () => string;
  };
};

export type TRule = {
  allow: readonly TRole[] | "anyone";
  call: (w: TWorld, role: TRole | "ANONYMOUS") => TCall | Promise<TCall>;
  ok?: number;
  foreign?: Partial<Record<TRole, (w: TWorld) => TCall | Promise<TCall>>>;
  hidden?: Partial<Record<TRole, (w: TWorld) => string[]>>;
  stream?: true;
};

/**
 * The objects a page's path can name: those of the test's world, or of the demo study
 * (scripts/readme/pages.ts takes a screenshot of every page; e2e/pages.ts lists them for both).
 */
export type TPageWorld = Pick<TWorld, "studyId" | "questionnaireVersionId" | "questionnaireWaveId" | "sentMessageId"> & { interview: { id: string }; otherExpert: { expertId: string } };

/** `study`: the page shows the study named by `?study=`, so another team's study there must be a 404. */
export type TPageRule = { role: TRole; params?: (w: TPageWorld) => Record<string, string>; foreign?: (w: TWorld) => Record<string, string>; study?: true };

const C = ["COORDINATOR"] as const;
const expertFields = (w: TWorld) => ({ name: "Matrix expert", email: `matrix-e-${w.make.unique()}@e2e.test`, country: "KZ", expertGroup: "OFFICIAL" });
const STAFF = ["INTERVIEWER", "COORDINATOR"] as const;
const note = (interviewId: string, text: string) => ({
  params: { interviewId },
  body: { mutationId: crypto.randomUUID(), questionCode: "B1_Q2", baseRevision: 0, text, probesAsked: [], skipped: false },
});

export const ROUTES: Record<string, Partial<Record<TMethod, TRule>>> = {
  // ── public
  "/api/auth/[...nextauth]": {
    GET: { allow: "anyone", call: () => ({ params: { nextauth: "providers" } }) },
    // Without next-auth's CSRF token a sign-out is only redirected back (next-auth's own check).
    POST: { allow: "anyone", call: () => ({ params: { nextauth: "signout" } }), ok: 302 },
  },
  "/api/health": { GET: { allow: "anyone", call: () => ({}) } },
  "/api/locale": { POST: { allow: "anyone", call: () => ({ body: { language: "en" } }) } },
  "/api/invitations/request": { POST: { allow: "anyone", call: () => ({ body: { token: "not-a-real-token" } }) } },

  // ── expert (every route acts on the caller's own records; there are no ids to swap)
  "/api/expert/me": { GET: { allow: ["EXPERT"], call: () => ({}) } },
  "/api/expert/questionnaire": {
    GET: { allow: ["EXPERT"], call: () => ({}), hidden: { EXPERT: (w) => [w.secrets.otherAnswer] } },
  },
  "/api/expert/consent": { POST: { allow: ["EXPERT"], call: () => ({ body: { decision: "ACCEPTED", textVersion: 1, language: "en" } }) } },
  "/api/expert/answers": {
    POST: {
      allow: ["EXPERT"],
      call: (w) => ({ body: { mutationId: crypto.randomUUID(), versionId: w.questionnaireVersionId, item: "Q10", baseRevision: 0, value: { text: "own answer" } } }),
    },
  },
  // Outside a Delphi round there is no feedback (null), and no real-time stream (404).
  "/api/expert/delphi": { GET: { allow: ["EXPERT"], call: () => ({}), hidden: { EXPERT: (w) => [w.secrets.otherAnswer] } } },
  "/api/expert/delphi/live": { GET: { allow: ["EXPERT"], call: () => ({}), ok: 404 } },
  // Submitting needs every required answer: a 422 listing what is missing proves the expert got through.
  "/api/expert/submit": { POST: { allow: ["EXPERT"], call: () => ({}), ok: 422 } },

  // ── interviewer and coordinator
  "/api/interviewer/interviews": {
    GET: { allow: ["INTERVIEWER"], call: () => ({}), hidden: { INTERVIEWER: (w) => [w.otherInterview.id] } },
  },
  "/api/interviews/[interviewId]": {
    GET: {
      allow: STAFF,
      call: (w) => ({ params: { interviewId: w.interview.id } }),
      foreign: { INTERVIEWER: (w) => ({ params: { interviewId: w.otherInterview.id } }) },
    },
  },
  "/api/interviews/[interviewId]/consent": {
    POST: {
      allow: ["INTERVIEWER"],
      call: (w) => ({ params: { interviewId: w.interview.id } }),
      foreign: { INTERVIEWER: (w) => ({ params: { interviewId: w.otherInterview.id } }) },
    },
  },
  "/api/interviews/[interviewId]/notes": {
    POST: {
      allow: ["INTERVIEWER"],
      call: async (w) => note((await w.make.interview()).id, "own note"),
      foreign: { INTERVIEWER: (w) => note(w.otherInterview.id, "overwritten") },
    },
  },
  "/api/interviews/[interviewId]/notes/[questionCode]/codes": {
    PUT: {
      allow: STAFF,
      call: (w) => ({ params: { interviewId: w.interview.id, questionCode: "B1_Q1" }, body: { codeIds: [w.codeId] } }),
      foreign: { INTERVIEWER: (w) => ({ params: { interviewId: w.otherInterview.id, questionCode: "B1_Q1" }, body: { codeIds: [w.codeId] } }) },
    },
  },
  "/api/interviews/[interviewId]/quotes": {
    POST: {
      allow: STAFF,
      call: (w) => ({ params: { interviewId: w.interview.id }, body: { questionCode: "B1_Q1", start: 0, end: 3, text: "Own" } }),
      foreign: { INTERVIEWER: (w) => ({ params: { interviewId: w.otherInterview.id }, body: { questionCode: "B1_Q1", start: 0, end: 5, text: "Other" } }) },
    },
  },
  "/api/interviews/[interviewId]/finish": {
    POST: {
      allow: ["INTERVIEWER"],
      call: async (w) => ({ params: { interviewId: (await w.make.interview()).id } }),
      foreign: { INTERVIEWER: (w) => ({ params: { interviewId: w.otherInterview.id } }) },
    },
  },
  "/api/quotes": {
    GET: { allow: STAFF, call: () => ({}), hidden: { INTERVIEWER: (w) => [w.secrets.otherQuote, w.otherInterview.quoteId] } },
  },
  "/api/quotes/export": {
    GET: { allow: STAFF, call: () => ({ query: "format=csv" }), hidden: { INTERVIEWER: (w) => [w.secrets.otherQuote] } },
  },
  "/api/quotes/[quoteId]": {
    DELETE: {
      allow: STAFF,
      call: async (w) => ({ params: { quoteId: (await w.make.interview()).quoteId } }),
      foreign: { INTERVIEWER: (w) => ({ params: { quoteId: w.otherInterview.quoteId } }) },
    },
  },
  "/api/quotes/[quoteId]/codes": {
    PUT: {
      allow: STAFF,
      call: (w) => ({ params: { quoteId: w.interview.quoteId }, body: { codeIds: [w.codeId] } }),
      foreign: { INTERVIEWER: (w) => ({ params: { quoteId: w.otherInterview.quoteId }, body: { codeIds: [] } }) },
    },
  },

  // ── coordinator only
  "/api/coordinator/interviews": {
    GET: { allow: C, call: () => ({}) },
    POST: {
      allow: C,
      call: (w) => ({
        body: { expertId: w.otherExpert.expertId, interviewerId: w.interviewer.id, versionId: w.guideVersionId, plannedAt: "2030-01-01T10:00:00Z", mode: "PHONE" },
      }),
    },
  },
  "/api/coordinator/interviews/[interviewId]/cancel": {
    POST: { allow: C, call: async (w) => ({ params: { interviewId: (await w.make.interview()).id } }) },
  },
  "/api/coordinator/interviews/[interviewId]/reopen": {
    POST: { allow: C, call: async (w) => ({ params: { interviewId: (await w.make.interview("DONE")).id } }) },
  },
  "/api/coordinator/responses/[responseId]/reopen": {
    POST: { allow: C, call: async (w) => ({ params: { responseId: await w.make.submittedResponse() } }) },
  },
  "/api/coordinator/instruments/[instrumentId]/waves": {
    POST: { allow: C, call: async (w) => ({ params: { instrumentId: (await w.make.wave()).instrumentId }, body: { kind: "WAVE" } }) },
  },
  "/api/coordinator/waves/[waveId]/close": {
    POST: { allow: C, call: async (w) => ({ params: { waveId: (await w.make.wave()).waveId } }) },
  },
  "/api/coordinator/experts/[id]/invitation": {
    POST: { allow: C, call: (w) => ({ params: { id: w.otherExpert.expertId } }) },
  },
  "/api/coordinator/experts": {
    GET: { allow: C, call: (w) => ({ query: `studyId=${w.studyId}` }) },
    POST: { allow: C, call: (w) => ({ body: { ...expertFields(w), studyId: w.studyId } }) },
  },
  "/api/coordinator/experts/import": {
    POST: { allow: C, call: (w) => ({ body: { studyId: w.studyId, csv: `name,email,country,group\nImported,import-${w.make.unique()}@e2e.test,KZ,official\n`, commit: true } }) },
  },
  "/api/coordinator/experts/[id]": {
    PATCH: { allow: C, call: async (w) => ({ params: { id: await w.make.expert() }, body: expertFields(w) }) },
  },
  "/api/coordinator/experts/[id]/status": {
    POST: { allow: C, call: async (w) => ({ params: { id: await w.make.expert() }, body: { action: "withdraw" } }) },
  },
  "/api/coordinator/experts/[id]/vetting": {
    PUT: {
      allow: C,
      call: async (w) => ({
        params: { id: await w.make.expert() },
        body: { decision: "REJECTED", checklist: Object.fromEntries(CRITERION_KEYS.map((k) => [k, { met: false, note: "" }])) },
      }),
    },
  },
  "/api/coordinator/experts/[id]/messages": {
    GET: { allow: C, call: async (w) => ({ params: { id: await w.make.expert() } }) },
  },
  "/api/coordinator/experts/[id]/reminders": {
    PUT: { allow: C, call: async (w) => ({ params: { id: await w.make.expert() }, body: { paused: true } }) },
  },
  "/api/coordinator/messages/invitations": {
    POST: { allow: C, call: async (w) => ({ body: { studyId: w.studyId, expertIds: [await w.make.expert("VETTED")] } }) },
  },
  "/api/coordinator/messages/[id]/resend": {
    POST: { allow: C, call: async (w) => ({ params: { id: await w.make.message() } }) },
  },
  "/api/coordinator/studies/[studyId]/message-templates": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
    PUT: {
      allow: C,
      call: (w) => ({
        params: { studyId: w.studyId },
        body: { templates: MESSAGE_KINDS.flatMap((kind) => LANGUAGES.map((language) => ({ kind, language, ...DEFAULT_TEMPLATES[kind][language] }))) },
      }),
    },
  },
  "/api/coordinator/studies/[studyId]/reminders": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
    PUT: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, body: { remindNotStartedDays: [3, 7], remindNotFinishedDays: [5], remindersPaused: false } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/wide.csv": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/long.csv": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/data.xlsx": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/data.sav": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/codebook.json": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/aggregates": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/aggregates/crosstab": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, query: "item=Q2&by=group" }) },
  },
  "/api/coordinator/studies/[studyId]/aggregates/heatmap": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, query: "item=Q5" }) },
  },
  "/api/coordinator/studies/[studyId]/aggregates/texts": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, query: "item=Q10" }) },
  },
  "/api/coordinator/studies/[studyId]/suppression": {
    PUT: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, body: { k: 3 } }) },
  },
  "/api/coordinator/studies/[studyId]/decimals": {
    PUT: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, body: { decimals: 2 } }) },
  },
  "/api/coordinator/studies/[studyId]/exports/aggregates.csv": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/monitor": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
  },
  "/api/coordinator/studies/[studyId]/targets": {
    PUT: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, body: { targets: [{ country: "KZ", expertGroup: "OFFICIAL", target: 3 }] } }) },
  },
  "/api/coordinator/studies/[studyId]/rounds": {
    POST: {
      allow: C,
      call: async (w) => {
        const { instrumentId } = await w.make.draft();
        return { params: { studyId: w.studyId }, body: { instrumentId, audience: "PANEL", itemCodes: ["Q5"], rules: { scale: { kind: "scale", maxIqr: 1 }, choice: { kind: "choice", minShare: 70 }, ranking: { kind: "ranking", minW: 0.7 }, stability: { kind: "changed", maxChangedShare: 15 } } } };
      },
    },
  },
  "/api/coordinator/studies/[studyId]/rounds/[waveId]": {
    POST: { allow: C, call: async (w) => ({ params: { studyId: w.studyId, waveId: await w.make.round() }, body: { action: "open" } }) },
  },
  "/api/coordinator/studies/[studyId]/rounds/[waveId]/report": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId, waveId: w.questionnaireWaveId }, query: "table=comparison&format=csv" }), hidden: { COORDINATOR: (w) => [w.secrets.otherNote] } },
  },
  "/api/coordinator/studies/[studyId]/live": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }), stream: true },
  },
  "/api/coordinator/studies/[studyId]/codes": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
    POST: { allow: C, call: (w) => ({ params: { studyId: w.studyId }, body: { code: `M${w.make.unique()}`, nameRu: "Код", nameEn: "Code" } }) },
  },
  "/api/coordinator/codes/[codeId]": {
    PATCH: { allow: C, call: async (w) => ({ params: { codeId: await w.make.code() }, body: { nameEn: "Renamed" } }) },
    DELETE: { allow: C, call: async (w) => ({ params: { codeId: await w.make.code() } }) },
  },
  "/api/coordinator/instruments": {
    GET: { allow: C, call: () => ({}) },
    POST: { allow: C, call: (w) => ({ body: { studyId: w.studyId, kind: "guide", name: "Matrix guide" } }) },
  },
  "/api/coordinator/instruments/import": {
    POST: {
      allow: C,
      call: async (w) => {
        const { definition } = await w.make.draft();
        return { body: { studyId: w.studyId, name: `Imported ${w.make.unique()}`, file: { format: "expert-panel/instrument", formatVersion: 1, definition } } };
      },
    },
  },
  "/api/coordinator/instruments/copy": {
    POST: { allow: C, call: (w) => ({ body: { studyId: w.studyId, sourceInstrumentId: w.questionnaireInstrumentId, name: `Copied ${w.make.unique()}` } }) },
  },
  "/api/coordinator/instruments/[instrumentId]/drafts": {
    POST: { allow: C, call: (w) => ({ params: { instrumentId: w.questionnaireInstrumentId } }) },
  },
  "/api/coordinator/instruments/[instrumentId]/import": {
    POST: {
      allow: C,
      call: async (w) => {
        const { instrumentId, definition } = await w.make.draft();
        return { params: { instrumentId }, body: { format: "expert-panel/instrument", formatVersion: 1, definition } };
      },
    },
  },
  "/api/coordinator/instrument-versions/[versionId]": {
    GET: { allow: C, call: (w) => ({ params: { versionId: w.questionnaireVersionId } }) },
    PUT: {
      allow: C,
      call: async (w) => {
        const { versionId, definition } = await w.make.draft();
        return { params: { versionId }, body: { content: definition } };
      },
    },
    DELETE: { allow: C, call: async (w) => ({ params: { versionId: (await w.make.draft()).versionId } }) },
  },
  "/api/coordinator/instrument-versions/[versionId]/export": {
    GET: { allow: C, call: (w) => ({ params: { versionId: w.questionnaireVersionId } }) },
  },
  "/api/coordinator/instrument-versions/[versionId]/publish": {
    POST: { allow: C, call: async (w) => ({ params: { versionId: (await w.make.draft()).versionId } }) },
  },
  "/api/coordinator/studies": {
    POST: { allow: C, call: () => ({ body: { titleEn: "Matrix study", consentEn: "I agree.", cells: [{ country: "KZ", expertGroup: "OFFICIAL", target: 2 }] } }) },
  },
  "/api/coordinator/studies/[studyId]/members": {
    GET: { allow: C, call: (w) => ({ params: { studyId: w.studyId } }) },
    POST: { allow: C, call: async (w) => ({ params: { studyId: w.studyId }, body: { email: (await w.make.member(false)).email, role: "INTERVIEWER" } }) },
  },
  "/api/coordinator/studies/[studyId]/members/[userId]": {
    DELETE: { allow: C, call: async (w) => ({ params: { studyId: w.studyId, userId: (await w.make.member(true)).id } }) },
  },
  "/api/coordinator/studies/[studyId]": {
    DELETE: { allow: C, call: async (w) => ({ params: { studyId: await w.make.study({ demo: true }) } }) },
  },
  "/api/coordinator/studies/[studyId]/status": {
    POST: { allow: C, call: async (w) => ({ params: { studyId: await w.make.study() }, body: { to: "FIELDWORK" } }) },
  },
  "/api/coordinator/users": {
    GET: { allow: C, call: () => ({}) },
    POST: { allow: C, call: (w) => ({ body: { email: `matrix-${w.make.unique()}@e2e.test`, name: "Matrix", role: "INTERVIEWER", password: "a-long-password-1", language: "en" } }) },
  },
  "/api/coordinator/users/[id]": {
    PATCH: { allow: C, call: async (w) => ({ params: { id: await w.make.staff() }, body: { disabled: true } }) },
  },
};

export const PAGES: Record<string, TPageRule> = {
  "/expert": { role: "EXPERT" },
  "/expert/consent": { role: "EXPERT" },
  "/expert/questionnaire": { role: "EXPERT" },
  // Before submitting, the thanks page sends the expert back to the questionnaire (a redirect, not a refusal).
  "/expert/thanks": { role: "EXPERT" },
  "/interviewer": { role: "INTERVIEWER" },
  "/interviewer/quotes": { role: "INTERVIEWER" },
  "/interviewer/interviews/[id]": { role: "INTERVIEWER", params: (w) => ({ id: w.interview.id }), foreign: (w) => ({ id: w.otherInterview.id }) },
  "/coordinator": { role: "COORDINATOR" },
  "/coordinator/codebook": { role: "COORDINATOR", study: true },
  "/coordinator/instruments": { role: "COORDINATOR" },
  "/coordinator/instruments/[versionId]/edit": { role: "COORDINATOR", params: (w) => ({ versionId: w.questionnaireVersionId }) },
  "/coordinator/instruments/[versionId]/preview": { role: "COORDINATOR", params: (w) => ({ versionId: w.questionnaireVersionId }) },
  "/coordinator/interviews": { role: "COORDINATOR" },
  "/coordinator/interviews/[id]": { role: "COORDINATOR", params: (w) => ({ id: w.interview.id }) },
  "/coordinator/quotes": { role: "COORDINATOR" },
  "/coordinator/panel": { role: "COORDINATOR", study: true },
  "/coordinator/panel/import": { role: "COORDINATOR", study: true },
  "/coordinator/panel/[expertId]": { role: "COORDINATOR", params: (w) => ({ expertId: w.otherExpert.expertId }) },
  "/coordinator/panel/[expertId]/record": { role: "COORDINATOR", params: (w) => ({ expertId: w.otherExpert.expertId }) },
  "/coordinator/monitor": { role: "COORDINATOR", study: true },
  "/coordinator/rounds": { role: "COORDINATOR", study: true },
  "/coordinator/rounds/[waveId]": { role: "COORDINATOR", params: (w) => ({ waveId: w.questionnaireWaveId }) },
  "/coordinator/audit": { role: "COORDINATOR" },
  "/coordinator/messages": { role: "COORDINATOR", study: true },
  "/coordinator/exports": { role: "COORDINATOR", study: true },
  "/coordinator/results": { role: "COORDINATOR", study: true },
  "/coordinator/messages/templates": { role: "COORDINATOR", study: true },
  "/coordinator/messages/[id]": { role: "COORDINATOR", params: (w) => ({ id: w.sentMessageId }) },
  "/coordinator/studies/new": { role: "COORDINATOR" },
  "/coordinator/studies/[studyId]": { role: "COORDINATOR", params: (w) => ({ studyId: w.studyId }) },
};
