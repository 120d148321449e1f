import { NextResponse } from "next/server";
import { route } from "@/lib/http/handler";
import { ZInterviewParams, ZSaveNote } from "@/lib/interviews/schemas";
import { saveNote } from "@/lib/interviews/service";

/** Autosave of the notes on one question: 200 once committed, 409 with the stored note when a newer one exists. */
export const POST = route({ roles: ["INTERVIEWER"], params: ZInterviewParams, body: ZSaveNote }, async ({ actor, params, body }) => {
  const result = await saveNote(actor, params.interviewId, body);
  return NextResponse.json(result, { status: result.status === "conflict" ? 409 : 200, headers: { "Cache-Control": "no-store" } });
});
