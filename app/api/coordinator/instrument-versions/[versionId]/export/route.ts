import { NextResponse } from "next/server";
import { route } from "@/lib/route/handler";
import { instrumentRoutes } from "@/lib/instrument/contract";
import { exportVersion } from "@/lib/instrument/service";

export const GET = route(instrumentRoutes.export, async ({ actor, params }) => {
  const file = await exportVersion(actor, params.versionId);
  const name = `${file.name.replace(/[^\p{L}\p{N}_-]+/gu, "-")}-v${file.number}.json`;
  return new NextResponse(JSON.stringify(file, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="instrument-v${file.number}.json"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
});
