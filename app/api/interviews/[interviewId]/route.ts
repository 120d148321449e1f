import { NextResponse } from "next/server";
import { route } from "@/lib/http/handler";
import { ZInterviewParams } from "@/lib/interviews/schemas";
import { getInterview } from "@/lib/interviews/service";

/** The workspace's data: guide, notes with revisions, quotes and codebook (own interview, or any for a coordinator). */
export const GET = route({ roles: ["INTERVIEWER", "COORDINATOR"], params: ZInterviewParams }, async ({ actor, params }) =>
  NextResponse.json(await getInterview(actor, params.interviewId), { headers: { "Cache-Control": "no-store" } }),
);
