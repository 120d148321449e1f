import { randomUUID } from "node:crypto";
import type { TItemKind } from "./fixtures";
import type { HttpClient } from "./http";
import { randomInt, randomValue } from "./values";

/**
 * Simulated experts autosaving, the way the questionnaire page does: each expert keeps, per item,
 * the last revision the server acknowledged and sends it as `baseRevision`; an item is never saved
 * again while its previous save is in flight (the page queues saves per item), so a conflict means
 * the server lost or reordered something.
 */

export type TItemSpec = { code: string; kind: TItemKind };

/** Client-side record of every expert × item: what the server last acknowledged. */
export class ExpertPanel {
  readonly revision: Int32Array;
  readonly value: unknown[];
  readonly busy: Uint8Array;
  /** A save whose outcome is unknown (network error, 5xx, timeout): it may or may not have been applied. */
  readonly unknown: Uint8Array;

  constructor(
    readonly cookies: string[],
    readonly expertIds: string[],
    readonly items: TItemSpec[],
    /** The published version the questionnaire page showed (sent with every save). */
    readonly versionId: string,
  ) {
    const n = cookies.length * items.length;
    this.revision = new Int32Array(n);
    this.value = new Array<unknown>(n).fill(null);
    this.busy = new Uint8Array(n);
    this.unknown = new Uint8Array(n);
  }

  get experts(): number {
    return this.cookies.length;
  }

  /** A random expert and one of their items with no save in flight; -1 if that expert has none free. */
  pick(): number {
    const e = randomInt(this.experts);
    const m = this.items.length;
    for (let tries = 0; tries < 8; tries++) {
      const slot = e * m + randomInt(m);
      if (!this.busy[slot]) return slot;
    }
    for (let j = 0; j < m; j++) if (!this.busy[e * m + j]) return e * m + j;
    return -1;
  }
}

const NETWORK = -1;

export type TPhaseResult = {
  label: string;
  /** Requests the schedule called for (open loop) or made (closed loop). */
  scheduled: number;
  completed: number;
  acked: number;
  replays: number;
  /** 409s on an item whose previous save went unanswered: the client resyncing, as the page does. */
  resyncs: number;
  /** 409s otherwise: the server refused a save based on the last revision it acknowledged. */
  conflicts: number;
  dropped: number;
  /** Everything but 200 and a revision conflict: other statuses, network errors, timeouts, drops. */
  errors: number;
  errorKinds: Record<string, number>;
  /** The first response body (or error message) of each kind of error. */
  errorExamples: Record<string, string>;
  /** Latency of every completed request, in ms, from when it was due (open loop) or sent (closed loop). */
  latencies: Float64Array;
  /** First due time to last completion, in seconds. */
  seconds: number;
  ackedPerSecond: number;
  /** Acknowledged saves in each whole second of the run. */
  timeline: number[];
  maxInFlight: number;
  /** How late the generator sent requests behind their schedule (ms): a busy generator shows here. */
  maxSendLagMs: number;
  sockets: number;
};

type TRecorder = {
  result: TPhaseResult;
  t0: number;
  lat: number[];
  inFlight: number;
};

function newRecorder(label: string): TRecorder {
  return {
    t0: performance.now(),
    lat: [],
    inFlight: 0,
    result: {
      label,
      scheduled: 0,
      completed: 0,
      acked: 0,
      replays: 0,
      resyncs: 0,
      conflicts: 0,
      dropped: 0,
      errors: 0,
      errorKinds: {},
      errorExamples: {},
      latencies: new Float64Array(0),
      seconds: 0,
      ackedPerSecond: 0,
      timeline: [],
      maxInFlight: 0,
      maxSendLagMs: 0,
      sockets: 0,
    },
  };
}

function countError(r: TPhaseResult, kind: string, example?: string): void {
  r.errors++;
  r.errorKinds[kind] = (r.errorKinds[kind] ?? 0) + 1;
  if (example && !(kind in r.errorExamples)) r.errorExamples[kind] = example.slice(0, 400);
}

/** Sends one save for `slot` and records its outcome into the panel and the recorder. */
async function save(http: HttpClient, origin: string, panel: ExpertPanel, slot: number, rec: TRecorder, dueAt: number): Promise<void> {
  const m = panel.items.length;
  const expert = Math.floor(slot / m);
  const item = panel.items[slot % m]!;
  const value = randomValue(item.kind, item.code);
  const body = JSON.stringify({ mutationId: randomUUID(), versionId: panel.versionId, item: item.code, baseRevision: panel.revision[slot], value });
  const r = rec.result;
  const wasUnknown = panel.unknown[slot] === 1;
  panel.busy[slot] = 1;
  rec.inFlight++;
  if (rec.inFlight > r.maxInFlight) r.maxInFlight = rec.inFlight;
  let code = NETWORK;
  try {
    const res = await http.request("POST", "/api/expert/answers", { "content-type": "application/json", origin, cookie: panel.cookies[expert]! }, body);
    code = res.status;
    let parsed: { status?: string; revision?: number; replay?: boolean; value?: unknown; error?: { code?: string } } = {};
    try {
      parsed = JSON.parse(res.body);
    } catch {
      // not JSON: counted below by status
    }
    if (res.status === 200 && parsed.status === "saved" && typeof parsed.revision === "number") {
      panel.revision[slot] = parsed.revision;
      panel.value[slot] = value;
      panel.unknown[slot] = 0;
      r.acked++;
      if (parsed.replay) r.replays++;
      const second = Math.floor((performance.now() - rec.t0) / 1000);
      r.timeline[second] = (r.timeline[second] ?? 0) + 1;
    } else if (res.status === 409 && parsed.status === "conflict" && typeof parsed.revision === "number") {
      // What the page does: adopt the stored answer and its revision.
      panel.revision[slot] = parsed.revision;
      panel.value[slot] = parsed.value ?? null;
      panel.unknown[slot] = 0;
      if (wasUnknown) r.resyncs++;
      else r.conflicts++;
    } else {
      // A 5xx may have committed before failing; a 4xx did not, but keep it simple and honest.
      if (res.status >= 500) panel.unknown[slot] = 1;
      countError(r, `HTTP ${res.status}${parsed.error?.code ? ` ${parsed.error.code}` : ""}`, `${body} → ${res.body}`);
    }
  } catch (error) {
    panel.unknown[slot] = 1;
    countError(r, `network ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, (error as Error).message);
  } finally {
    panel.busy[slot] = 0;
    rec.inFlight--;
    r.completed++;
    if (code !== NETWORK) rec.lat.push(performance.now() - dueAt);
  }
}

function finish(rec: TRecorder, http: HttpClient): TPhaseResult {
  const r = rec.result;
  r.latencies = Float64Array.from(rec.lat);
  r.seconds = (performance.now() - rec.t0) / 1000;
  r.ackedPerSecond = r.acked / r.seconds;
  for (let i = 0; i < r.timeline.length; i++) r.timeline[i] ??= 0;
  r.sockets = Math.max(r.sockets, http.sockets());
  return r;
}

async function drain(rec: TRecorder, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (rec.inFlight > 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
}

/**
 * Open loop: requests are due at a steady `rate` whatever the server does, so a slow server shows
 * as latency (measured from the due time) instead of as a politely slower client. Past
 * `maxInFlight` outstanding requests, new ones are dropped and counted as errors.
 */
export async function openLoop(options: {
  label: string;
  http: HttpClient;
  origin: string;
  panel: ExpertPanel;
  rate: number;
  seconds: number;
  maxInFlight: number;
  requestTimeoutMs: number;
}): Promise<TPhaseResult> {
  const { http, origin, panel, rate } = options;
  const rec = newRecorder(options.label);
  const total = Math.max(1, Math.round(rate * options.seconds));
  const r = rec.result;
  let sockSampler = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - rec.t0) * rate) / 1000) + 1);
      while (r.scheduled < due) {
        const dueAt = rec.t0 + (r.scheduled * 1000) / rate;
        r.scheduled++;
        r.maxSendLagMs = Math.max(r.maxSendLagMs, now - dueAt);
        if (rec.inFlight >= options.maxInFlight) {
          r.dropped++;
          countError(r, "dropped (in-flight cap)");
          continue;
        }
        const slot = panel.pick();
        if (slot < 0) {
          r.dropped++;
          countError(r, "dropped (expert has every item in flight)");
          continue;
        }
        void save(http, origin, panel, slot, rec, dueAt);
      }
      if (++sockSampler % 100 === 0) r.sockets = Math.max(r.sockets, http.sockets());
      if (r.scheduled >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await drain(rec, options.requestTimeoutMs + 5_000);
  return finish(rec, http);
}

/** Closed loop: `concurrency` clients each send the next save as soon as the last is answered. */
export async function closedLoop(options: {
  label: string;
  http: HttpClient;
  origin: string;
  panel: ExpertPanel;
  concurrency: number;
  seconds: number;
  requestTimeoutMs: number;
}): Promise<TPhaseResult> {
  const { http, origin, panel } = options;
  const rec = newRecorder(options.label);
  const deadline = rec.t0 + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) {
        const slot = panel.pick();
        if (slot < 0) {
          await new Promise((r) => setImmediate(r));
          continue;
        }
        rec.result.scheduled++;
        await save(http, origin, panel, slot, rec, performance.now());
      }
    }),
  );
  await drain(rec, options.requestTimeoutMs + 5_000);
  return finish(rec, http);
}
