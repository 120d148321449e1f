import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and start-up scripts: 200 when the app and its database answer, else 503. */
export async function GET() {
  const ok = await databaseAnswers();
  return NextResponse.json({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
