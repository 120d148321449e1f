import { z } from "zod";
import { route } from "@/lib/http/handler";
import { getExpertFeedback } from "@/lib/delphi/expert";
import { parseQuery } from "@/lib/interviews/input";
import { ZCode } from "@/lib/instrument/definition";

const ZFeedbackQuery = z.object({ item: ZCode.optional() });

/** The expert's own previous answers and the group's, per item of the Delphi round they are in (null outside one). */
export const GET = route({ roles: ["EXPERT"] }, async ({ actor, req }) => {
  const query = parseQuery(ZFeedbackQuery, req.nextUrl.searchParams);
  return { feedback: await getExpertFeedback(actor, query.item) };
});
