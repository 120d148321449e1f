import { NextResponse } from "next/server";
import { route } from "@/lib/http/handler";
import { ZSaveAnswer } from "@/lib/responses/schemas";
import { saveAnswer } from "@/lib/responses/service";

/** Autosave of one answer: 200 once committed, 409 with the stored value when a newer one exists. */
export const POST = route({ roles: ["EXPERT"], body: ZSaveAnswer }, async ({ actor, body }) => {
  const result = await saveAnswer(actor, body);
  return NextResponse.json(result, { status: result.status === "conflict" ? 409 : 200, headers: { "Cache-Control": "no-store" } });
});
