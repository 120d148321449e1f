import { NextResponse } from "next/server";
import { z } from "zod";
import { route } from "@/lib/http/handler";
import { subscribeLive } from "@/lib/live/listener";
import { getStudy } from "@/lib/study/service";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;
/** Streams end after a while; the browser reconnects at once and is authenticated afresh. */
const MAX_STREAM_MS = 5 * 60_000;

/**
 * Server-sent events for a coordinator's live views: `event: change` with `{"topic": ...}` each
 * time something in the study changes, in any app instance. Events carry no data, only the topic:
 * the page refetches what it shows through its own authorized route.
 */
export const GET = route({ roles: ["COORDINATOR"], params: z.object({ studyId: z.uuid() }) }, async ({ req, actor, params }) => {
  await getStudy(actor, params.studyId);
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = subscribeLive(params.studyId, (event) => send(`event: change\ndata: ${JSON.stringify({ topic: event.topic })}\n\n`));
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), HEARTBEAT_MS);
      const expiry = setTimeout(() => cleanup(), MAX_STREAM_MS);
      cleanup = () => {
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(expiry);
        try {
          controller.close();
        } catch {
          // Already closed by the client.
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
      send("retry: 1000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      cleanup();
    },
  });
  return new NextResponse(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "Content-Encoding": "none",
      "X-Accel-Buffering": "no",
    },
  });
});
