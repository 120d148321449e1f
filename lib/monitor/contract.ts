import { z } from "zod";
import { ExpertGroup, ExpertStatus } from "@/lib/generated/prisma/enums";
import { defineRoute } from "@/lib/http/contract";
import { ZText } from "@/lib/instrument/definition";
import { LIVE_TOPICS } from "@/lib/live/events";
import { STAGES } from "@/lib/monitor/funnel";
import { ZMonitorQuery, ZSetTargets } from "@/lib/monitor/schemas";
import { ZStudyParams } from "@/lib/study/schemas";

const ZFunnel = z.object({
  stages: z.array(z.object({ stage: z.enum(STAGES), count: z.number(), ofNominated: z.number().nullable(), fromPrevious: z.number().nullable() })),
  declined: z.number(),
  withdrawn: z.number(),
  rejected: z.number(),
});

/** The response monitor (lib/monitor/service.ts TMonitor): the funnel overall and per country × group, activity, drop-off. */
export const ZMonitor = z.object({
  studyId: z.string(),
  generatedAt: z.string(),
  /** The wave shown (the latest unless asked for another) and the questionnaire's opened waves. */
  wave: z.number(),
  waves: z.array(
    z.object({
      number: z.number(),
      kind: z.enum(["WAVE", "DELPHI_ROUND"]),
      status: z.enum(["OPEN", "CLOSED", "PLANNED"]),
      audience: z.enum(["PANEL", "PREVIOUS_COMPLETED"]),
    }),
  ),
  overall: ZFunnel,
  cells: z.array(
    ZFunnel.extend({
      country: z.string(),
      expertGroup: z.enum(ExpertGroup),
      target: z.number().nullable(),
      progress: z.number().nullable(),
      started: z.number(),
      completed: z.number(),
    }),
  ),
  activity: z.array(
    z.object({
      expertId: z.string(),
      pseudonym: z.number(),
      country: z.string(),
      expertGroup: z.enum(ExpertGroup),
      status: z.enum(ExpertStatus),
      linkOpenedAt: z.string().nullable(),
      startedAt: z.string().nullable(),
      submittedAt: z.string().nullable(),
      lastActivityAt: z.string().nullable(),
    }),
  ),
  completion: z.object({ submitted: z.number(), medianSeconds: z.number().nullable() }),
  dropOff: z.object({
    sections: z.array(z.object({ sectionCode: z.string(), title: ZText.nullable(), position: z.number(), count: z.number() })),
    beforeFirstAnswer: z.number(),
  }),
});

/** The data of the live stream's `change` events: only the topic (pages refetch through their own routes). */
export const ZLiveChange = z.object({ topic: z.enum([...LIVE_TOPICS, "resync"]) });
export type TLiveChange = z.output<typeof ZLiveChange>;

export const monitorRoutes = {
  monitor: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/monitor",
    summary: "The response monitor of the study.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    query: ZMonitorQuery,
    response: ZMonitor,
  }),
  targets: defineRoute({
    method: "PUT",
    path: "/api/coordinator/studies/[studyId]/targets",
    summary: "Sets the targets of the panel's country × group cells.",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    body: ZSetTargets,
    response: z.object({ targets: z.array(z.object({ country: z.string(), expertGroup: z.enum(ExpertGroup), target: z.number() })) }),
  }),
  live: defineRoute({
    method: "GET",
    path: "/api/coordinator/studies/[studyId]/live",
    summary: "Server-sent events: `event: change` with `{ topic }` each time something in the study changes (see ZLiveChange).",
    roles: ["COORDINATOR"],
    params: ZStudyParams,
    response: { kind: "stream" },
  }),
};
