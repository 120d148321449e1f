import { NextResponse } from "next/server";
import { route } from "@/lib/http/handler";
import { subscribeLive } from "@/lib/live/listener";
import { monitorRoutes, type TLiveChange } from "@/lib/monitor/contract";
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
export const GET = route(monitorRoutes.live, async ({ req, actor, params }) => {
  await getStudy(actor, params.studyId);
  const encoder = new TextEncoder();
  const queued: string[] = [];
  let send = (text: string) => void queued.push(text);
  // Listen before answering, so that the "ready" the browser sees means nothing later is missed.
  const unsubscribe = await subscribeLive(params.studyId, (event) => send(`event: change\ndata: ${JSON.stringify({ topic: event.topic } satisfies TLiveChange)}\n\n`));
  let cleanup = () => unsubscribe();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
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
      for (const text of queued.splice(0)) send(text);
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
