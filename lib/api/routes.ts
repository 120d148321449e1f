import { aggregateRoutes } from "@/lib/aggregates/contract";
import { publicRoutes } from "@/lib/api/public-contract";
import { codebookRoutes } from "@/lib/codebook/contract";
import { delphiRoutes } from "@/lib/delphi/contract";
import { exportRoutes } from "@/lib/exports/contract";
import type { TRouteContract } from "@/lib/http/contract";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { interviewRoutes } from "@/lib/interviews/contract";
import { messagingRoutes } from "@/lib/messaging/contract";
import { monitorRoutes } from "@/lib/monitor/contract";
import { panelRoutes } from "@/lib/panel/contract";
import { quoteRoutes } from "@/lib/quotes/contract";
import { responseRoutes } from "@/lib/responses/contract";
import { studyRoutes } from "@/lib/study/contract";
import { userRoutes } from "@/lib/users/contract";

/**
 * Every API route's contract, from the domains' contract.ts files: the typed client (lib/api/client.ts)
 * looks them up by "METHOD /path", scripts/openapi.ts describes them. A new route adds its contract
 * to its domain's file (and, for a new domain, the domain's object here).
 */
export const API_ROUTES = [
  ...Object.values(aggregateRoutes),
  ...Object.values(codebookRoutes),
  ...Object.values(delphiRoutes),
  ...Object.values(exportRoutes),
  ...Object.values(instrumentRoutes),
  ...Object.values(interviewRoutes),
  ...Object.values(messagingRoutes),
  ...Object.values(monitorRoutes),
  ...Object.values(panelRoutes),
  ...Object.values(publicRoutes),
  ...Object.values(quoteRoutes),
  ...Object.values(responseRoutes),
  ...Object.values(studyRoutes),
  ...Object.values(userRoutes),
] satisfies TRouteContract[];

type TAll = (typeof API_ROUTES)[number];
export type TApiRoutes = { [C in TAll as `${C["method"]} ${C["path"]}`]: C };
